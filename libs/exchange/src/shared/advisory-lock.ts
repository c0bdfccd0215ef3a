import type { DataSource } from 'typeorm';

/**
 * Runs `work` while holding a PostgreSQL session advisory lock named `name`, so the same
 * job started twice (two processes, two requests) runs one after the other. The lock is
 * held on a connection of its own; `work` uses the pool as usual.
 */
export async function withAdvisoryLock<T>(db: DataSource, name: string, work: () => Promise<T>): Promise<T> {
  const runner = db.createQueryRunner();
  await runner.connect();
  try {
    await runner.query(`SELECT pg_advisory_lock(hashtextextended($1, 0))`, [name]);
    return await work();
  } finally {
    await runner.query(`SELECT pg_advisory_unlock(hashtextextended($1, 0))`, [name]).catch(() => undefined);
    await runner.release();
  }
}
