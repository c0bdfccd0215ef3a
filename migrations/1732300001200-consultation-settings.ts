import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A consultation's own weekly digest time: the weekday and hour (in its timezone) its
 * members' digest emails go out. Null means the platform's DIGEST_DAY / DIGEST_HOUR.
 */
export class ConsultationSettings1732300001200 implements MigrationInterface {
  name = 'ConsultationSettings1732300001200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE consultations
        ADD COLUMN digest_day smallint CHECK (digest_day BETWEEN 0 AND 6),
        ADD COLUMN digest_hour smallint CHECK (digest_hour BETWEEN 0 AND 23),
        ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE consultations DROP COLUMN updated_at, DROP COLUMN digest_hour, DROP COLUMN digest_day`);
  }
}
