import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contribution, Lang } from '../api/types';
import { DeleteDialog, FlagDialog, type ModerationAction, ModerationDialog } from '../components/ActionDialogs';
import { Breadcrumbs } from '../components/Breadcrumbs';
import { Composer } from '../components/Composer';
import { PublishedDigests } from '../components/Published';
import { type ThreadContext, ThreadList } from '../components/ContributionView';
import { SuspensionBanner, useSuspension } from '../components/SuspensionBanner';
import { ErrorNote, Loading, Toast, useSubmit } from '../components/ui';
import { isLang, useLang } from '../i18n';
import { useAuth } from '../lib/auth';
import { formatDate, pick, plainExcerpt } from '../lib/format';
import { useNotificationListener } from '../lib/notifications';
import { Link, useLocation, usePageTitle } from '../lib/router';
import { buildTree } from '../lib/thread';
import { useSpaceLive } from '../live/useSpaceLive';
import { useContributionFocus, useSeenTracking } from './thread/useSeenTracking';
import { useThreadData, useThreadEvents } from './thread/useThreadData';

export function ThreadPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const uiLang = useLang();
  const { path, query } = useLocation();
  // a digest's "read the original" link asks for the thread in the language it was written in
  const asked = query.get('lang');
  const lang: Lang = isLang(asked) ? asked : uiLang;
  const { user } = useAuth();
  const { space, roundtable, thread, dispatch, seqAtLoad, loading, error, notMember, refetch, join } = useThreadData(
    id,
    lang,
    user?.id,
  );
  const [sort, setSort] = useState<'oldest' | 'newest'>('oldest');
  const [moderating, setModerating] = useState<{ id: string; action: ModerationAction; excerpt?: string } | null>(null);
  const [flagging, setFlagging] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const [toast, setToast] = useState('');

  const canModerate = !!user && (user.isOrganiser || space?.myRole === 'moderator');

  const onEvent = useThreadEvents(dispatch, refetch, canModerate, user?.id);
  const status = useSpaceLive({ spaceId: id, initialSeq: seqAtLoad, onEvent });
  const suspension = useSuspension(id, roundtable?.consultationId);

  // a decision on one of the reader's contributions (a rejection has no space event) shows at once
  useNotificationListener((n) => {
    if (n.contributionId && n.spaceId === id && thread.byId.has(n.contributionId)) refetch(n.contributionId);
  });

  const visible = useCallback(
    (c: Contribution) =>
      c.status === 'published' ||
      (canModerate && c.status !== 'deleted') ||
      (c.authorId === user?.id && (c.status === 'pending' || c.status === 'hidden' || c.status === 'rejected')),
    [canModerate, user?.id],
  );
  const nodes = useMemo(
    () => buildTree(thread.byId.values(), visible, sort === 'newest'),
    [thread.byId, visible, sort],
  );
  const count = useMemo(() => [...thread.byId.values()].filter((c) => c.status === 'published').length, [thread.byId]);
  const unseen = useMemo(() => new Set(thread.unseen), [thread.unseen]);

  const { announce, showNew } = useSeenTracking(thread, dispatch);
  const setFocusId = useContributionFocus(thread);

  const ctx: ThreadContext = {
    spaceId: id,
    meId: user?.id ?? '',
    canModerate,
    canPost: !!space && space.status === 'open' && !notMember && !suspension,
    preModerated: space?.moderation === 'pre',
    readingLang: lang,
    unseen,
    // the composer announces the outcome itself
    onPosted: (c, options) => {
      dispatch({ type: 'upsert', item: c });
      if (options?.focus) setFocusId(c.id);
    },
    onChanged: (c) => dispatch({ type: 'upsert', item: c }),
    onModerate: (c, action) => setModerating({ id: c.id, action, excerpt: plainExcerpt(c.body).slice(0, 200) }),
    onFlag: (c) => setFlagging(c.id),
    onDelete: (c) => setDeleting(c.id),
  };

  const prompt = pick(space?.prompt, lang);
  usePageTitle(space ? t('roundtable.questionNumber', { number: space.number }) : undefined);
  if (error) return <ErrorNote error={error} />;
  if (!space) return <Loading />;
  const rtTitle = pick(roundtable?.title, uiLang);

  return (
    <>
      <Breadcrumbs
        items={
          roundtable
            ? [
                {
                  to: `/roundtables/${roundtable.id}`,
                  label: t('consultation.roundtableNumber', { number: roundtable.number }) + ' — ' + rtTitle.text,
                },
              ]
            : []
        }
      />
      <p className="eyebrow">
        {t('roundtable.questionNumber', { number: space.number })}{' '}
        {space.status !== 'open' && (
          <span className={`badge status-${space.status}`}>{t(`space.status.${space.status}`)}</span>
        )}
      </p>
      <h1 className="prompt-title" lang={prompt.lang}>
        {prompt.text}
      </h1>
      <p className="muted">{t(`space.moderation.${space.moderation}`)}</p>
      {space.closesAt && <p className="muted">{t('space.closes', { date: formatDate(space.closesAt, uiLang) })}</p>}
      {lang !== uiLang && (
        <p className="note reading-lang" lang={uiLang}>
          {t('thread.readingIn', { language: t(`languages.${lang}`) })}{' '}
          <Link to={path + location.hash}>{t('thread.readInMine', { language: t(`languages.${uiLang}`) })}</Link>
        </p>
      )}
      {notMember ? (
        <NotMemberPanel onJoin={join} />
      ) : (
        <div className="thread-tools">
          <p className="muted">
            {t('thread.count', { count })}
            {/* a suspended member is kept out of the live room: the banner says why, not "offline" */}
            {!suspension && ' · '}
            {!suspension && (
              <span className={`live-status ${status}`} role="status">
                {status === 'live' ? t('live.on') : status === 'connecting' ? t('live.connecting') : t('live.off')}
              </span>
            )}
          </p>
          <div className="field inline">
            <label htmlFor="thread-sort">{t('thread.sort')}</label>
            <select id="thread-sort" value={sort} onChange={(e) => setSort(e.target.value as 'oldest' | 'newest')}>
              <option value="oldest">{t('thread.oldest')}</option>
              <option value="newest">{t('thread.newest')}</option>
            </select>
          </div>
          {(canModerate || user?.isOrganiser) && (
            <p className="staff-links">
              {canModerate && <Link to={`/spaces/${id}/moderation`}>{t('moderation.queueLink')}</Link>}
              {user?.isOrganiser && <Link to={`/spaces/${id}/manage`}>{t('organiser.manageSpace')}</Link>}
            </p>
          )}
        </div>
      )}
      {suspension && <SuspensionBanner suspension={suspension} />}
      {notMember ? null : loading && thread.byId.size === 0 ? (
        <Loading />
      ) : (
        <>
          {nodes.length === 0 && <p>{t('thread.empty')}</p>}
          <ThreadList nodes={nodes} ctx={ctx} label={t('thread.label')} />
          {ctx.canPost || (suspension && space.status === 'open') ? (
            <section aria-labelledby="compose-h" className="panel">
              <h2 id="compose-h">{t('composer.title')}</h2>
              <Composer
                spaceId={id}
                preModerated={ctx.preModerated}
                onPosted={ctx.onPosted}
                disabledReason={
                  suspension
                    ? t('notifications.composerSuspended', { until: formatDate(suspension.until, uiLang) }) +
                      ' ' +
                      t('notifications.suspendedReason', { reason: suspension.reason })
                    : null
                }
              />
            </section>
          ) : (
            <p className="note">{t('thread.readOnly')}</p>
          )}
          <PublishedDigests spaceId={id} />
        </>
      )}
      <div className="new-indicator" aria-hidden={thread.unseen.length === 0}>
        {thread.unseen.length > 0 && (
          <button type="button" className="pill" onClick={showNew}>
            {t('thread.newCount', { count: thread.unseen.length })}
          </button>
        )}
      </div>
      <p className="visually-hidden" aria-live="polite">
        {announce}
      </p>
      <ModerationDialog
        target={moderating}
        onClose={() => setModerating(null)}
        onDone={(action) => {
          if (moderating) refetch(moderating.id);
          setModerating(null);
          setToast(t(`moderation.done.${action}`));
        }}
      />
      <FlagDialog
        contributionId={flagging}
        onClose={() => setFlagging(null)}
        onDone={() => {
          setFlagging(null);
          setToast(t('flag.done'));
        }}
      />
      <DeleteDialog
        contributionId={deleting}
        onClose={() => setDeleting(null)}
        onDone={() => {
          if (deleting)
            dispatch({
              type: 'patch',
              id: deleting,
              patch: { status: 'deleted', body: null, bodyHtml: null, text: null },
            });
          setDeleting(null);
          setToast(t('thread.deletedDone'));
        }}
      />
      <Toast message={toast} onDismiss={() => setToast('')} />
    </>
  );
}

/** Said to someone who is not a member of the question, instead of an empty thread: what that means, and joining when they may. */
function NotMemberPanel({ onJoin }: { onJoin(): Promise<void> }) {
  const { t } = useTranslation();
  const joining = useSubmit(onJoin);
  return (
    <section className="panel access-page" aria-labelledby="not-member-h">
      <h2 id="not-member-h">{t('access.notMemberTitle')}</h2>
      <p>{t('access.notMemberText')}</p>
      <ErrorNote error={joining.error} />
      <button type="button" className="primary" disabled={joining.busy} onClick={() => void joining.run()}>
        {t('thread.join')}
      </button>
    </section>
  );
}
