import { Client as Pg } from 'pg';
import { DataSource } from 'typeorm';
import { TableStatistics } from '@roundtable/core';
import { eventually } from './support/test-api';

/**
 * The api and the worker keep the planner's statistics current when PostgreSQL's autovacuum is off
 * (as on some servers): a table filled since its last ANALYZE is analysed within a round.
 * On a database of its own, so that no other spec's api or worker analyses the table first.
 */
describe('table statistics', () => {
  const dbName = `rt_stats_${process.pid}_${Date.now()}`;
  const admin = new URL(process.env.RT_TEST_PG_ADMIN_URL ?? process.env.DATABASE_URL!);
  if (!process.env.RT_TEST_PG_ADMIN_URL) admin.pathname = '/postgres';
  let db: DataSource;
  let autovacuum: boolean;

  const onAdmin = async (sql: string) => {
    const pg = new Pg({ connectionString: admin.toString() });
    await pg.connect();
    await pg.query(sql).finally(() => pg.end());
  };

  beforeAll(async () => {
    await onAdmin(`CREATE DATABASE ${dbName}`);
    const url = new URL(admin.toString());
    url.pathname = `/${dbName}`;
    db = await new DataSource({ type: 'postgres', url: url.toString() }).initialize();
    [{ autovacuum }] = await db.query(`SELECT current_setting('autovacuum') = 'on' AS autovacuum`);
    await db.query(`CREATE TABLE probe (id int PRIMARY KEY, note text)`);
    await db.query(`INSERT INTO probe SELECT g, 'row ' || g FROM generate_series(1, 5000) g`);
  });

  afterAll(async () => {
    await db?.destroy();
    await onAdmin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  });

  it('analyses a table filled since its last analysis, in one worker at a time, unless autovacuum keeps the statistics', async () => {
    // the server counts the changes a moment after the insert commits
    await eventually(
      async () => {
        const [row] = await db.query(
          `SELECT n_mod_since_analyze::int AS n FROM pg_stat_user_tables WHERE relname = 'probe'`,
        );
        return row?.n >= 5000 || undefined;
      },
      15_000,
      'the insert counted in pg_stat_user_tables',
    );
    const keepers = [new TableStatistics(db), new TableStatistics(db)];
    const rounds = await Promise.all(keepers.map((k) => k.refresh()));
    const [{ analysed_at, estimate }] = await db.query(
      `SELECT s.last_analyze AS analysed_at, c.reltuples AS estimate FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid WHERE s.relname = 'probe'`,
    );
    if (autovacuum) {
      // PostgreSQL keeps them itself: the worker leaves it alone
      expect(rounds).toEqual([[], []]);
      expect(analysed_at).toBeNull();
      return;
    }
    expect(rounds.filter((names) => names.includes('public.probe'))).toHaveLength(1);
    expect(analysed_at).not.toBeNull();
    expect(Number(estimate)).toBe(5000);
    // up to date now: the next round leaves it
    expect(await keepers[0].refresh()).not.toContain('public.probe');
  });
});
