import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { DelayedError, Job, UnrecoverableError, Worker } from 'bullmq';
import { AppConfig, QueueHandlers, QueueName, QueueRegistry, RedisConnections, WorkerLifecycle } from '@roundtable/core';
import type { InvitationEmailJob } from '../delivery/invitation-jobs';
import { DeliverInvitation, InvitationOutcome } from './deliver-invitation';

/**
 * The worker's only consumer of the invitation-emails queue (`invite-<invitationId>-<send>`).
 * Thin: {@link DeliverInvitation} decides; this maps its outcome onto BullMQ — a claim
 * held elsewhere delays the job until the claim expires, a bounce fails it for good (kept,
 * not retried), a transient SMTP error is thrown and retried with backoff.
 */
@Injectable()
export class InvitationEmailProcessor implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(InvitationEmailProcessor.name);
  private worker?: Worker<InvitationEmailJob>;

  constructor(
    private readonly deliver: DeliverInvitation,
    private readonly redis: RedisConnections,
    private readonly queues: QueueRegistry,
    private readonly queueHandlers: QueueHandlers,
    private readonly lifecycle: WorkerLifecycle,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.queueHandlers.claim(QueueName.InvitationEmails);
  }

  onApplicationBootstrap(): void {
    this.queueHandlers.assertComplete();
    this.worker = this.lifecycle.register(
      new Worker<InvitationEmailJob>(QueueName.InvitationEmails, (job, token) => this.process(job, token), {
        connection: this.redis.bullConnection(),
        prefix: this.queues.prefix,
        concurrency: this.config.INVITATION_CONCURRENCY,
      }),
    );
    this.worker.on('error', (err) => this.logger.warn(`invitation-emails worker: ${err.message}`));
  }

  async process(job: Job<InvitationEmailJob>, token?: string): Promise<InvitationOutcome> {
    const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    const outcome = await this.deliver.run(job.data, lastAttempt);
    if (outcome.kind === 'held') {
      await job.moveToDelayed(outcome.until.getTime() + 250, token);
      throw new DelayedError();
    }
    if (outcome.kind === 'bounced') throw new UnrecoverableError(`bounced: ${outcome.error}`);
    return outcome;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }
}
