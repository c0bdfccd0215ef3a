import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PeriodicTask } from '../ops/periodic-task';

/** How often each process looks at the tables' statistics (one query, when nothing is stale). */
const EVERY_MS = 10_000;
/** One advisory lock for all processes: one of them analyses, the others skip that round. */
const LOCK_KEY = 7_302_115;

/**
 * Keeps the planner's statistics current where PostgreSQL's autovacuum does not (it is
 * off on some servers; then a table filled since its last ANALYZE is planned as if nearly
 * empty, and a page of a busy question is read by sorting the whole question: 60–90 ms
 * instead of under 1 ms). With autovacuum on, this does nothing. Otherwise, every 10 s, it
 * analyses each table changed by more than autovacuum's own default threshold (50 rows
 * plus 10 % of the table) since its last analysis. Runs in the api and in the worker, so
 * that an api whose worker is away (or elsewhere) still reads with current statistics.
 */
@Injectable()
export class TableStatistics implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(TableStatistics.name);
  private readonly task = new PeriodicTask('table statistics', EVERY_MS, () => this.refresh(), this.logger);

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  onApplicationBootstrap(): void {
    this.task.start();
  }

  /** Analyses the tables whose statistics are out of date; returns their names. */
  async refresh(): Promise<string[]> {
    return this.db.transaction(async (tx) => {
      const [{ locked, autovacuum }] = await tx.query(
        `SELECT pg_try_advisory_xact_lock($1) AS locked, current_setting('autovacuum') = 'on' AS autovacuum`,
        [LOCK_KEY],
      );
      if (!locked || autovacuum) return [];
      const stale: Array<{ name: string }> = await tx.query(
        `SELECT quote_ident(schemaname) || '.' || quote_ident(relname) AS name FROM pg_stat_user_tables
         WHERE n_mod_since_analyze > 50 + 0.1 * n_live_tup ORDER BY n_mod_since_analyze DESC`,
      );
      for (const { name } of stale) await tx.query(`ANALYZE ${name}`);
      if (stale.length) this.logger.log(`analysed ${stale.map((s) => s.name).join(', ')} (autovacuum is off)`);
      return stale.map((s) => s.name);
    });
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }
}
