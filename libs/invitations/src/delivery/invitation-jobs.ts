import { Logger } from '@nestjs/common';
import { QueueName, QueueRegistry } from '@roundtable/core';

/** What an invitation email job carries: ids only; the worker re-reads the invitation. */
export interface InvitationEmailJob {
  invitationId: string;
  /** Which send of the invitation (1, then one more per resend). */
  sendNumber: number;
}

export const INVITATION_EMAIL_JOB = 'invitation-email';

/** `invite-<invitationId>-<sendNumber>`: a retried or doubled job is the same job; a resend is a new one. */
export function invitationEmailJobId(job: InvitationEmailJob): string {
  return `invite-${job.invitationId}-${job.sendNumber}`;
}

const logger = new Logger('InvitationJobs');

/**
 * Queues the emails of sends recorded (as `queued` deliveries) in a committed transaction.
 * Never throws: while Redis is away the deliveries stay queued and the worker's sweeper
 * queues them again.
 */
export async function queueInvitationEmails(queues: QueueRegistry, jobs: InvitationEmailJob[]): Promise<void> {
  if (jobs.length === 0) return;
  await queues
    .get(QueueName.InvitationEmails)
    .addBulk(jobs.map((data) => ({ name: INVITATION_EMAIL_JOB, data, opts: { jobId: invitationEmailJobId(data) } })))
    .catch((err) => logger.warn(`${jobs.length} invitation email(s) left to the sweeper: ${(err as Error).message}`));
}
