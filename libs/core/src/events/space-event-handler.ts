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
  handle(job: SpaceEventJob): Promise<void>;
}

/** Injection token for the list of handlers the worker dispatches to. */
export const SPACE_EVENT_HANDLERS = Symbol('SPACE_EVENT_HANDLERS');
