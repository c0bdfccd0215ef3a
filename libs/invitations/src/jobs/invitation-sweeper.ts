import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { QueueName, QueueRegistry } from '@roundtable/core';
import { InvitationDeliveries } from '../delivery/invitation-deliveries';
import { INVITATION_EMAIL_JOB, invitationEmailJobId } from '../delivery/invitation-jobs';

const SWEEP_EVERY_MS = 10_000;
/** A send still queued after this long has probably no job (Redis was away when it was asked for). */
const QUEUED_GRACE_SECONDS = 30;

/**
 * Recovers sends that are not moving: queued ones whose job was never added or was lost,
 * and claimed ones whose worker died. For each it makes sure the job (same fixed id) runs
 * again — re-added when gone or done, retried when failed, left alone when waiting,
 * delayed or active — and that job's claim decides who sends. Several sweepers are harmless.
 */
@Injectable()
export class InvitationSweeper implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(InvitationSweeper.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;

  constructor(
    private readonly deliveries: InvitationDeliveries,
    private readonly queues: QueueRegistry,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.running ??= this.sweep()
        .catch((err) => {
          this.logger.warn(`invitation sweep failed: ${(err as Error).message}`);
          return 0;
        })
        .finally(() => (this.running = undefined));
    }, SWEEP_EVERY_MS);
    this.timer.unref();
  }

  /** Returns how many jobs it queued again. */
  async sweep(): Promise<number> {
    const queue = this.queues.get(QueueName.InvitationEmails);
    let requeued = 0;
    for (const data of await this.deliveries.stalled(QUEUED_GRACE_SECONDS)) {
      const jobId = invitationEmailJobId(data);
      const job = await queue.getJob(jobId);
      const state = job ? await job.getState() : 'missing';
      if (state === 'failed') {
        await job!.retry('failed');
      } else if (state === 'completed' || state === 'missing' || state === 'unknown') {
        if (job) await job.remove();
        await queue.add(INVITATION_EMAIL_JOB, data, { jobId });
      } else {
        continue; // waiting, delayed or active: it will claim the send itself
      }
      requeued += 1;
    }
    if (requeued) this.logger.log(`invitation sweeper queued ${requeued} email job(s) again`);
    return requeued;
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
