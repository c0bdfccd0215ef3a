import type { Client as Pg } from 'pg';

/** Tables that change by themselves after a request has been answered (the relay empties the outbox). */
const VOLATILE = ['space_event_outbox'];

/**
 * One md5 per table of everything in the database (minus volatile tables), so a test can
 * tell whether a request changed anything at all.
 */
export async function fingerprint(pg: Pg): Promise<Record<string, string>> {
  const tables: Array<{ name: string }> = (
    await pg.query(
      `SELECT table_name AS name FROM information_schema.tables
       WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> ALL($1) ORDER BY 1`,
      [['schema_migrations', ...VOLATILE]],
    )
  ).rows;
  if (tables.length === 0) return {};
  const parts = tables.map(({ name }) => {
    const row = `to_jsonb(t)::text`;
    return `SELECT '${name}' AS name, md5(coalesce(string_agg(${row}, ',' ORDER BY ${row}), '')) AS sum, count(*) AS n FROM "${name}" t`;
  });
  const rows: Array<{ name: string; sum: string; n: string }> = (await pg.query(parts.join(' UNION ALL '))).rows;
  return Object.fromEntries(rows.map((r) => [r.name, `${r.n}:${r.sum}`]));
}

/** The tables whose fingerprint differs. */
export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((t) => before[t] !== after[t]);
}
