import { MigrationInterface, QueryRunner } from 'typeorm';

/** Contributions with their edit history, and the per-space event log that doubles as the outbox. */
export class ContributionsAndEvents1732300000001 implements MigrationInterface {
  name = 'ContributionsAndEvents1732300000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE contributions (
        id uuid PRIMARY KEY,
        space_id uuid NOT NULL REFERENCES spaces(id) ON DELETE CASCADE,
        parent_id uuid REFERENCES contributions(id),
        root_id uuid NOT NULL,
        author_id uuid NOT NULL REFERENCES users(id),
        body text NOT NULL,
        body_html text NOT NULL,
        language text CHECK (language IN ('en','fr','es')),
        language_source text NOT NULL DEFAULT 'declared' CHECK (language_source IN ('declared','detected','fallback','unknown')),
        status text NOT NULL CHECK (status IN ('pending','published','hidden','rejected','deleted')),
        version integer NOT NULL DEFAULT 1,
        seq bigint,
        reply_count integer NOT NULL DEFAULT 0,
        pinned boolean NOT NULL DEFAULT false,
        locked boolean NOT NULL DEFAULT false,
        external_ref text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        edited_at timestamptz,
        last_activity_at timestamptz NOT NULL DEFAULT now()
      )`);
    // listing a space: sort=oldest|newest walks (space_id, created_at, id)
    await q.query(`CREATE INDEX contributions_space_created_idx ON contributions (space_id, created_at, id)`);
    // sort=active walks (space_id, last_activity_at, id)
    await q.query(`CREATE INDEX contributions_space_activity_idx ON contributions (space_id, last_activity_at, id)`);
    // reply counts and thread walks
    await q.query(`CREATE INDEX contributions_parent_idx ON contributions (parent_id) WHERE parent_id IS NOT NULL`);
    // "my contributions" (digests, profile)
    await q.query(`CREATE INDEX contributions_author_idx ON contributions (author_id, created_at)`);
    // imports are idempotent by external id within a space
    await q.query(
      `CREATE UNIQUE INDEX contributions_external_ref_key ON contributions (space_id, external_ref) WHERE external_ref IS NOT NULL`,
    );

    await q.query(`
      CREATE TABLE contribution_edits (
        id bigserial PRIMARY KEY,
        contribution_id uuid NOT NULL REFERENCES contributions(id) ON DELETE CASCADE,
        version integer NOT NULL,
        body text NOT NULL,
        edited_by uuid NOT NULL REFERENCES users(id),
        replaced_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (contribution_id, version)
      )`);

    // The space's event log: seq is consecutive per space (taken from spaces.last_seq in the
    // same transaction as the change). published_at is null until the relay has handed the
    // event to Redis, which makes this table the transactional outbox too.
    await q.query(`
      CREATE TABLE space_events (
        space_id uuid NOT NULL REFERENCES spaces(id) ON DELETE CASCADE,
        seq bigint NOT NULL,
        type text NOT NULL,
        contribution_id uuid,
        payload jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz,
        PRIMARY KEY (space_id, seq)
      )`);
    // the relay's sweeper looks for events that were committed but never published
    await q.query(`CREATE INDEX space_events_unpublished_idx ON space_events (created_at) WHERE published_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE space_events`);
    await q.query(`DROP TABLE contribution_edits`);
    await q.query(`DROP TABLE contributions`);
  }
}
