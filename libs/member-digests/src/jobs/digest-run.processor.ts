import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Job, Worker } from 'bullmq';
import { QueueHandlers, QueueName, QueueRegistry, RedisConnections, WorkerLifecycle } from '@roundtable/core';
import type { DigestRunJob } from '../digest-period';
import { DigestFanOut } from '../runs/digest-fan-out';

/**
 * The worker's only consumer of the member-digest-runs queue: jobs made by each
 * consultation's weekly scheduler (their period ends at the scheduled time) and by
 * `POST /admin/digest-emails/run`. Each fans out to one job per member.
 */
@Injectable()
export class DigestRunProcessor implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DigestRunProcessor.name);
  private worker?: Worker<DigestRunJob>;

  constructor(
    private readonly fanOut: DigestFanOut,
    private readonly redis: RedisConnections,
    private readonly queues: QueueRegistry,
    private readonly queueHandlers: QueueHandlers,
    private readonly lifecycle: WorkerLifecycle,
  ) {}

  onModuleInit(): void {
    this.queueHandlers.claim(QueueName.MemberDigestRuns);
  }

  onApplicationBootstrap(): void {
    this.queueHandlers.assertComplete();
    this.worker = this.lifecycle.register(
      new Worker<DigestRunJob>(QueueName.MemberDigestRuns, (job) => this.process(job), {
        connection: this.redis.bullConnection(),
        prefix: this.queues.prefix,
        concurrency: 2,
      }),
    );
    this.worker.on('error', (err) => this.logger.warn(`member-digest-runs worker: ${err.message}`));
  }

  async process(job: Job<DigestRunJob>): Promise<{ members: number }> {
    // a scheduler's job runs for the time it was scheduled at, whenever a worker picks it up
    const scheduledAt = (job.opts as { prevMillis?: number }).prevMillis;
    const periodEnd = job.data.periodEnd ? new Date(job.data.periodEnd) : new Date(scheduledAt ?? job.timestamp);
    const members = await this.fanOut.run(job.data.consultationId, periodEnd, job.data.trigger);
    return { members };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }
}
