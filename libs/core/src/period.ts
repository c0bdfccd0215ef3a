/**
 * A span of time, start inclusive and end exclusive: what a moderator digest, a stocktaking
 * summary or a member digest email covers. The one period type of the codebase.
 */
export interface Period {
  start: Date;
  end: Date;
}
