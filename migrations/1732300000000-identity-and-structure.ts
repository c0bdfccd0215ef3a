import { MigrationInterface, QueryRunner } from 'typeorm';

/** Accounts, consultations, roundtables, spaces and who holds which role where. */
export class IdentityAndStructure1732300000000 implements MigrationInterface {
  name = 'IdentityAndStructure1732300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text,
        password_hash text,
        display_name text NOT NULL,
        organisation text,
        constituency text NOT NULL CHECK (constituency IN ('state','civil_society','business','local_government','international_organisation','youth','academia','other')),
        country text,
        preferred_language text NOT NULL CHECK (preferred_language IN ('en','fr','es')),
        is_organiser boolean NOT NULL DEFAULT false,
        digest text NOT NULL DEFAULT 'weekly' CHECK (digest IN ('weekly','off')),
        external_ref text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // login and registration look users up by normalised email
    await q.query(`CREATE UNIQUE INDEX users_email_key ON users (email) WHERE email IS NOT NULL`);
    // imports find placeholder accounts by their external reference
    await q.query(`CREATE UNIQUE INDEX users_external_ref_key ON users (external_ref) WHERE external_ref IS NOT NULL`);

    await q.query(`
      CREATE TABLE consultations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title jsonb NOT NULL,
        description jsonb NOT NULL DEFAULT '{}'::jsonb,
        timezone text NOT NULL,
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE roundtables (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        consultation_id uuid NOT NULL REFERENCES consultations(id) ON DELETE CASCADE,
        number integer NOT NULL,
        title jsonb NOT NULL,
        objectives jsonb NOT NULL DEFAULT '[]'::jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (consultation_id, number)
      )`);

    // a roundtable-level moderator or rapporteur holds that role in every space of the roundtable
    await q.query(`
      CREATE TABLE roundtable_roles (
        roundtable_id uuid NOT NULL REFERENCES roundtables(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN ('moderator','rapporteur')),
        PRIMARY KEY (roundtable_id, user_id)
      )`);
    // the access guard looks up a user's roundtable roles
    await q.query(`CREATE INDEX roundtable_roles_user_idx ON roundtable_roles (user_id)`);

    await q.query(`
      CREATE TABLE spaces (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        roundtable_id uuid NOT NULL REFERENCES roundtables(id) ON DELETE CASCADE,
        number integer NOT NULL,
        prompt jsonb NOT NULL,
        moderation text NOT NULL DEFAULT 'post' CHECK (moderation IN ('pre','post')),
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('draft','open','closed','archived')),
        opens_at timestamptz,
        closes_at timestamptz,
        last_seq bigint NOT NULL DEFAULT 0,
        external_ref text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (roundtable_id, number)
      )`);

    await q.query(`
      CREATE TABLE memberships (
        space_id uuid NOT NULL REFERENCES spaces(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        role text NOT NULL DEFAULT 'participant' CHECK (role IN ('participant','moderator','rapporteur')),
        joined_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (space_id, user_id)
      )`);
    // "my spaces" and the digest look up memberships by user
    await q.query(`CREATE INDEX memberships_user_idx ON memberships (user_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE memberships`);
    await q.query(`DROP TABLE spaces`);
    await q.query(`DROP TABLE roundtable_roles`);
    await q.query(`DROP TABLE roundtables`);
    await q.query(`DROP TABLE consultations`);
    await q.query(`DROP TABLE users`);
  }
}
