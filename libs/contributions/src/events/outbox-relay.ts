import { createHash } from 'node:crypto';
import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Metrics, QUEUED_SPACE_EVENT_TYPES, QueueName, QueueRegistry, RedisConnections } from '@roundtable/core';
import type { SpaceEvent, SpaceEventBatch, SpaceEventJob } from '@roundtable/core';

type RelayedEvent = SpaceEvent & { contributionId?: string | null };

/** Jobs and outbox deletions are handed on in bulk at most this often. */
const FLUSH_EVERY_MS = 50;

/**
 * The relay of the space event log (`space_events`, which this lib owns). Hands committed
 * events on: to every api process over Redis pub/sub (live delivery, at once; in this
 * process without the round trip, {@link onPublishedHere}) and, for the
 * types the worker reacts to ({@link QUEUED_SPACE_EVENT_TYPES}), to the space-events queue
 * (every 50 ms, one job for all the events of those 50 ms). Then it deletes their rows
 * from the outbox (`space_event_outbox`, one row per appended event, added by the
 * statement that appends it). Whatever it fails to hand on stays there and is picked up
 * by the {@link OutboxSweeper}. Both may publish an event twice; live clients drop
 * repeats by seq, and the worker's handlers are idempotent.
 */
@Injectable()
export class OutboxRelay implements BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly listenersHere: Array<(event: SpaceEvent) => void> = [];
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

  /**
   * Hands each event this process commits (or sweeps) to `listener` at once, before Redis
   * carries it to every process, this one included: live delivery here saves the round
   * trip, and drops the copy that comes back as a repeat of its seq.
   */
  onPublishedHere(listener: (event: SpaceEvent) => void): void {
    this.listenersHere.push(listener);
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
   * Publishes live, queues and leaves the outbox, all at once (the sweeper's path). The
   * sweeper passes the transaction that holds its outbox rows `FOR UPDATE`: deleting them
   * through another connection would wait for that very transaction, forever.
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
    const envelopes = events.map(({ contributionId: _omit, ...envelope }): SpaceEvent => envelope);
    for (const listener of this.listenersHere) {
      for (const envelope of envelopes) listener(envelope);
    }
    const pipeline = this.redis.client.pipeline();
    for (const envelope of envelopes) pipeline.publish(this.channel, JSON.stringify(envelope));
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
    const queued = events
      .filter((e) => QUEUED_SPACE_EVENT_TYPES.has(e.type))
      .map((e): SpaceEventJob => ({
        spaceId: e.spaceId,
        seq: e.seq,
        type: e.type,
        contributionId: e.contributionId ?? null,
      }));
    // one job for the events handed on together; the same events handed on twice (by
    // the relay and by a sweeper) make the same job id, which the queue adds only once
    if (queued.length > 0)
      await this.queues
        .get(QueueName.SpaceEvents)
        .add('events', { events: queued } satisfies SpaceEventBatch, { jobId: batchId(queued) });
    await this.forget(events, manager);
  }

  /** Deletes the events' outbox rows: they need handing on no more. */
  async forget(
    events: Array<Pick<SpaceEvent, 'spaceId' | 'seq'>>,
    manager: EntityManager = this.db.manager,
  ): Promise<void> {
    await manager.query(
      `DELETE FROM space_event_outbox o USING unnest($1::uuid[], $2::bigint[]) AS p(space_id, seq)
       WHERE o.space_id = p.space_id AND o.seq = p.seq`,
      [events.map((e) => e.spaceId), events.map((e) => e.seq)],
    );
  }
}

/** A job id that names exactly these events. */
function batchId(events: SpaceEventJob[]): string {
  const hash = createHash('sha256');
  for (const e of events) hash.update(`${e.spaceId}:${e.seq};`);
  return `evs-${hash.digest('base64url')}`;
}
