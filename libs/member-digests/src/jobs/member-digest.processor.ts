import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { DelayedError, Job, UnrecoverableError, Worker } from 'bullmq';
import { AppConfig, QueueHandlers, QueueName, QueueRegistry, RedisConnections, WorkerLifecycle } from '@roundtable/core';
import type { MemberDigestJob } from '../digest-period';
import { DeliverMemberDigest, DeliveryOutcome } from './deliver-member-digest';

/**
 * Locks are renewed every 5 s while a job runs; a worker killed mid-send leaves its jobs
 * stalled, and another worker's check (every 5 s) gives them back within ~15 s.
 */
const LOCK_MS = 10_000;
const STALLED_CHECK_MS = 5_000;

/**
 * The worker's only consumer of the member-digests queue: one job per member and period
 * (`digest-<userId>-<period>`). Thin: {@link DeliverMemberDigest} decides; this maps its
 * outcome onto BullMQ — a claim held elsewhere delays the job until the claim expires, a
 * bounce fails it for good (kept, not retried), a transient SMTP error is thrown and
 * retried with backoff.
 */
@Injectable()
export class MemberDigestProcessor implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MemberDigestProcessor.name);
  private worker?: Worker<MemberDigestJob>;

  constructor(
    private readonly deliver: DeliverMemberDigest,
    private readonly redis: RedisConnections,
    private readonly queues: QueueRegistry,
    private readonly queueHandlers: QueueHandlers,
    private readonly lifecycle: WorkerLifecycle,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.queueHandlers.claim(QueueName.MemberDigests);
  }

  onApplicationBootstrap(): void {
    this.queueHandlers.assertComplete();
    this.worker = this.lifecycle.register(
      new Worker<MemberDigestJob>(QueueName.MemberDigests, (job, token) => this.process(job, token), {
        connection: this.redis.bullConnection(),
        prefix: this.queues.prefix,
        concurrency: this.config.DIGEST_CONCURRENCY,
        lockDuration: LOCK_MS,
        stalledInterval: STALLED_CHECK_MS,
      }),
    );
    this.worker.on('error', (err) => this.logger.warn(`member-digests worker: ${err.message}`));
  }

  async process(job: Job<MemberDigestJob>, token?: string): Promise<DeliveryOutcome> {
    const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    const outcome = await this.deliver.run(job.data, lastAttempt);
    if (outcome.kind === 'held') {
      // another worker holds the claim (or held it and died): look again once it expires
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
