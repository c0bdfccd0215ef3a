/**
 * Every queue, in one place. Each has exactly one processor, in the worker: processors
 * claim their queue with {@link QueueHandlers}, which checks the whole set at worker boot
 * ({@link assertEveryQueueHandled}).
 */
export enum QueueName {
  /** Committed space events, fanned out to the capabilities that react to them. */
  SpaceEvents = 'space-events',
  /** Machine translation of contributions (`tr-<contributionId>-<version>-<lang>`) and space prompts (see translation-jobs.ts). */
  Translations = 'translations',
  /** One weekly member digest run per consultation and period (scheduled or on demand): fans out to MemberDigests. */
  MemberDigestRuns = 'member-digest-runs',
  /** One digest email per member and period (job id `digest-<userId>-<period>`). */
  MemberDigests = 'member-digests',
  /** Weekly moderator digest drafting: the scheduler's tick fans out one job per open space (`md-<spaceId>-<periodEnd>`). */
  ModeratorDigests = 'moderator-digests',
  /** One invitation email per invitation and send (`invite-<invitationId>-<sendNumber>`); a resend is a new send number. */
  InvitationEmails = 'invitation-emails',
  /** Free text of a published stocktaking summary into another language (`st-<summaryId>-<version>-<lang>`). */
  SummaryTranslations = 'summary-translations',
  /** Key points of a published moderator digest into another language (`dt-<digestId>-<version>-<lang>`). */
  DigestTranslations = 'digest-translations',
  /** Account emails: address verification, password reset, new-device notice (`account-<emailId>`). */
  AccountEmails = 'account-emails',
}

export const ALL_QUEUES = Object.values(QueueName);

/** Failed jobs are kept for inspection, pruned by age; completed ones go soon. */
export const DEFAULT_JOB_OPTIONS = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { age: 3600, count: 10_000 },
  removeOnFail: { age: 14 * 24 * 3600 },
} as const;

export function assertEveryQueueHandled(handled: string[]): void {
  const missing = ALL_QUEUES.filter((q) => !handled.includes(q));
  const doubled = handled.filter((q, i) => handled.indexOf(q) !== i);
  if (missing.length || doubled.length) {
    throw new Error(`Queue handlers mismatch: missing [${missing.join(', ')}], duplicated [${doubled.join(', ')}]`);
  }
}
