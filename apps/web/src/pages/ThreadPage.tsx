import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, call } from '../api/client';
import type { Contribution, ContributionPage, Lang, Roundtable, Space, SpaceEvent } from '../api/types';
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
import { buildTree, emptyThread, threadReducer } from '../lib/thread';
import { useSpaceLive } from '../live/useSpaceLive';

const PAGE = 100;

/** Every contribution of the space in `lang` (all pages), plus the reader's own pending and rejected ones. */
async function loadAll(spaceId: string, lang: Lang, meId: string | undefined): Promise<Contribution[]> {
  const items: Contribution[] = [];
  let cursor: string | undefined;
  do {
    const page = await call<ContributionPage>(
      api.GET('/api/v1/spaces/{id}/contributions', { params: { path: { id: spaceId }, query: { lang, limit: PAGE, ...(cursor ? { cursor } : {}) } } }),
    );
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  // a rejected author keeps seeing the contribution, with the moderator's reason (moderators' view stays as it was)
  const own = await Promise.all(
    (['pending', 'rejected'] as const).map((status) =>
      call<ContributionPage>(api.GET('/api/v1/spaces/{id}/contributions', { params: { path: { id: spaceId }, query: { lang, limit: PAGE, status } } })).catch(() => ({
        items: [] as Contribution[],
      })),
    ),
  );
  const seen = new Set(items.map((c) => c.id));
  const [pending, rejected] = own;
  const extra = [...pending.items, ...rejected.items.filter((c) => c.authorId === meId)];
  return [...items, ...extra.filter((c) => !seen.has(c.id))];
}

export function ThreadPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const uiLang = useLang();
  const { path, query } = useLocation();
  // a digest's "read the original" link asks for the thread in the language it was written in
  const asked = query.get('lang');
  const lang: Lang = isLang(asked) ? asked : uiLang;
  const { user } = useAuth();
  const [space, setSpace] = useState<Space | null>(null);
  const [roundtable, setRoundtable] = useState<Roundtable | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notMember, setNotMember] = useState(false);
  const [thread, dispatch] = useReducer(threadReducer, emptyThread);
  const [seqAtLoad, setSeqAtLoad] = useState<number | null>(null);
  const [loading, setLoading] = useState(true);
  const [sort, setSort] = useState<'oldest' | 'newest'>('oldest');
  const [moderating, setModerating] = useState<{ id: string; action: ModerationAction; excerpt?: string } | null>(null);
  const [flagging, setFlagging] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const [announce, setAnnounce] = useState('');
  const [toast, setToast] = useState('');
  const [joinTick, setJoinTick] = useState(0);
  const [focusId, setFocusId] = useState<string | null>(null);

  const canModerate = !!user && (user.isOrganiser || space?.myRole === 'moderator');

  // the space first (its lastSeq), then the contributions: live events after that seq are replayed on join
  useEffect(() => {
    let live = true;
    setLoading(true);
    setError(null);
    (async () => {
      const s = await call<Space>(api.GET('/api/v1/spaces/{id}', { params: { path: { id } } }));
      if (!live) return;
      setSpace(s);
      call<Roundtable>(api.GET('/api/v1/roundtables/{id}', { params: { path: { id: s.roundtableId } } }))
        .then((r) => live && setRoundtable(r))
        .catch(() => undefined);
      try {
        const items = await loadAll(id, lang, user?.id);
        if (!live) return;
        dispatch({ type: 'reset', items });
        setNotMember(false);
        setSeqAtLoad(s.lastSeq ?? 0);
      } catch (err) {
        if (err instanceof ApiError && err.status === 403 && !s.myRole) setNotMember(true);
        else throw err;
      }
    })()
      .catch((err) => live && setError(err))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [id, lang, joinTick]);

  const refetch = useCallback(
    (contributionId: string) => {
      call<Contribution>(api.GET('/api/v1/contributions/{id}', { params: { path: { id: contributionId }, query: { lang } } }))
        .then((c) => dispatch({ type: 'upsert', item: c }))
        .catch((err) => {
          if (err instanceof ApiError && (err.status === 404 || err.status === 403)) dispatch({ type: 'patch', id: contributionId, patch: { status: 'hidden', body: null, bodyHtml: null, text: null } });
        });
    },
    [lang],
  );

  const onEvent = useCallback(
    (event: SpaceEvent) => {
      const p = event.payload ?? {};
      const contribution = p.contribution as Contribution | undefined;
      const cid: string | undefined = contribution?.id ?? p.contributionId ?? p.id;
      switch (event.type) {
        case 'contribution.published':
          if (contribution) dispatch({ type: 'upsert', item: contribution, live: contribution.authorId !== user?.id });
          else if (cid) refetch(cid);
          break;
        case 'contribution.deleted':
          if (cid) dispatch({ type: 'patch', id: cid, patch: { status: 'deleted', body: null, bodyHtml: null, text: null } });
          break;
        case 'contribution.hidden':
          if (!cid) break;
          // gone from readers' screens at once; read again for what the author and moderators see (the reason)
          if (!canModerate) dispatch({ type: 'patch', id: cid, patch: { status: 'hidden' } });
          refetch(cid);
          break;
        default:
          // updated, translated, restored, pinned, locked…: read it again in our language
          if (cid) refetch(cid);
      }
    },
    [refetch, canModerate, user?.id],
  );

  const status = useSpaceLive({ spaceId: id, initialSeq: seqAtLoad, onEvent });
  const suspension = useSuspension(id, roundtable?.consultationId);

  // a decision on one of the reader's contributions (a rejection has no space event) shows at once
  useNotificationListener((n) => {
    if (n.contributionId && n.spaceId === id && thread.byId.has(n.contributionId)) refetch(n.contributionId);
  });

  const visible = useCallback(
    (c: Contribution) =>
      c.status === 'published' || (canModerate && c.status !== 'deleted') || (c.authorId === user?.id && (c.status === 'pending' || c.status === 'hidden' || c.status === 'rejected')),
    [canModerate, user?.id],
  );
  const nodes = useMemo(() => buildTree(thread.byId.values(), visible, sort === 'newest'), [thread.byId, visible, sort]);
  const count = useMemo(() => [...thread.byId.values()].filter((c) => c.status === 'published').length, [thread.byId]);
  const unseen = useMemo(() => new Set(thread.unseen), [thread.unseen]);

  // a new contribution counts as seen once it has been on screen
  const observer = useRef<IntersectionObserver | null>(null);
  useEffect(() => {
    observer.current = new IntersectionObserver(
      (entries) => {
        // mostly in view, or filling most of the screen (a long contribution never shows 60 % of itself on a phone)
        const seen = (e: IntersectionObserverEntry) => e.isIntersecting && (e.intersectionRatio >= 0.6 || e.intersectionRect.height >= 0.5 * (e.rootBounds?.height ?? window.innerHeight));
        const ids = entries.filter(seen).map((e) => (e.target as HTMLElement).dataset.id!);
        if (ids.length) setTimeout(() => dispatch({ type: 'seen', ids }), 800);
      },
      { threshold: [0, 0.25, 0.6, 1] },
    );
    return () => observer.current?.disconnect();
  }, []);
  useEffect(() => {
    // observed again after each change of the thread: an update (a translation arriving) may render a new element
    for (const cid of thread.unseen) {
      const el = document.getElementById(`c-${cid}`);
      if (el) observer.current?.observe(el);
    }
  }, [thread.unseen, thread.byId]);
  useEffect(() => {
    if (thread.unseen.length) setAnnounce(t('thread.newCount', { count: thread.unseen.length }));
  }, [thread.unseen, t]);

  // focus moves to a contribution once it is rendered (a reply just posted)
  useEffect(() => {
    if (!focusId) return;
    const el = document.getElementById(`c-${focusId}`);
    if (!el) return;
    el.focus();
    setFocusId(null);
  }, [focusId, thread.byId]);

  // a link to one contribution (#c-<id>) lands on it once the thread has loaded
  const landed = useRef(false);
  useEffect(() => {
    if (landed.current || thread.byId.size === 0 || !location.hash.startsWith('#c-')) return;
    const el = document.getElementById(location.hash.slice(1));
    if (!el) return;
    landed.current = true;
    el.scrollIntoView({ block: 'center' });
    el.focus({ preventScroll: true });
  }, [thread.byId]);

  const showNew = () => {
    const first = thread.unseen.find((cid) => document.getElementById(`c-${cid}`));
    const el = first ? document.getElementById(`c-${first}`) : null;
    if (el) {
      el.scrollIntoView({ block: 'center' });
      el.focus({ preventScroll: true });
    }
  };

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

  const join = async () => {
    await call(api.POST('/api/v1/spaces/{id}/members', { params: { path: { id } } }));
    setJoinTick((n) => n + 1);
  };

  return (
    <>
      <Breadcrumbs items={roundtable ? [{ to: `/roundtables/${roundtable.id}`, label: t('consultation.roundtableNumber', { number: roundtable.number }) + ' — ' + rtTitle.text }] : []} />
      <p className="eyebrow">
        {t('roundtable.questionNumber', { number: space.number })}{' '}
        {space.status !== 'open' && <span className={`badge status-${space.status}`}>{t(`space.status.${space.status}`)}</span>}
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
                disabledReason={suspension ? t('notifications.composerSuspended', { until: formatDate(suspension.until, uiLang) }) + ' ' + t('notifications.suspendedReason', { reason: suspension.reason }) : null}
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
          if (deleting) dispatch({ type: 'patch', id: deleting, patch: { status: 'deleted', body: null, bodyHtml: null, text: null } });
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
