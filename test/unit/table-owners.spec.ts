/**
 * One owner per table: every table is written (INSERT, UPDATE, DELETE, TRUNCATE, or a
 * TypeORM repository) by its owning lib only; other libs call the owner's repository
 * through its barrel. The list is the README's "Tables and their owners".
 *
 * SHARED_WRITES names the writes by a non-owner that are still there, each with why;
 * the test fails on any other, and on an entry that no longer happens (so the list only
 * shrinks).
 */
import { migrationTables, sqlTablesWritten, tableWrites } from '../support/table-writers';

const OWNERS: Record<string, string> = {
  users: 'identity',
  sessions: 'identity',
  security_events: 'identity',
  account_emails: 'identity',
  consultations: 'spaces',
  roundtables: 'spaces',
  spaces: 'spaces',
  memberships: 'spaces',
  roundtable_roles: 'spaces',
  contributions: 'contributions',
  contribution_edits: 'contributions',
  space_events: 'contributions',
  contribution_translations: 'translation',
  glossary_terms: 'translation',
  translation_memory: 'translation',
  text_translations: 'digests',
  contribution_flags: 'moderation',
  member_sanctions: 'moderation',
  moderation_log: 'moderation',
  notifications: 'notifications',
  moderator_digests: 'digests',
  moderator_digest_versions: 'digests',
  stocktaking_summaries: 'stocktaking',
  stocktaking_versions: 'stocktaking',
  stocktaking_translations: 'stocktaking',
  member_digest_runs: 'member-digests',
  member_digest_deliveries: 'member-digests',
  invitations: 'invitations',
  invitation_deliveries: 'invitations',
};

/** `<table> <- <unit>`: writes by a lib that does not own the table, still to be moved, and why they are there. */
const SHARED_WRITES: Record<string, string> = {
  // translation (issue 18 is reworking it) stores a translation and its event in one statement
  'contributions <- libs/translation': 'a finished translation bumps the contribution in the same statement',
  'space_events <- libs/translation': 'contribution.translated events are appended with the stored translation',
  'spaces <- libs/translation': 'prompt translations are stored on the space row',
  // the event log takes the next seqs from spaces.last_seq in one statement (group commit)
  'spaces <- libs/contributions': 'the event log takes the next seqs from spaces.last_seq',
  'space_events <- libs/core': 'the outbox relay marks events published',
  // the bounce counters live on users but are member-digests' facts, written with the delivery
  'users <- libs/member-digests': 'digest bounce counters are updated with the delivery row in one statement',
};

describe('table owners', () => {
  const writes = tableWrites();

  it('every table has an owner', () => {
    expect(migrationTables().filter((t) => !OWNERS[t])).toEqual([]);
  });

  it('reads SQL writes across lines and in any case, and not in comments', () => {
    const tables = new Set(['moderation_log', 'memberships', 'users', 'spaces']);
    const source = [
      'await manager.query(`INSERT INTO moderation_log (space_id) VALUES ($1)`, [id]);',
      'await tx.query(`update',
      '   memberships SET role = $2`);',
      '// we never DELETE FROM users here',
      'await db.query(`SELECT * FROM spaces s WHERE s.id = $1 FOR UPDATE`);',
    ].join('\n');
    expect(sqlTablesWritten(source, tables).sort()).toEqual(['memberships', 'moderation_log']);
  });

  it('finds the writes it is checking', () => {
    // the scanner itself works: the owners' own writes are seen
    const seen = new Set(writes.map((w) => w.table));
    expect(seen.has('moderation_log')).toBe(true);
    expect(seen.has('memberships')).toBe(true);
    expect(writes.length).toBeGreaterThan(50);
  });

  it('each table is written by its owner only (SHARED_WRITES aside)', () => {
    const foreign = writes
      .filter((w) => w.unit !== `libs/${OWNERS[w.table]}`)
      .filter((w) => !SHARED_WRITES[`${w.table} <- ${w.unit}`])
      .map((w) => `${w.table} <- ${w.unit} (${w.file}, ${w.how})`);
    expect(foreign).toEqual([]);
  });

  it('moderation_log, memberships and roundtable_roles have one writer lib', () => {
    for (const table of ['moderation_log', 'memberships', 'roundtable_roles']) {
      expect([...new Set(writes.filter((w) => w.table === table).map((w) => w.unit))]).toEqual([
        `libs/${OWNERS[table]}`,
      ]);
    }
  });

  it('SHARED_WRITES lists only writes that still happen', () => {
    const happening = new Set(writes.map((w) => `${w.table} <- ${w.unit}`));
    expect(Object.keys(SHARED_WRITES).filter((k) => !happening.has(k))).toEqual([]);
  });
});
