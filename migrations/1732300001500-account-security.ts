import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts people can trust: signed-in devices (one row per device; the rotating refresh
 * token is stored hashed), verified email addresses and affiliations, two-factor
 * authentication, one-time account emails (verification, password reset, new-device
 * notice) and the security log a member reads.
 */
export class AccountSecurity1732300001500 implements MigrationInterface {
  name = 'AccountSecurity1732300001500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE users
        ADD COLUMN email_verified_at timestamptz,
        ADD COLUMN affiliation_verified_at timestamptz,
        ADD COLUMN affiliation_verified_by uuid REFERENCES users(id) ON DELETE SET NULL,
        ADD COLUMN totp_secret text,
        ADD COLUMN totp_pending_secret text,
        ADD COLUMN totp_enabled_at timestamptz,
        ADD COLUMN recovery_code_hashes text[] NOT NULL DEFAULT '{}',
        ADD COLUMN tokens_valid_after timestamptz`);
    // accounts made before verification existed keep posting
    await q.query(`UPDATE users SET email_verified_at = created_at WHERE email IS NOT NULL`);
    await q.query(`
      CREATE TABLE sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        refresh_hash text NOT NULL,
        device text NOT NULL DEFAULT '',
        ip text,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        ended_at timestamptz,
        end_reason text
      )`);
    // GET /me/sessions and ending all of a member's sessions
    await q.query(`CREATE INDEX sessions_user_idx ON sessions (user_id, last_used_at DESC) WHERE ended_at IS NULL`);
    await q.query(`
      CREATE TABLE account_emails (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('verify', 'reset', 'new_device')),
        email text NOT NULL,
        user_id uuid REFERENCES users(id) ON DELETE CASCADE,
        status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'claimed', 'sent', 'skipped', 'failed')),
        claimed_until timestamptz,
        token_hash text UNIQUE,
        expires_at timestamptz,
        used_at timestamptz,
        detail jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE security_events (
        id bigserial PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        kind text NOT NULL,
        device text NOT NULL DEFAULT '',
        ip text,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    // GET /me/security-log, newest first
    await q.query(`CREATE INDEX security_events_user_idx ON security_events (user_id, id DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE security_events`);
    await q.query(`DROP TABLE account_emails`);
    await q.query(`DROP TABLE sessions`);
    await q.query(`
      ALTER TABLE users DROP COLUMN email_verified_at, DROP COLUMN affiliation_verified_at, DROP COLUMN affiliation_verified_by,
        DROP COLUMN totp_secret, DROP COLUMN totp_pending_secret, DROP COLUMN totp_enabled_at, DROP COLUMN recovery_code_hashes, DROP COLUMN tokens_valid_after`);
  }
}
