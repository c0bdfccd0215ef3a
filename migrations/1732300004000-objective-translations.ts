import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A roundtable's objectives in English, French and Spanish: one `{ en?, fr?, es? }` per
 * entry of `objectives`, in the same order. `objectives` stays the text as the organiser
 * first wrote it (what readers fall back to and what API clients already read).
 */
export class ObjectiveTranslations1732300004000 implements MigrationInterface {
  name = 'ObjectiveTranslations1732300004000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE roundtables ADD COLUMN objective_translations jsonb NOT NULL DEFAULT '[]'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE roundtables DROP COLUMN objective_translations`);
  }
}
