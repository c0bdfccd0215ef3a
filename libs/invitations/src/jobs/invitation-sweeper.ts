import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ensureJobRuns, PeriodicTask, QueueName, QueueRegistry } from '@roundtable/core';
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
  private readonly task = new PeriodicTask('invitation sweep', SWEEP_EVERY_MS, () => this.sweep(), this.logger);

  constructor(
    private readonly deliveries: InvitationDeliveries,
    private readonly queues: QueueRegistry,
  ) {}

  onApplicationBootstrap(): void {
    this.task.start();
  }

  /** Returns how many jobs it queued again. */
  async sweep(): Promise<number> {
    const queue = this.queues.get(QueueName.InvitationEmails);
    let requeued = 0;
    for (const data of await this.deliveries.stalled(QUEUED_GRACE_SECONDS)) {
      // a job waiting, delayed or active claims the send itself
      if (await ensureJobRuns(queue, INVITATION_EMAIL_JOB, data, invitationEmailJobId(data))) requeued += 1;
    }
    if (requeued) this.logger.log(`invitation sweeper queued ${requeued} email job(s) again`);
    return requeued;
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }
}
