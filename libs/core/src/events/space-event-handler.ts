/** One committed event as the worker's handlers get it: ids only; handlers re-read the database. */
export interface SpaceEventJob {
  spaceId: string;
  seq: number;
  type: string;
  contributionId: string | null;
}

/** What a space-events job carries: the events that the relay handed on together. */
export interface SpaceEventBatch {
  events: SpaceEventJob[];
}

/**
 * A capability's reaction to committed space events (translate, queue for moderation,
 * count for digests). Handlers run in the worker, must be idempotent, and throw to retry.
 */
export interface SpaceEventHandler {
  readonly name: string;
  handles(type: string): boolean;
  /** The events of one job that this handler handles (at least one), so it can look them up together. */
  handle(events: SpaceEventJob[]): Promise<void>;
}

/**
 * Does `work` for all items at once and, when that fails, for each item alone, so that one
 * bad item (say, a reply whose parent's author was just deleted) fails only itself.
 * Throws the first item's failure once every item was tried.
 */
export async function allAtOnceOrEachAlone<T>(items: T[], work: (items: T[]) => Promise<void>): Promise<void> {
  if (items.length === 0) return;
  try {
    await work(items);
  } catch (err) {
    if (items.length === 1) throw err;
    await settleAll(items.map((item) => work([item])));
  }
}

/** Waits for every promise, then throws the first rejection (`Promise.all` stops waiting at it). */
export async function settleAll(work: Array<Promise<unknown>>): Promise<void> {
  const failed = (await Promise.allSettled(work)).find((o): o is PromiseRejectedResult => o.status === 'rejected');
  if (failed) throw failed.reason;
}

/** Injection token for the list of handlers the worker dispatches to. */
export const SPACE_EVENT_HANDLERS = Symbol('SPACE_EVENT_HANDLERS');
