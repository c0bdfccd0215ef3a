import type { Client as Pg } from 'pg';

/** Columns that change by themselves after a request has been answered (the relay marks events published). */
const VOLATILE: Record<string, string[]> = { space_events: ['published_at'] };

/**
 * One md5 per table of everything in the database (minus volatile columns), so a test can
 * tell whether a request changed anything at all.
 */
export async function fingerprint(pg: Pg): Promise<Record<string, string>> {
  const tables: Array<{ name: string }> = (
    await pg.query(
      `SELECT table_name AS name FROM information_schema.tables
       WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> 'schema_migrations' ORDER BY 1`,
    )
  ).rows;
  if (tables.length === 0) return {};
  const parts = tables.map(({ name }) => {
    const row = `(to_jsonb(t)${(VOLATILE[name] ?? []).map((c) => ` - '${c}'`).join('')})::text`;
    return `SELECT '${name}' AS name, md5(coalesce(string_agg(${row}, ',' ORDER BY ${row}), '')) AS sum, count(*) AS n FROM "${name}" t`;
  });
  const rows: Array<{ name: string; sum: string; n: string }> = (await pg.query(parts.join(' UNION ALL '))).rows;
  return Object.fromEntries(rows.map((r) => [r.name, `${r.n}:${r.sum}`]));
}

/** The tables whose fingerprint differs. */
export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((t) => before[t] !== after[t]);
}
