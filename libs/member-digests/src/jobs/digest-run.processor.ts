import { Injectable, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { Job } from 'bullmq';
import { QueueConsumers, QueueName } from '@roundtable/core';
import type { DigestRunJob } from '../digest-period';
import { DigestFanOut } from '../runs/digest-fan-out';

/**
 * The worker's only consumer of the member-digest-runs queue: jobs made by each
 * consultation's weekly scheduler (their period ends at the scheduled time) and by
 * `POST /admin/digest-emails/run`. Each fans out to one job per member.
 */
@Injectable()
export class DigestRunProcessor implements OnModuleInit, OnApplicationBootstrap {
  constructor(
    private readonly consumers: QueueConsumers,
    private readonly fanOut: DigestFanOut,
  ) {}

  onModuleInit(): void {
    this.consumers.claim(QueueName.MemberDigestRuns);
  }

  onApplicationBootstrap(): void {
    this.consumers.consume<DigestRunJob>(QueueName.MemberDigestRuns, (job) => this.process(job), {
      concurrency: 2,
    });
  }

  async process(job: Job<DigestRunJob>): Promise<{ members: number }> {
    // a scheduler's job runs for the time it was scheduled at, whenever a worker picks it up
    const scheduledAt = (job.opts as { prevMillis?: number }).prevMillis;
    const periodEnd = job.data.periodEnd ? new Date(job.data.periodEnd) : new Date(scheduledAt ?? job.timestamp);
    const members = await this.fanOut.run(job.data.consultationId, periodEnd, job.data.trigger);
    return { members };
  }
}
