import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A suspension can be lifted before its end. Lifting sets `until` to the moment it was
 * lifted, so everything that asks "is this member suspended?" (`until > now()`: the access
 * check, the digest emails) reads the truth unchanged; who lifted it, when and why are
 * kept with it (the planned end stays in the moderation log).
 */
export class SuspensionLifting1732300001100 implements MigrationInterface {
  name = 'SuspensionLifting1732300001100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE member_sanctions
        ADD COLUMN lifted_at timestamptz,
        ADD COLUMN lifted_by uuid REFERENCES users(id),
        ADD COLUMN lift_reason text,
        ADD CONSTRAINT member_sanctions_lift_check CHECK (
          (lifted_at IS NULL) = (lifted_by IS NULL) AND (lifted_at IS NULL) = (lift_reason IS NULL) AND (lifted_at IS NULL OR kind = 'suspension'))`);
    // GET /spaces/:id/suspensions: the running suspensions of a consultation (those of the
    // space, and consultation-wide ones), soonest end first
    await q.query(
      `CREATE INDEX member_sanctions_running_idx ON member_sanctions (consultation_id, until) WHERE kind = 'suspension'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX member_sanctions_running_idx`);
    await q.query(
      `ALTER TABLE member_sanctions DROP CONSTRAINT member_sanctions_lift_check, DROP COLUMN lift_reason, DROP COLUMN lifted_by, DROP COLUMN lifted_at`,
    );
  }
}
