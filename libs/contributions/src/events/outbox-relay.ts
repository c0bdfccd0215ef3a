import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Metrics, QUEUED_SPACE_EVENT_TYPES, QueueName, QueueRegistry, RedisConnections } from '@roundtable/core';
import type { SpaceEvent, SpaceEventJob } from '@roundtable/core';

type RelayedEvent = SpaceEvent & { contributionId?: string | null };

/** Jobs and "published" marks are handed on in bulk at most this often. */
const FLUSH_EVERY_MS = 50;

/**
 * The outbox of the space event log (`space_events`, which this lib owns). Hands committed events on: to every api process over Redis pub/sub (live delivery, at
 * once) and, for the types the worker reacts to ({@link QUEUED_SPACE_EVENT_TYPES}), to the
 * space-events queue (in bulk every 50 ms, together with the "published" marks). Whatever it fails to hand on is picked up
 * by the {@link OutboxSweeper}. Both may publish an event twice; live clients drop
 * repeats by seq and jobs have fixed ids.
 */
@Injectable()
export class OutboxRelay implements BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private buffered: RelayedEvent[] = [];
  private flushTimer?: NodeJS.Timeout;
  private flushing = Promise.resolve();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly redis: RedisConnections,
    private readonly queues: QueueRegistry,
    private readonly metrics: Metrics,
  ) {}

  get channel(): string {
    return this.redis.key('space-events');
  }

  /** Called right after a commit; never throws (the sweeper retries what fails). */
  async publishSafely(events: RelayedEvent[]): Promise<void> {
    if (events.length === 0) return;
    try {
      await this.publishLive(events);
    } catch (err) {
      this.logger.warn(`relay deferred ${events.length} event(s) to the sweeper: ${(err as Error).message}`);
      this.metrics.eventsDeferred.inc(events.length);
      return;
    }
    this.buffered.push(...events);
    this.flushTimer ??= setTimeout(() => void this.flush(), FLUSH_EVERY_MS);
  }

  /**
   * Publishes live, queues and marks, all at once (the sweeper's path). The sweeper passes
   * the transaction that holds its rows `FOR UPDATE`: marking them through another
   * connection would wait for that very transaction, forever.
   */
  async publish(events: RelayedEvent[], manager?: EntityManager): Promise<void> {
    await this.publishLive(events);
    await this.handOn(events, manager);
    this.metrics.eventsRelayed.inc({ via: 'sweeper' }, events.length);
  }

  /** Before any connection closes (queues and Redis close in onApplicationShutdown). */
  async beforeApplicationShutdown(): Promise<void> {
    await this.flush();
  }

  private async publishLive(events: RelayedEvent[]): Promise<void> {
    const pipeline = this.redis.client.pipeline();
    for (const event of events) {
      const { contributionId: _omit, ...envelope } = event;
      pipeline.publish(this.channel, JSON.stringify(envelope));
    }
    const results = await pipeline.exec();
    const failed = results?.find(([err]) => err);
    if (failed) throw failed[0];
  }

  private flush(): Promise<void> {
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    const batch = this.buffered;
    this.buffered = [];
    if (batch.length === 0) return this.flushing;
    this.flushing = this.flushing
      .then(() => this.handOn(batch))
      .then(() => this.metrics.eventsRelayed.inc({ via: 'relay' }, batch.length))
      .catch((err) => {
        this.logger.warn(`relay left ${batch.length} event(s) to the sweeper: ${(err as Error).message}`);
        this.metrics.eventsDeferred.inc(batch.length);
      });
    return this.flushing;
  }

  private async handOn(events: RelayedEvent[], manager: EntityManager = this.db.manager): Promise<void> {
    const jobs = events
      .filter((e) => QUEUED_SPACE_EVENT_TYPES.has(e.type))
      .map((e) => ({
        name: e.type,
        data: {
          spaceId: e.spaceId,
          seq: e.seq,
          type: e.type,
          contributionId: e.contributionId ?? null,
        } satisfies SpaceEventJob,
        opts: { jobId: `ev-${e.spaceId}-${e.seq}` },
      }));
    if (jobs.length > 0) await this.queues.get(QueueName.SpaceEvents).addBulk(jobs);
    await manager.query(
      `UPDATE space_events e SET published_at = now()
       FROM unnest($1::uuid[], $2::bigint[]) AS p(space_id, seq)
       WHERE e.space_id = p.space_id AND e.seq = p.seq AND e.published_at IS NULL`,
      [events.map((e) => e.spaceId), events.map((e) => e.seq)],
    );
  }
}
