/**
 * SQL that raises a space's event-log head (`space_event_heads.last_seq`) by `count` and
 * yields `base`, the seq before: the appended events take base + 1 … base + count. Used as
 * a CTE by every statement that appends events, so the head and the events commit together
 * and the head's row lock is held for one statement.
 *
 * `space` and `count` are SQL expressions (parameters, or a count over another CTE). With
 * `onlyOpen`, nothing is raised (and no row comes back) unless the space is open.
 */
export function raiseEventHead(space: string, count: string, { onlyOpen = false } = {}): string {
  const source = onlyOpen
    ? `SELECT id, ${count} FROM spaces WHERE id = ${space} AND status = 'open'`
    : `SELECT ${space}::uuid, ${count} WHERE ${count} > 0`;
  return `INSERT INTO space_event_heads AS h (space_id, last_seq) ${source}
         ON CONFLICT (space_id) DO UPDATE SET last_seq = h.last_seq + EXCLUDED.last_seq
         RETURNING h.last_seq - ${count} AS base`;
}
