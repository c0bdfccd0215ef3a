import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ALL_QUEUES, QueueName } from '../queues/queue-name';
import { QueueRegistry } from '../queues/queue-registry';
import { RedisConnections } from '../redis/redis-connections';
import { Metrics } from './metrics';

const JOB_STATES = ['waiting', 'active', 'delayed', 'failed', 'completed', 'prioritized'] as const;

/**
 * Values read when Prometheus scrapes rather than counted as they happen: BullMQ job
 * counts per queue and state, the outbox backlog, whether Redis answers. Every api and
 * worker process reports the same queue and backlog figures (they are shared); alert on
 * `max` of them, not on their sum.
 */
@Injectable()
export class MetricsCollectors implements OnModuleInit {
  constructor(
    private readonly metrics: Metrics,
    private readonly queues: QueueRegistry,
    private readonly redis: RedisConnections,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  onModuleInit(): void {
    this.metrics.onScrape(() => this.queueDepth());
    this.metrics.onScrape(() => this.outboxBacklog());
    this.metrics.onScrape(async () => this.metrics.redisUp.set(this.redis.client.status === 'ready' ? 1 : 0));
  }

  private async queueDepth(): Promise<void> {
    if (this.redis.client.status !== 'ready') return; // BullMQ would wait for Redis; keep the last values
    await Promise.all(
      ALL_QUEUES.map(async (name) => {
        const counts = await this.queues.get(name as QueueName).getJobCounts(...JOB_STATES);
        for (const state of JOB_STATES) this.metrics.queueJobs.set({ queue: name, state }, counts[state] ?? 0);
      }),
    );
  }

  private async outboxBacklog(): Promise<void> {
    // the outbox holds only the events not handed on yet
    const [row] = await this.db.query(
      `SELECT count(*)::int AS n, coalesce(extract(epoch FROM now() - min(created_at)), 0)::float AS age
       FROM space_event_outbox`,
    );
    this.metrics.outboxBacklog.set(row.n);
    this.metrics.outboxOldestAge.set(row.age);
  }
}
