import { Injectable, Logger, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { AppConfig, QueueConsumers, QueueName, QueueRegistry } from '@roundtable/core';
import { DigestsService } from '../digest/digests.service';
import { weekBefore } from '../digest/period';

/** The weekly tick (from the job scheduler) or one space's draft for the week before `periodEnd`. */
export type ModeratorDigestJob = { kind: 'week' } | { kind: 'space'; spaceId: string; periodEnd: string };

export const WEEKLY_SCHEDULER_ID = 'moderator-digests-weekly';

/**
 * The worker's only consumer of the moderator-digests queue. At boot it upserts the
 * weekly job scheduler (one per deployment, whatever the number of workers: the id is
 * fixed). Each tick fans out one job per open space active that week, with a fixed id
 * (`md-<spaceId>-<periodEnd>`), and each of those drafts the space's digest of the week
 * before the tick, once: the digest is unique per space and period.
 */
@Injectable()
export class ModeratorDigestProcessor implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger(ModeratorDigestProcessor.name);

  constructor(
    private readonly consumers: QueueConsumers,
    @InjectDataSource() private readonly db: DataSource,
    private readonly digests: DigestsService,
    private readonly queues: QueueRegistry,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.consumers.claim(QueueName.ModeratorDigests);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queues
      .get(QueueName.ModeratorDigests)
      .upsertJobScheduler(
        WEEKLY_SCHEDULER_ID,
        { pattern: this.config.MODERATOR_DIGEST_CRON, tz: this.config.MODERATOR_DIGEST_TIMEZONE },
        { name: 'week', data: { kind: 'week' } },
      );
    this.consumers.consume<ModeratorDigestJob>(QueueName.ModeratorDigests, (job) => this.process(job), {
      concurrency: 2,
    });
  }

  async process(job: Job<ModeratorDigestJob>): Promise<{ spaces?: number; digestId?: string | null }> {
    const data = job.data;
    if (data.kind === 'space') {
      return { digestId: await this.digests.draftScheduled(data.spaceId, weekBefore(new Date(data.periodEnd))) };
    }
    // a scheduler's job covers the week before the time it was scheduled for, whenever it runs
    const scheduledAt = (job.opts as { prevMillis?: number }).prevMillis ?? job.timestamp;
    const periodEnd = new Date(scheduledAt);
    // only spaces with something to digest (contributions_space_created_idx answers each EXISTS)
    const spaces: Array<{ id: string }> = await this.db.query(
      `SELECT s.id FROM spaces s
       WHERE s.status IN ('open', 'closed')
         AND EXISTS (SELECT 1 FROM contributions c WHERE c.space_id = s.id AND c.created_at >= $1 AND c.created_at < $2 AND c.status = 'published')
       ORDER BY s.id`,
      [new Date(periodEnd.getTime() - 7 * 86_400_000), periodEnd],
    );
    await this.queues.get(QueueName.ModeratorDigests).addBulk(
      spaces.map((s) => ({
        name: 'space',
        data: { kind: 'space' as const, spaceId: s.id, periodEnd: periodEnd.toISOString() },
        opts: { jobId: `md-${s.id}-${periodEnd.getTime()}` },
      })),
    );
    this.logger.log(`weekly moderator digests: ${spaces.length} space(s) for the week to ${periodEnd.toISOString()}`);
    return { spaces: spaces.length };
  }
}
