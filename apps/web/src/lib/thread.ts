import type { Contribution } from '../api/types';

/** The contributions of one space by id, with the ids that arrived live and are not seen yet. */
export interface ThreadState {
  byId: Map<string, Contribution>;
  unseen: string[];
}

export type ThreadAction =
  | { type: 'reset'; items: Contribution[] }
  | { type: 'upsert'; item: Contribution; live?: boolean }
  | { type: 'patch'; id: string; patch: Partial<Contribution> }
  | { type: 'seen'; ids: string[] };

export const emptyThread: ThreadState = { byId: new Map(), unseen: [] };

export function threadReducer(state: ThreadState, action: ThreadAction): ThreadState {
  switch (action.type) {
    case 'reset':
      return { byId: new Map(action.items.map((c) => [c.id, c])), unseen: [] };
    case 'upsert': {
      const byId = new Map(state.byId);
      const before = byId.get(action.item.id);
      const item = { ...action.item };
      // a live event carries the original only: keep the translations fetched earlier
      if (before && Object.keys(item.translations ?? {}).length === 0 && before.version === item.version) {
        item.translations = before.translations;
        item.text = before.text;
      }
      byId.set(item.id, item);
      const unseen =
        !before && action.live && !state.unseen.includes(item.id) ? [...state.unseen, item.id] : state.unseen;
      return { byId, unseen };
    }
    case 'patch': {
      const before = state.byId.get(action.id);
      if (!before) return state;
      const byId = new Map(state.byId);
      byId.set(action.id, { ...before, ...action.patch });
      return { ...state, byId };
    }
    case 'seen': {
      const unseen = state.unseen.filter((id) => !action.ids.includes(id));
      return unseen.length === state.unseen.length ? state : { ...state, unseen };
    }
  }
}

export interface ThreadNode {
  item: Contribution;
  replies: ThreadNode[];
}

/**
 * Builds the visible tree: threads pinned first, then in the asked order; replies
 * oldest first. A removed contribution that still has visible replies stays as a
 * placeholder so the conversation keeps its shape.
 */
export function buildTree(
  items: Iterable<Contribution>,
  visible: (c: Contribution) => boolean,
  newestFirst = false,
): ThreadNode[] {
  const children = new Map<string | null, Contribution[]>();
  for (const c of items) {
    const key = c.parentId ?? null;
    const list = children.get(key);
    if (list) list.push(c);
    else children.set(key, [c]);
  }
  const time = (c: Contribution) => Date.parse(c.createdAt) || 0;
  const build = (c: Contribution): ThreadNode | null => {
    const replies = (children.get(c.id) ?? [])
      .sort((a, b) => time(a) - time(b))
      .map(build)
      .filter((n): n is ThreadNode => n !== null);
    if (!visible(c) && replies.length === 0) return null;
    return { item: c, replies };
  };
  return (children.get(null) ?? [])
    .sort((a, b) => Number(b.pinned) - Number(a.pinned) || (newestFirst ? time(b) - time(a) : time(a) - time(b)))
    .map(build)
    .filter((n): n is ThreadNode => n !== null);
}
