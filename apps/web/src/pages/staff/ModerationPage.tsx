import { type FormEvent, useCallback, useEffect, useMemo, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { api, call, download } from '../../api/client';
import type {
  AuditEntry,
  AuditPage,
  Digest,
  DigestList,
  QueueItem,
  QueuePage,
  RunningSuspensionPage,
  Space,
} from '../../api/types';
import { LiftSuspensionDialog, type ModerationAction, ModerationDialog } from '../../components/ActionDialogs';
import { ContributionText } from '../../components/ContributionView';
import { MemberPicker, type PickedMember, spaceMemberSearch } from '../../components/MemberPicker';
import { ErrorNote, Loading, useAsync, useSubmit } from '../../components/ui';
import { useLang } from '../../i18n';
import { useAuth } from '../../lib/auth';
import { formatDate, fromLocalInput, pick, plainExcerpt } from '../../lib/format';
import { Link, navigate, usePageTitle } from '../../lib/router';
import { useSpaceLive } from '../../live/useSpaceLive';

export default function ModerationPage({ spaceId }: { spaceId: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const spaceRes = useAsync(
    () => call<Space>(api.GET('/api/v1/spaces/{id}', { params: { path: { id: spaceId } } })),
    [spaceId],
  );
  const queue = useAsync(
    // moderators read queued items as written (the queue takes no language)
    () =>
      call<QueuePage>(
        api.GET('/api/v1/spaces/{id}/moderation/queue', { params: { path: { id: spaceId }, query: { limit: 100 } } }),
      ),
    [spaceId],
  );
  const [logTick, setLogTick] = useState(0);
  const [target, setTarget] = useState<{ id: string; action: ModerationAction; excerpt?: string } | null>(null);
  const [sanctionUser, setSanctionUser] = useState<{ id: string; name: string } | null>(null);
  const [announce, setAnnounce] = useState('');
  usePageTitle(t('moderation.title'));

  const reloadQueue = queue.reload;
  const onSide = useCallback(() => {
    reloadQueue();
    setAnnounce(t('moderation.queuedLive'));
  }, [reloadQueue, t]);
  const onEvent = useCallback(() => reloadQueue(), [reloadQueue]);
  const status = useSpaceLive({
    spaceId,
    initialSeq: spaceRes.data ? (spaceRes.data.lastSeq ?? 0) : null,
    onEvent,
    onSideEvent: onSide,
  });

  const space = spaceRes.data;
  const prompt = pick(space?.prompt, lang);
  if (spaceRes.error) return <ErrorNote error={spaceRes.error} />;
  return (
    <>
      <nav aria-label={t('nav.breadcrumbs')} className="breadcrumbs">
        <ol>
          <li>
            <Link to={`/spaces/${spaceId}`}>
              {space ? t('roundtable.questionNumber', { number: space.number }) : '…'}
            </Link>
          </li>
        </ol>
      </nav>
      <h1>{t('moderation.title')}</h1>
      {space && (
        <p className="lede" lang={prompt.lang}>
          {prompt.text}
        </p>
      )}
      <nav aria-label={t('moderation.sections')} className="toc">
        <a href="#queue-h">{t('moderation.queue')}</a> · <a href="#sanctions-h">{t('moderation.sanctions')}</a> ·{' '}
        <a href="#digests-h">{t('digest.title')}</a> · <a href="#log-h">{t('moderation.log')}</a>
      </nav>

      <section aria-labelledby="queue-h">
        <h2 id="queue-h">
          {t('moderation.queue')}{' '}
          <span className={`live-status ${status}`}>
            {status === 'live' ? t('live.on') : status === 'connecting' ? t('live.connecting') : t('live.off')}
          </span>
        </h2>
        <ErrorNote error={queue.error} />
        {queue.loading && !queue.data && <Loading />}
        {queue.data && queue.data.items.length === 0 && <p className="note note-ok">{t('moderation.empty')}</p>}
        <ol className="queue">
          {queue.data?.items.map((item) => {
            const c = item.contribution;
            return (
              <li key={`${item.kind}-${c.id}`} className="queue-item card">
                <article aria-labelledby={`q-${c.id}`} data-id={c.id}>
                  <header className="byline">
                    <span className={`badge ${item.kind === 'pending' ? 'pending' : 'flagged'}`}>
                      {t(`moderation.kind.${item.kind}`)}
                    </span>
                    <h3 id={`q-${c.id}`} className="author">
                      {c.author?.displayName}
                    </h3>
                    {c.author?.organisation && <span className="org">{c.author.organisation}</span>}
                    <span className="badge constituency">{t(`constituency.${c.author?.constituency ?? 'other'}`)}</span>
                    <time dateTime={item.queuedAt}>{formatDate(item.queuedAt, lang)}</time>
                    <span className={`badge status-${c.status}`}>{t(`contributionStatus.${c.status}`)}</span>
                  </header>
                  <ContributionText c={c} lang={lang} />
                  {item.kind === 'flagged' && (
                    <div className="flags">
                      <p>
                        <strong>{t('moderation.flagCount', { count: item.flagCount })}</strong>{' '}
                        {item.reasons?.map((r) => `${t(`flag.reasons.${r.reason}`)} ×${r.count}`).join(' · ')}
                      </p>
                      {item.flags?.some((f) => f.note) && (
                        <ul>
                          {item.flags
                            .filter((f) => f.note)
                            .map((f, i) => (
                              <li key={i}>
                                “{f.note}” — {formatDate(f.flaggedAt, lang)}
                              </li>
                            ))}
                        </ul>
                      )}
                    </div>
                  )}
                  <div
                    className="actions"
                    role="group"
                    aria-label={t('thread.actionsFor', { name: c.author?.displayName ?? '' })}
                  >
                    {actionsFor(item).map((action) => (
                      <button
                        key={action}
                        type="button"
                        className={
                          action === 'approve' || action === 'restore'
                            ? 'primary'
                            : action === 'reject' || action === 'hide'
                              ? 'danger'
                              : ''
                        }
                        onClick={() => setTarget({ id: c.id, action, excerpt: plainExcerpt(c.body).slice(0, 200) })}
                      >
                        {t(`moderation.action.${action}`)}
                      </button>
                    ))}
                    <button
                      type="button"
                      className="link"
                      onClick={() => setSanctionUser({ id: c.authorId, name: c.author?.displayName ?? c.authorId })}
                    >
                      {t('moderation.sanctionAuthor')}
                    </button>
                  </div>
                </article>
              </li>
            );
          })}
        </ol>
      </section>

      <Sanctions spaceId={spaceId} preset={sanctionUser} tick={logTick} onDone={() => setLogTick((n) => n + 1)} />
      <DigestsSection spaceId={spaceId} />
      <AuditLog spaceId={spaceId} tick={logTick} />

      <p className="visually-hidden" aria-live="polite">
        {announce}
      </p>
      <ModerationDialog
        target={target}
        onClose={() => setTarget(null)}
        onDone={(action) => {
          setTarget(null);
          setAnnounce(t(`moderation.done.${action}`));
          queue.reload();
          setLogTick((n) => n + 1);
        }}
      />
    </>
  );
}

function actionsFor(item: QueueItem): ModerationAction[] {
  const s = item.contribution.status;
  if (s === 'pending') return ['approve', 'reject'];
  if (s === 'hidden') return ['restore', 'resolve'];
  return ['hide', 'resolve'];
}

function Sanctions({
  spaceId,
  preset,
  tick,
  onDone,
}: {
  spaceId: string;
  preset: { id: string; name: string } | null;
  tick: number;
  onDone(): void;
}) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<'warning' | 'suspension'>('warning');
  const [member, setMember] = useState<PickedMember | null>(null);
  const [until, setUntil] = useState('');
  const [reason, setReason] = useState('');
  const [done, setDone] = useState('');
  // staff cannot be warned or suspended: only participants are offered
  const search = useMemo(() => spaceMemberSearch(spaceId, 'participant'), [spaceId]);
  useEffect(() => {
    if (!preset) return;
    setMember({ userId: preset.id, displayName: preset.name });
    document.getElementById('sanction-reason')?.focus();
  }, [preset]);
  const submit = useSubmit(async () => {
    if (!member) return;
    const userId = member.userId;
    if (kind === 'suspension') {
      await call(
        api.POST('/api/v1/spaces/{id}/suspensions', {
          params: { path: { id: spaceId } },
          body: { userId, until: fromLocalInput(until)!, reason, scope: 'space' },
        }),
      );
    } else {
      await call(
        api.POST('/api/v1/spaces/{id}/warnings', { params: { path: { id: spaceId } }, body: { userId, reason } }),
      );
    }
    setDone(kind === 'suspension' ? t('moderation.suspended') : t('moderation.warned'));
    setReason('');
    setMember(null);
    onDone();
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void submit.run();
  };
  return (
    <section aria-labelledby="sanctions-h" className="panel">
      <h2 id="sanctions-h">{t('moderation.sanctions')}</h2>
      <form onSubmit={onSubmit} className="stack">
        <fieldset>
          <legend>{t('moderation.sanctionKind')}</legend>
          <div className="radio">
            <input
              type="radio"
              id="sk-warning"
              name="sanction-kind"
              checked={kind === 'warning'}
              onChange={() => setKind('warning')}
            />
            <label htmlFor="sk-warning">{t('moderation.warning')}</label>
          </div>
          <div className="radio">
            <input
              type="radio"
              id="sk-suspension"
              name="sanction-kind"
              checked={kind === 'suspension'}
              onChange={() => setKind('suspension')}
            />
            <label htmlFor="sk-suspension">{t('moderation.suspension')}</label>
          </div>
        </fieldset>
        <MemberPicker
          id="sanction-user"
          label={t('moderation.member')}
          hint={t('moderation.memberHint')}
          search={search}
          value={member}
          onChange={setMember}
        />
        {kind === 'suspension' && (
          <div className="field">
            <label htmlFor="sanction-until">{t('moderation.until')}</label>
            <input
              id="sanction-until"
              type="datetime-local"
              required
              value={until}
              onChange={(e) => setUntil(e.target.value)}
            />
          </div>
        )}
        <div className="field">
          <label htmlFor="sanction-reason">{t('moderation.reason')}</label>
          <textarea
            id="sanction-reason"
            rows={2}
            required
            maxLength={1000}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          <p className="hint">{t('moderation.sanctionHint')}</p>
        </div>
        <ErrorNote error={submit.error} />
        {done && (
          <p className="note note-ok" role="status">
            {done}
          </p>
        )}
        <button type="submit" disabled={submit.busy}>
          {kind === 'suspension' ? t('moderation.suspend') : t('moderation.warn')}
        </button>
      </form>
      <RunningSuspensions spaceId={spaceId} tick={tick} onLifted={onDone} />
    </section>
  );
}

/** Who is suspended here now (this space, or the whole consultation), and lifting it early. */
function RunningSuspensions({ spaceId, tick, onLifted }: { spaceId: string; tick: number; onLifted(): void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { user } = useAuth();
  const list = useAsync(
    () =>
      call<RunningSuspensionPage>(
        api.GET('/api/v1/spaces/{id}/suspensions', { params: { path: { id: spaceId }, query: { limit: 100 } } }),
      ),
    [spaceId, tick],
  );
  const [target, setTarget] = useState<{ id: string; name: string } | null>(null);
  const [lifted, setLifted] = useState('');
  const items = list.data?.items ?? [];
  return (
    <section aria-labelledby="running-h" className="running-section">
      <h3 id="running-h">{t('moderation.running')}</h3>
      <ErrorNote error={list.error} />
      {list.data && items.length === 0 && <p className="muted">{t('moderation.runningEmpty')}</p>}
      {items.length > 0 && (
        <ul className="plain-list running-suspensions">
          {items.map((s) => (
            <li key={s.id}>
              <strong>{s.displayName}</strong>
              {s.organisation ? ` — ${s.organisation}` : ''} ·{' '}
              {t('moderation.runningUntil', { date: formatDate(s.until, lang) })}
              {s.scope === 'consultation' && <span className="badge">{t('moderation.wholeConsultation')}</span>} ·{' '}
              {s.reason}{' '}
              {(s.scope === 'space' || user?.isOrganiser) && (
                <button
                  type="button"
                  className="link"
                  aria-label={t('moderation.liftFor', { name: s.displayName })}
                  onClick={() => setTarget({ id: s.id, name: s.displayName })}
                >
                  {t('moderation.lift')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {lifted && (
        <p className="note note-ok" role="status">
          {lifted}
        </p>
      )}
      <LiftSuspensionDialog
        spaceId={spaceId}
        target={target}
        onClose={() => setTarget(null)}
        onDone={(name) => {
          setTarget(null);
          setLifted(t('moderation.lifted', { name }));
          onLifted();
        }}
      />
    </section>
  );
}

function lastWeek(): { start: string; end: string } {
  const end = new Date();
  const start = new Date(end.getTime() - 7 * 86400_000);
  const d = (x: Date) => x.toISOString().slice(0, 10);
  return { start: d(start), end: d(end) };
}

function DigestsSection({ spaceId }: { spaceId: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const week = lastWeek();
  const [start, setStart] = useState(week.start);
  const [end, setEnd] = useState(week.end);
  // the contract has no list of a space's digests; shown when the api offers one
  const list = useAsync(
    () =>
      call<DigestList>(api.GET('/api/v1/spaces/{id}/digests', { params: { path: { id: spaceId } } })).catch(() => null),
    [spaceId],
  );
  const items = list.data?.items ?? [];
  const submit = useSubmit(async () => {
    const digest = await call<Digest>(
      api.POST('/api/v1/spaces/{id}/digests', {
        params: { path: { id: spaceId } },
        body: {
          periodStart: new Date(`${start}T00:00:00`).toISOString(),
          periodEnd: new Date(`${end}T23:59:59`).toISOString(),
        },
      }),
    );
    navigate(`/digests/${digest.id}`);
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void submit.run();
  };
  return (
    <section aria-labelledby="digests-h" className="panel">
      <h2 id="digests-h">{t('digest.title')}</h2>
      {items.length > 0 && (
        <ul className="plain-list">
          {items.map((d) => (
            <li key={d.id}>
              <Link to={`/digests/${d.id}`}>
                {formatDate(d.periodStart, lang, false)} – {formatDate(d.periodEnd, lang, false)}
              </Link>{' '}
              <span className="badge">{t(`digest.status.${d.status}`, { defaultValue: d.status })}</span>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={onSubmit} className="stack">
        <div className="row">
          <div className="field">
            <label htmlFor="digest-start">{t('digest.periodStart')}</label>
            <input id="digest-start" type="date" required value={start} onChange={(e) => setStart(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="digest-end">{t('digest.periodEnd')}</label>
            <input id="digest-end" type="date" required value={end} onChange={(e) => setEnd(e.target.value)} />
          </div>
        </div>
        <ErrorNote error={submit.error} />
        <button type="submit" disabled={submit.busy}>
          {t('digest.draft')}
        </button>
      </form>
    </section>
  );
}

/** What a decision did to the contribution's status, in words: "Published → Hidden", or "Still published" for a pin or a dismissed flag. */
function statusChange(e: AuditEntry, t: TFunction): string {
  const name = (status: string | null) => (status ? t(`contributionStatus.${status}`, { defaultValue: status }) : '—');
  if (!e.fromStatus && !e.toStatus) return '';
  if (e.fromStatus === e.toStatus) return t('findWay.logUnchanged', { status: name(e.toStatus).toLowerCase() });
  return t('findWay.logChanged', { from: name(e.fromStatus), to: name(e.toStatus) });
}

function AuditLog({ spaceId, tick }: { spaceId: string; tick: number }) {
  const { t } = useTranslation();
  const lang = useLang();
  const log = useAsync(
    () =>
      call<AuditPage>(
        api.GET('/api/v1/spaces/{id}/moderation/log', { params: { path: { id: spaceId }, query: { limit: 100 } } }),
      ),
    [spaceId, tick],
  );
  const [error, setError] = useState<unknown>(null);
  return (
    <section aria-labelledby="log-h">
      <h2 id="log-h">{t('moderation.log')}</h2>
      <ErrorNote error={log.error ?? error} />
      {log.data && log.data.items.length === 0 && <p>{t('moderation.logEmpty')}</p>}
      {log.data && log.data.items.length > 0 && (
        <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="log-h">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('moderation.logWhen')}</th>
                <th scope="col">{t('moderation.logWho')}</th>
                <th scope="col">{t('moderation.logAction')}</th>
                <th scope="col">{t('moderation.logSubject')}</th>
                <th scope="col">{t('moderation.reason')}</th>
                <th scope="col">{t('findWay.logChange')}</th>
                <th scope="col">{t('findWay.logPost')}</th>
              </tr>
            </thead>
            <tbody>
              {log.data.items.map((e) => (
                <tr key={e.id}>
                  <td>
                    <time dateTime={e.createdAt}>{formatDate(e.createdAt, lang)}</time>
                  </td>
                  <td>{e.actorName ?? t('moderation.system')}</td>
                  <td>{t(`moderation.logActions.${e.action}`, { defaultValue: e.action })}</td>
                  <td>{e.subjectName ?? ''}</td>
                  <td>{e.reason ?? ''}</td>
                  <td>{statusChange(e, t)}</td>
                  <td>
                    {e.contributionId && (
                      <Link to={`/contributions/${e.contributionId}`}>{t('findWay.logOpenPost')}</Link>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p>
        <button
          type="button"
          className="link"
          onClick={() =>
            download(`/api/v1/spaces/${spaceId}/moderation/log?format=csv`, 'moderation-log.csv').catch(setError)
          }
        >
          {t('moderation.logCsv')}
        </button>
      </p>
    </section>
  );
}
