/** What a space-events job carries: ids only; handlers re-read the database. */
export interface SpaceEventJob {
  spaceId: string;
  seq: number;
  type: string;
  contributionId: string | null;
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
