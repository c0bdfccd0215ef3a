import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { QueueName } from '../queues/queue-name';
import { QueueRegistry } from '../queues/queue-registry';
import { RedisConnections } from '../redis/redis-connections';
import { SpaceEvent } from './space-event';

/** What a space-events job carries: ids only; handlers re-read the database. */
export interface SpaceEventJob {
  spaceId: string;
  seq: number;
  type: string;
  contributionId: string | null;
}

/**
 * Hands committed events on: to every api process over Redis pub/sub (live delivery) and
 * to the space-events queue (translation, moderation, digests). Called right after a
 * commit; whatever it fails to hand on is picked up by the {@link OutboxSweeper}. Both
 * may publish an event twice; live clients drop repeats by seq and jobs have fixed ids.
 */
@Injectable()
export class OutboxRelay {
  private readonly logger = new Logger(OutboxRelay.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly redis: RedisConnections,
    private readonly queues: QueueRegistry,
  ) {}

  get channel(): string {
    return this.redis.key('space-events');
  }

  /** Publishes and marks as published; never throws (the sweeper retries). */
  async publishSafely(events: Array<SpaceEvent & { contributionId?: string | null }>): Promise<void> {
    if (events.length === 0) return;
    try {
      await this.publish(events);
    } catch (err) {
      this.logger.warn(`relay deferred ${events.length} event(s) to the sweeper: ${(err as Error).message}`);
    }
  }

  async publish(events: Array<SpaceEvent & { contributionId?: string | null }>): Promise<void> {
    const pipeline = this.redis.client.pipeline();
    for (const event of events) {
      const { contributionId: _omit, ...envelope } = event;
      pipeline.publish(this.channel, JSON.stringify(envelope));
    }
    const results = await pipeline.exec();
    const failed = results?.find(([err]) => err);
    if (failed) throw failed[0];
    await this.queues.get(QueueName.SpaceEvents).addBulk(
      events.map((e) => ({
        name: e.type,
        data: { spaceId: e.spaceId, seq: e.seq, type: e.type, contributionId: e.contributionId ?? null } satisfies SpaceEventJob,
        opts: { jobId: `ev-${e.spaceId}-${e.seq}` },
      })),
    );
    const bySpace = new Map<string, number[]>();
    for (const e of events) bySpace.set(e.spaceId, [...(bySpace.get(e.spaceId) ?? []), e.seq]);
    for (const [spaceId, seqs] of bySpace) {
      await this.db.query(
        `UPDATE space_events SET published_at = now() WHERE space_id = $1 AND seq = ANY($2::bigint[]) AND published_at IS NULL`,
        [spaceId, seqs],
      );
    }
  }
}
