import { Injectable } from '@nestjs/common';
import { JobSweeper, QueueName, QueueRegistry } from '@roundtable/core';
import type { SweptJob } from '@roundtable/core';
import { DigestDeliveries } from '../delivery/digest-deliveries';
import { memberDigestJobId, MemberDigestJob } from '../digest-period';

const SWEEP_EVERY_MS = 5_000;
/** An expired claim is left this long to the retry that BullMQ may already have scheduled. */
const GRACE_SECONDS = 2;

/**
 * Recovers deliveries whose claim expired without being completed: the worker died
 * between claim and send, or its job was lost or failed. The loop is core's
 * {@link JobSweeper}; the member's job claims the expired record and sends once.
 */
@Injectable()
export class DigestClaimSweeper extends JobSweeper {
  constructor(
    private readonly deliveries: DigestDeliveries,
    queues: QueueRegistry,
  ) {
    super('digest claim sweep', SWEEP_EVERY_MS, QueueName.MemberDigests, queues);
  }

  protected async stuck(): Promise<SweptJob[]> {
    const claims = await this.deliveries.expiredClaims(GRACE_SECONDS);
    return claims.map((claim) => {
      const data: MemberDigestJob = {
        userId: claim.userId,
        consultationId: claim.consultationId,
        periodEnd: claim.periodEnd.toISOString(),
      };
      return { name: 'digest', data, jobId: memberDigestJobId(claim.userId, claim) };
    });
  }
}
