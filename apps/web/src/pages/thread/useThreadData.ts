import { type Dispatch, useCallback, useEffect, useReducer, useState } from 'react';
import { ApiError, api, call } from '../../api/client';
import type { Contribution, ContributionPage, Lang, Roundtable, Space, SpaceEvent } from '../../api/types';
import { emptyThread, type ThreadAction, type ThreadState, threadReducer } from '../../lib/thread';

const PAGE = 100;

/** Every contribution of the space in `lang` (all pages), plus the reader's own pending and rejected ones. */
async function loadAll(spaceId: string, lang: Lang, meId: string | undefined): Promise<Contribution[]> {
  const items: Contribution[] = [];
  let cursor: string | undefined;
  do {
    const page = await call<ContributionPage>(
      api.GET('/api/v1/spaces/{id}/contributions', {
        params: { path: { id: spaceId }, query: { lang, limit: PAGE, ...(cursor ? { cursor } : {}) } },
      }),
    );
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  // a rejected author keeps seeing the contribution, with the moderator's reason (moderators' view stays as it was)
  const own = await Promise.all(
    (['pending', 'rejected'] as const).map((status) =>
      call<ContributionPage>(
        api.GET('/api/v1/spaces/{id}/contributions', {
          params: { path: { id: spaceId }, query: { lang, limit: PAGE, status } },
        }),
      ).catch(() => ({
        items: [] as Contribution[],
      })),
    ),
  );
  const seen = new Set(items.map((c) => c.id));
  const [pending, rejected] = own;
  const extra = [...pending.items, ...rejected.items.filter((c) => c.authorId === meId)];
  return [...items, ...extra.filter((c) => !seen.has(c.id))];
}

export interface ThreadData {
  space: Space | null;
  roundtable: Roundtable | null;
  thread: ThreadState;
  dispatch: Dispatch<ThreadAction>;
  /** The space's seq when the contributions were read: live events after it are replayed on join. */
  seqAtLoad: number | null;
  loading: boolean;
  error: unknown;
  /** The reader is not a member: the thread is not theirs to read until they join. */
  notMember: boolean;
  /** Reads one contribution again in the reading language (after an event, a decision, an edit). */
  refetch(contributionId: string): void;
  /** Joins the question and reads it again. */
  join(): Promise<void>;
}

/**
 * A question as its page shows it: the space first (its lastSeq), then every contribution
 * in the reading language; read again when the language changes or the reader joins.
 */
export function useThreadData(id: string, lang: Lang, meId: string | undefined): ThreadData {
  const [space, setSpace] = useState<Space | null>(null);
  const [roundtable, setRoundtable] = useState<Roundtable | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notMember, setNotMember] = useState(false);
  const [thread, dispatch] = useReducer(threadReducer, emptyThread);
  const [seqAtLoad, setSeqAtLoad] = useState<number | null>(null);
  const [loading, setLoading] = useState(true);
  const [joinTick, setJoinTick] = useState(0);

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
        const items = await loadAll(id, lang, meId);
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
  }, [id, lang, meId, joinTick]);

  const refetch = useCallback(
    (contributionId: string) => {
      call<Contribution>(
        api.GET('/api/v1/contributions/{id}', { params: { path: { id: contributionId }, query: { lang } } }),
      )
        .then((c) => dispatch({ type: 'upsert', item: c }))
        .catch((err) => {
          if (err instanceof ApiError && (err.status === 404 || err.status === 403))
            dispatch({
              type: 'patch',
              id: contributionId,
              patch: { status: 'hidden', body: null, bodyHtml: null, text: null },
            });
        });
    },
    [lang],
  );

  const join = useCallback(async () => {
    await call(api.POST('/api/v1/spaces/{id}/members', { params: { path: { id } } }));
    setJoinTick((n) => n + 1);
  }, [id]);

  return { space, roundtable, thread, dispatch, seqAtLoad, loading, error, notMember, refetch, join };
}

/**
 * What each live event does to the thread: a new contribution arrives (marked new unless
 * it is the reader's own), a deletion empties it, a hidden one leaves readers' screens at
 * once; anything else (an edit, a translation, a restore, a pin) is read again.
 */
export function useThreadEvents(
  dispatch: Dispatch<ThreadAction>,
  refetch: (id: string) => void,
  canModerate: boolean,
  meId: string | undefined,
) {
  return useCallback(
    (event: SpaceEvent) => {
      const p = event.payload ?? {};
      const contribution = p.contribution as Contribution | undefined;
      const cid: string | undefined = contribution?.id ?? p.contributionId ?? p.id;
      switch (event.type) {
        case 'contribution.published':
          if (contribution) dispatch({ type: 'upsert', item: contribution, live: contribution.authorId !== meId });
          else if (cid) refetch(cid);
          break;
        case 'contribution.deleted':
          if (cid)
            dispatch({ type: 'patch', id: cid, patch: { status: 'deleted', body: null, bodyHtml: null, text: null } });
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
    [dispatch, refetch, canModerate, meId],
  );
}
