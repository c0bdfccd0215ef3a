import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Weekly member digest emails: one delivery record per member, consultation and period,
 * claimed before the email is sent and completed after (exactly once); the runs that fan
 * out to them; and the bounce counter that pauses a member's digest.
 */
export class MemberDigests1732300000700 implements MigrationInterface {
  name = 'MemberDigests1732300000700';

  async up(q: QueryRunner): Promise<void> {
    // consecutive permanent SMTP failures; the third pauses the digest until the member turns it on again
    await q.query(
      `ALTER TABLE users ADD COLUMN digest_bounces integer NOT NULL DEFAULT 0, ADD COLUMN digest_paused_at timestamptz`,
    );

    // one row per consultation and period end, whether the run came from the schedule or an organiser
    await q.query(`
      CREATE TABLE member_digest_runs (
        consultation_id uuid NOT NULL REFERENCES consultations(id) ON DELETE CASCADE,
        period_end timestamptz NOT NULL,
        trigger text NOT NULL CHECK (trigger IN ('schedule','manual')),
        members integer,
        created_at timestamptz NOT NULL DEFAULT now(),
        fanned_out_at timestamptz,
        PRIMARY KEY (consultation_id, period_end)
      )`);

    // The delivery record: inserted as 'claimed' (with an expiry) before anything is sent,
    // completed as 'sent' / 'empty' / 'skipped' / 'bounced' / 'failed' after. The primary key
    // is the "unique on (member, period)" that makes a retried or doubled job harmless.
    await q.query(`
      CREATE TABLE member_digest_deliveries (
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        consultation_id uuid NOT NULL REFERENCES consultations(id) ON DELETE CASCADE,
        period_end timestamptz NOT NULL,
        period_start timestamptz NOT NULL,
        status text NOT NULL CHECK (status IN ('claimed','sent','empty','skipped','bounced','failed')),
        claimed_until timestamptz,
        attempts integer NOT NULL DEFAULT 1,
        items integer,
        message_id text,
        error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        PRIMARY KEY (user_id, consultation_id, period_end),
        CHECK ((status = 'claimed') = (claimed_until IS NOT NULL))
      )`);
    // the claim sweeper: claims whose holder died (expired), oldest first
    await q.query(
      `CREATE INDEX member_digest_deliveries_claims_idx ON member_digest_deliveries (claimed_until) WHERE status = 'claimed'`,
    );
    // a run's progress and the fan-out's "already done" check: one consultation and period
    await q.query(
      `CREATE INDEX member_digest_deliveries_period_idx ON member_digest_deliveries (consultation_id, period_end)`,
    );

    // a digest lists contributions approved (pre-moderation) in its window, per space
    await q.query(
      `CREATE INDEX contributions_space_moderated_idx ON contributions (space_id, moderated_at) WHERE moderated_at IS NOT NULL`,
    );
    // and the pinned ones (highlights), per space
    await q.query(`CREATE INDEX contributions_space_pinned_idx ON contributions (space_id) WHERE pinned`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX contributions_space_pinned_idx`);
    await q.query(`DROP INDEX contributions_space_moderated_idx`);
    await q.query(`DROP TABLE member_digest_deliveries`);
    await q.query(`DROP TABLE member_digest_runs`);
    await q.query(`ALTER TABLE users DROP COLUMN digest_paused_at, DROP COLUMN digest_bounces`);
  }
}
