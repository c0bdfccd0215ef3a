import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ensureJobRuns, PeriodicTask, QueueName, QueueRegistry } from '@roundtable/core';
import { DigestDeliveries } from '../delivery/digest-deliveries';
import { memberDigestJobId, MemberDigestJob } from '../digest-period';

const SWEEP_EVERY_MS = 5_000;
/** An expired claim is left this long to the retry that BullMQ may already have scheduled. */
const GRACE_SECONDS = 2;

/**
 * Recovers deliveries whose claim expired without being completed: the worker died
 * between claim and send, or its job was lost or failed. For each, it makes sure the
 * member's job (same fixed id) will run again — re-added when gone, retried when failed,
 * left alone when waiting, delayed or active — and that job claims the expired record
 * and sends once. Several sweepers are harmless: the claim decides who sends.
 */
@Injectable()
export class DigestClaimSweeper implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(DigestClaimSweeper.name);
  private readonly task = new PeriodicTask('digest claim sweep', SWEEP_EVERY_MS, () => this.sweep(), this.logger);

  constructor(
    private readonly deliveries: DigestDeliveries,
    private readonly queues: QueueRegistry,
  ) {}

  onApplicationBootstrap(): void {
    this.task.start();
  }

  /** Returns how many jobs it re-queued. */
  async sweep(): Promise<number> {
    const queue = this.queues.get(QueueName.MemberDigests);
    let requeued = 0;
    for (const claim of await this.deliveries.expiredClaims(GRACE_SECONDS)) {
      const data: MemberDigestJob = { userId: claim.userId, consultationId: claim.consultationId, periodEnd: claim.periodEnd.toISOString() };
      // a job waiting, delayed (a retry's backoff) or active claims the record itself
      if (await ensureJobRuns(queue, 'digest', data, memberDigestJobId(claim.userId, claim))) requeued += 1;
    }
    if (requeued) this.logger.log(`digest claim sweeper re-queued ${requeued} delivery job(s) whose claim expired`);
    return requeued;
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }
}
