/**
 * Names one member digest round: one consultation's week ending at `periodEnd` (to the
 * millisecond; the window itself is a core `Period`). The key names it in job ids and Message-IDs:
 * `<consultationId>-<yyyymmddThhmmssmmmZ>` (no `:`, which BullMQ reserves in custom job ids).
 */
export interface MemberDigestKey {
  consultationId: string;
  periodEnd: Date;
}

/** What a member digest job carries: ids and the period end; the job re-reads everything else. */
export interface MemberDigestJob {
  userId: string;
  consultationId: string;
  /** ISO 8601. */
  periodEnd: string;
}

/** What a run job carries (one consultation, one period). */
export interface DigestRunJob {
  consultationId: string;
  /** ISO 8601; absent on jobs made by the weekly scheduler, which run for their scheduled time. */
  periodEnd?: string;
  trigger: 'schedule' | 'manual';
}

/** The longest window a digest covers: a member back from a pause gets their last week, not months. */
export const MAX_PERIOD_DAYS = 7;

export function periodKey(consultationId: string, periodEnd: Date): string {
  return `${consultationId}-${periodEnd.toISOString().replace(/[-:.]/g, '')}`;
}

/** `digest-<userId>-<period>`: the fixed id that collapses duplicate jobs for one member and period. */
export function memberDigestJobId(userId: string, period: MemberDigestKey): string {
  return `digest-${userId}-${periodKey(period.consultationId, period.periodEnd)}`;
}

export function digestRunJobId(period: MemberDigestKey): string {
  return `digest-run-${periodKey(period.consultationId, period.periodEnd)}`;
}

/** The job scheduler of one consultation's weekly digest. */
export function digestSchedulerId(consultationId: string): string {
  return `member-digest-${consultationId}`;
}

/** Cron pattern of the weekly run: minute 0 of `hour` on `day` (0 Sunday … 6 Saturday), read in the consultation's timezone. */
export function weeklyPattern(day: number, hour: number): string {
  return `0 ${hour} * * ${day}`;
}
