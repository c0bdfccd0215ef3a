import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';

/**
 * Runs a statement as a named prepared statement on the pool behind TypeORM: PostgreSQL
 * parses and plans it once per connection instead of on every call, and only the
 * parameters travel. Worth it for the statements a digest run makes once per member
 * (ten thousand times a run); TypeORM's `query()` cannot name a statement.
 */
export async function queryPrepared<T>(db: DataSource, name: string, text: string, values: unknown[]): Promise<T[]> {
  const pool = (db.driver as unknown as { master: Pool }).master;
  const result = await pool.query({ name, text, values });
  return result.rows as T[];
}
