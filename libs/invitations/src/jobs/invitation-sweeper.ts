import { Injectable } from '@nestjs/common';
import { JobSweeper, QueueName, QueueRegistry } from '@roundtable/core';
import type { SweptJob } from '@roundtable/core';
import { InvitationDeliveries } from '../delivery/invitation-deliveries';
import { INVITATION_EMAIL_JOB, invitationEmailJobId } from '../delivery/invitation-jobs';

const SWEEP_EVERY_MS = 10_000;
/** A send still queued after this long has probably no job (Redis was away when it was asked for). */
const QUEUED_GRACE_SECONDS = 30;

/**
 * Recovers sends that are not moving: queued ones whose job was never added or was lost,
 * and claimed ones whose worker died. The loop is core's {@link JobSweeper}; that job's
 * claim decides who sends.
 */
@Injectable()
export class InvitationSweeper extends JobSweeper {
  constructor(
    private readonly deliveries: InvitationDeliveries,
    queues: QueueRegistry,
  ) {
    super('invitation sweep', SWEEP_EVERY_MS, QueueName.InvitationEmails, queues);
  }

  protected async stuck(): Promise<SweptJob[]> {
    const stalled = await this.deliveries.stalled(QUEUED_GRACE_SECONDS);
    return stalled.map((data) => ({ name: INVITATION_EMAIL_JOB, data, jobId: invitationEmailJobId(data) }));
  }
}
