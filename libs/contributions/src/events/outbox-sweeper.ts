import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '@roundtable/core';
import { OutboxRelay } from './outbox-relay';

const SWEEP_EVERY_MS = 1000;
/**
 * Younger events are still being relayed by the process that committed them. Under heavy
 * posting the relay marks events some seconds late: at 1 s a third of them were published
 * a second time by the sweeper (64 authors, whole stack), each sweep holding its rows
 * locked against the relay's own marks.
 */
const GRACE_MS = 5000;

/**
 * Publishes events that were committed but never relayed (the process died, or Redis was
 * away). Several sweepers may run; `SKIP LOCKED` keeps them off each other's rows.
 */
@Injectable()
export class OutboxSweeper implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxSweeper.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly relay: OutboxRelay,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.OUTBOX_SWEEPER === false) return;
    this.timer = setInterval(() => {
      this.running ??= this.sweep()
        .catch((err) => {
          this.logger.warn(`outbox sweep failed: ${(err as Error).message}`);
          return 0;
        })
        .finally(() => (this.running = undefined));
    }, SWEEP_EVERY_MS);
    this.timer.unref();
  }

  /** Publishes one batch of overdue events; returns how many. */
  async sweep(graceMs = GRACE_MS): Promise<number> {
    return this.db.transaction(async (manager) => {
      const rows: Array<{
        space_id: string;
        seq: string;
        type: string | null;
        payload: Record<string, unknown>;
        contribution_id: string | null;
        created_at: Date;
      }> = await manager.query(
        `SELECT o.space_id, o.seq, e.type, e.payload, e.contribution_id, o.created_at
           FROM space_event_outbox o LEFT JOIN space_events e ON e.space_id = o.space_id AND e.seq = o.seq
           WHERE o.created_at < now() - make_interval(secs => $1::float / 1000)
           ORDER BY o.created_at, o.space_id, o.seq LIMIT 500 FOR UPDATE OF o SKIP LOCKED`,
        [graceMs],
      );
      if (rows.length === 0) return 0;
      const toEvent = (r: (typeof rows)[number]) => ({
        type: r.type as never,
        spaceId: r.space_id,
        seq: Number(r.seq),
        payload: r.payload,
        createdAt: r.created_at.toISOString(),
        contributionId: r.contribution_id,
      });
      // events that went with their space (the outbox has no foreign key) are only let go
      const gone = rows.filter((r) => r.type === null).map(toEvent);
      const overdue = rows.filter((r) => r.type !== null).map(toEvent);
      if (gone.length > 0) await this.relay.forget(gone, manager);
      if (overdue.length > 0) {
        await this.relay.publish(overdue, manager);
        this.logger.log(`outbox sweeper published ${overdue.length} overdue event(s)`);
      }
      return overdue.length;
    });
  }

  /** A sweep in progress finishes while its connections are still open. */
  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
