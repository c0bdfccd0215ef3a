import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Moderation: the reason shown to the author of a hidden or rejected contribution, flags,
 * member sanctions (warnings and suspensions) and the append-only moderation log.
 */
export class Moderation1732300000600 implements MigrationInterface {
  name = 'Moderation1732300000600';

  async up(q: QueryRunner): Promise<void> {
    // shown to the author (and moderators) while the contribution is hidden or rejected
    await q.query(`ALTER TABLE contributions ADD COLUMN moderation_reason text, ADD COLUMN moderated_at timestamptz`);
    // the moderation queue: a space's pending contributions, oldest first
    await q.query(
      `CREATE INDEX contributions_pending_idx ON contributions (space_id, created_at, id) WHERE status = 'pending'`,
    );

    // one flag per member and contribution, ever (a second one is a 409); resolved when a moderator decides
    await q.query(`
      CREATE TABLE contribution_flags (
        contribution_id uuid NOT NULL REFERENCES contributions(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        space_id uuid NOT NULL REFERENCES spaces(id) ON DELETE CASCADE,
        reason text NOT NULL CHECK (reason IN ('spam','off_topic','abusive','other')),
        note text,
        created_at timestamptz NOT NULL DEFAULT now(),
        resolved_at timestamptz,
        PRIMARY KEY (contribution_id, user_id)
      )`);
    // the queue reads a space's open flags; the flag count reads one contribution's
    await q.query(
      `CREATE INDEX contribution_flags_open_idx ON contribution_flags (space_id, contribution_id) WHERE resolved_at IS NULL`,
    );

    // warnings and suspensions; space_id null means consultation-wide
    await q.query(`
      CREATE TABLE member_sanctions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('warning','suspension')),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        space_id uuid REFERENCES spaces(id) ON DELETE CASCADE,
        consultation_id uuid NOT NULL REFERENCES consultations(id) ON DELETE CASCADE,
        until timestamptz,
        reason text NOT NULL,
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((kind = 'suspension') = (until IS NOT NULL))
      )`);
    // the access check (every cache miss of a user's role in a space): their running suspensions
    await q.query(
      `CREATE INDEX member_sanctions_suspension_idx ON member_sanctions (user_id, until) WHERE kind = 'suspension'`,
    );
    // a member's own notices, newest first
    await q.query(`CREATE INDEX member_sanctions_user_idx ON member_sanctions (user_id, created_at)`);

    // Every moderation decision. Append-only: the database refuses UPDATE, DELETE and
    // TRUNCATE, whoever asks. Foreign keys have no cascade, so the evidence outlives nothing
    // it refers to by accident (deleting a space with a log would fail, by design).
    await q.query(`
      CREATE TABLE moderation_log (
        id bigserial PRIMARY KEY,
        space_id uuid NOT NULL REFERENCES spaces(id),
        actor_id uuid REFERENCES users(id),
        action text NOT NULL,
        contribution_id uuid REFERENCES contributions(id),
        subject_user_id uuid REFERENCES users(id),
        reason text,
        from_status text,
        to_status text,
        details jsonb NOT NULL DEFAULT '{}'::jsonb,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // the log page of a space, newest first
    await q.query(`CREATE INDEX moderation_log_space_idx ON moderation_log (space_id, id)`);
    // a member's notices: decisions on their contributions and about them
    await q.query(
      `CREATE INDEX moderation_log_subject_idx ON moderation_log (subject_user_id, id) WHERE subject_user_id IS NOT NULL`,
    );
    await q.query(`
      CREATE FUNCTION moderation_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'moderation_log is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER moderation_log_no_change BEFORE UPDATE OR DELETE ON moderation_log
      FOR EACH ROW EXECUTE FUNCTION moderation_log_append_only()`);
    await q.query(`
      CREATE TRIGGER moderation_log_no_truncate BEFORE TRUNCATE ON moderation_log
      FOR EACH STATEMENT EXECUTE FUNCTION moderation_log_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE moderation_log`);
    await q.query(`DROP FUNCTION moderation_log_append_only()`);
    await q.query(`DROP TABLE member_sanctions`);
    await q.query(`DROP TABLE contribution_flags`);
    await q.query(`DROP INDEX contributions_pending_idx`);
    await q.query(`ALTER TABLE contributions DROP COLUMN moderated_at, DROP COLUMN moderation_reason`);
  }
}
