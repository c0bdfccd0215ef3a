/**
 * One owner per table: every table is written (INSERT, UPDATE, DELETE, TRUNCATE, or a
 * TypeORM repository) by its owning lib only; other libs call the owner's repository
 * through its barrel. The list is the README's "Tables and their owners".
 *
 * Hot paths keep their single statements: the statement that appends events (posts,
 * translations) lives in the lib that owns the event log, and a lib that computes what
 * another stores (a translation, a prompt's translation, a bounce) hands it to the owner.
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
  space_event_heads: 'contributions',
  space_event_outbox: 'contributions',
  contribution_translations: 'contributions',
  glossary_terms: 'translation',
  translation_memory: 'translation',
  text_translations: 'digests',
  contribution_flags: 'moderation',
  member_sanctions: 'moderation',
  moderation_log: 'moderation',
  notifications: 'notifications',
  moderator_digests: 'digests',
  moderator_digest_versions: 'digests',
  moderator_digest_translations: 'digests',
  stocktaking_summaries: 'stocktaking',
  stocktaking_versions: 'stocktaking',
  stocktaking_translations: 'stocktaking',
  member_digest_runs: 'member-digests',
  member_digest_deliveries: 'member-digests',
  invitations: 'invitations',
  invitation_deliveries: 'invitations',
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

  it('each table is written by its owner only', () => {
    const foreign = writes
      .filter((w) => w.unit !== `libs/${OWNERS[w.table]}`)
      .map((w) => `${w.table} <- ${w.unit} (${w.file}, ${w.how})`);
    expect(foreign).toEqual([]);
  });

  it('the tables several libs once wrote have one writer lib each', () => {
    const once = [
      'moderation_log',
      'memberships',
      'roundtable_roles',
      'users',
      'spaces',
      'space_events',
      'space_event_heads',
      'contribution_translations',
      'contributions',
    ];
    for (const table of once) {
      expect([...new Set(writes.filter((w) => w.table === table).map((w) => w.unit))]).toEqual([
        `libs/${OWNERS[table]}`,
      ]);
    }
  });
});
