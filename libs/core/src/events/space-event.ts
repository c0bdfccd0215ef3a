/** Events that members of a space receive live and can catch up on, in `seq` order. */
export const SPACE_EVENT_TYPES = [
  'contribution.published',
  'contribution.updated',
  'contribution.deleted',
  'contribution.hidden',
  'contribution.restored',
  'contribution.translated',
  // a moderator digest of this space, or a stocktaking summary of its roundtable, was published
  'digest.published',
  'stocktaking.published',
] as const;

export type SpaceEventType = (typeof SPACE_EVENT_TYPES)[number];

/**
 * The event types the worker reacts to, and so the only ones the relay puts on the
 * space-events queue: every other event reaches live clients and the log, never a job.
 * The worker refuses to start unless its handlers handle exactly these types.
 */
export const QUEUED_SPACE_EVENT_TYPES: ReadonlySet<string> = new Set<SpaceEventType>([
  'contribution.published',
  'contribution.updated',
  'contribution.restored',
  'digest.published',
  'stocktaking.published',
]);

/** The envelope stored in the space event log and sent to clients. */
export interface SpaceEvent<P = Record<string, unknown>> {
  type: SpaceEventType;
  spaceId: string;
  seq: number;
  payload: P;
  createdAt?: string;
}
