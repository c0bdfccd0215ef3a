import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Invitations: an organiser invites people by email to a roundtable (all its questions)
 * or to some of its questions, with a role. Each invitation is sent by the worker; every
 * send (the first, and each resend) has a delivery record, claimed before the email goes
 * out and completed after, so a retried job never sends twice.
 */
export class Invitations1732300000900 implements MigrationInterface {
  name = 'Invitations1732300000900';

  async up(q: QueryRunner): Promise<void> {
    // `space_ids` empty: the whole roundtable; `scope_key` is the same set as text ('*' or
    // the sorted ids), so "this address, this target" is one value a unique index can hold.
    // The token itself is never stored: `token_hash` is its SHA-256, set (with `expires_at`)
    // by the worker when the email is sent. 'expired' is not a stored status: a pending
    // invitation past `expires_at` is expired.
    await q.query(`
      CREATE TABLE invitations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        roundtable_id uuid NOT NULL REFERENCES roundtables(id) ON DELETE CASCADE,
        space_ids uuid[] NOT NULL DEFAULT '{}',
        scope_key text NOT NULL,
        email text NOT NULL CHECK (char_length(email) BETWEEN 3 AND 254),
        role text NOT NULL CHECK (role IN ('participant','moderator','rapporteur')),
        language text NOT NULL CHECK (language IN ('en','fr','es')),
        message text CHECK (char_length(message) <= 2000),
        invited_by uuid REFERENCES users(id) ON DELETE SET NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','accepted','revoked')),
        token_hash bytea,
        expires_at timestamptz,
        send_number integer NOT NULL DEFAULT 1 CHECK (send_number >= 1),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        accepted_at timestamptz,
        accepted_by uuid REFERENCES users(id) ON DELETE SET NULL,
        revoked_at timestamptz,
        revoked_by uuid REFERENCES users(id) ON DELETE SET NULL,
        CHECK ((status = 'accepted') = (accepted_at IS NOT NULL)),
        CHECK ((status = 'revoked') = (revoked_at IS NOT NULL)),
        CHECK ((token_hash IS NULL) = (expires_at IS NULL))
      )`);
    // one pending invitation per address and target: inviting again finds it instead of adding one
    await q.query(
      `CREATE UNIQUE INDEX invitations_pending_key ON invitations (roundtable_id, scope_key, email) WHERE status = 'pending'`,
    );
    // opening a link: the invitation by its token's hash
    await q.query(`CREATE UNIQUE INDEX invitations_token_key ON invitations (token_hash) WHERE token_hash IS NOT NULL`);
    // the organiser's list of a roundtable's invitations, newest first (cursor on created_at, id)
    await q.query(`CREATE INDEX invitations_roundtable_idx ON invitations (roundtable_id, created_at DESC, id DESC)`);
    // the same list narrowed to one question (?spaceId=)
    await q.query(`CREATE INDEX invitations_space_ids_idx ON invitations USING gin (space_ids)`);

    // One row per send. 'queued' when the api asks (same transaction as the invitation),
    // 'claimed' while a worker sends, then 'sent', 'skipped' (revoked, accepted or resent
    // meanwhile), 'bounced' (5xx, final) or 'failed' (retries exhausted).
    await q.query(`
      CREATE TABLE invitation_deliveries (
        invitation_id uuid NOT NULL REFERENCES invitations(id) ON DELETE CASCADE,
        send_number integer NOT NULL,
        status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued','claimed','sent','skipped','bounced','failed')),
        claimed_until timestamptz,
        attempts integer NOT NULL DEFAULT 0,
        message_id text,
        error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        PRIMARY KEY (invitation_id, send_number),
        CHECK ((status = 'claimed') = (claimed_until IS NOT NULL))
      )`);
    // the sweeper: sends still queued (their job may be lost) or claimed by a worker that died
    await q.query(
      `CREATE INDEX invitation_deliveries_open_idx ON invitation_deliveries (updated_at) WHERE status IN ('queued','claimed')`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE invitation_deliveries`);
    await q.query(`DROP TABLE invitations`);
  }
}
