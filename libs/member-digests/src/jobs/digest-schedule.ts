import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { JobsOptions } from 'bullmq';
import { DataSource } from 'typeorm';
import { AppConfig, DEFAULT_JOB_OPTIONS, PeriodicTask, QueueName, QueueRegistry } from '@roundtable/core';
import { digestSchedulerId, DigestRunJob, weeklyPattern } from '../digest-period';

const PREFIX = digestSchedulerId('');

/**
 * Keeps one BullMQ job scheduler per consultation (`member-digest-<id>`): weekly at the
 * consultation's own digest weekday and hour (DIGEST_DAY / DIGEST_HOUR when it has none)
 * in its timezone. `upsertJobScheduler` with a
 * fixed id is idempotent, so restarts and several workers starting at once still leave
 * one schedule (and one next job) per consultation. Runs in the worker at boot and every
 * DIGEST_SCHEDULE_SYNC_SECONDS; removes the schedulers of deleted consultations.
 */
@Injectable()
export class DigestSchedule implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(DigestSchedule.name);
  private task?: PeriodicTask;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly queues: QueueRegistry,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // new consultations and changes of timezone or digest time are picked up this often
    this.task = new PeriodicTask(
      'digest schedule sync',
      this.config.DIGEST_SCHEDULE_SYNC_SECONDS * 1000,
      () => this.sync(),
      this.logger,
    );
    await this.task.runOnce();
    this.task.start();
  }

  /** Upserts the missing or outdated schedulers and removes those of deleted consultations; returns how many changed. */
  async sync(): Promise<number> {
    const queue = this.queues.get(QueueName.MemberDigestRuns);
    const consultations: Array<{ id: string; timezone: string; day: number; hour: number }> = await this.db.query(
      `SELECT id, timezone, coalesce(digest_day, $1)::int AS day, coalesce(digest_hour, $2)::int AS hour FROM consultations`,
      [this.config.DIGEST_DAY, this.config.DIGEST_HOUR],
    );
    const existing = new Map((await queue.getJobSchedulers(0, -1)).map((s) => [s.key, s]));
    let changed = 0;
    for (const c of consultations) {
      const id = digestSchedulerId(c.id);
      const pattern = weeklyPattern(c.day, c.hour);
      const current = existing.get(id);
      existing.delete(id);
      if (current?.pattern === pattern && current.tz === c.timezone) continue;
      try {
        await queue.upsertJobScheduler(
          id,
          { pattern, tz: c.timezone },
          {
            name: 'scheduled-run',
            data: { consultationId: c.id, trigger: 'schedule' } satisfies DigestRunJob,
            opts: DEFAULT_JOB_OPTIONS as JobsOptions,
          },
        );
        changed += 1;
      } catch (err) {
        this.logger.warn(
          `cannot schedule the digest of consultation ${c.id} (${c.timezone}): ${(err as Error).message}`,
        );
      }
    }
    for (const stale of existing.keys()) {
      if (stale.startsWith(PREFIX)) {
        await queue.removeJobScheduler(stale);
        changed += 1;
      }
    }
    if (changed)
      this.logger.log(
        `digest schedule: ${changed} scheduler(s) upserted or removed (consultations' own times and timezones)`,
      );
    return changed;
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.task?.stop();
  }
}
