import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { QueueName, QueueRegistry } from '@roundtable/core';
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
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;

  constructor(
    private readonly deliveries: DigestDeliveries,
    private readonly queues: QueueRegistry,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.running ??= this.sweep()
        .catch((err) => {
          this.logger.warn(`digest claim sweep failed: ${(err as Error).message}`);
          return 0;
        })
        .finally(() => (this.running = undefined));
    }, SWEEP_EVERY_MS);
    this.timer.unref();
  }

  /** Returns how many jobs it re-queued. */
  async sweep(): Promise<number> {
    const queue = this.queues.get(QueueName.MemberDigests);
    let requeued = 0;
    for (const claim of await this.deliveries.expiredClaims(GRACE_SECONDS)) {
      const jobId = memberDigestJobId(claim.userId, claim);
      const data: MemberDigestJob = { userId: claim.userId, consultationId: claim.consultationId, periodEnd: claim.periodEnd.toISOString() };
      const job = await queue.getJob(jobId);
      const state = job ? await job.getState() : 'missing';
      if (state === 'failed') {
        await job!.retry('failed');
      } else if (state === 'completed' || state === 'missing' || state === 'unknown') {
        if (job) await job.remove();
        await queue.add('digest', data, { jobId });
      } else {
        continue; // waiting, delayed (a retry's backoff) or active: it will claim the record itself
      }
      requeued += 1;
    }
    if (requeued) this.logger.log(`digest claim sweeper re-queued ${requeued} delivery job(s) whose claim expired`);
    return requeued;
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
