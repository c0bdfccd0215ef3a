import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A roundtable's objectives in English, French and Spanish: one `{ en?, fr?, es? }` per
 * entry of `objectives`, in the same order. `objectives` stays the text as the organiser
 * first wrote it (what readers fall back to and what API clients already read).
 *
 * Also the index the consultation listing's activity reads (ConsultationActivity): per
 * question, published contributions of the last 7 days and the newest one, index-only.
 */
export class ObjectiveTranslationsAndActivity1732300004000 implements MigrationInterface {
  name = 'ObjectiveTranslationsAndActivity1732300004000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE roundtables ADD COLUMN objective_translations jsonb NOT NULL DEFAULT '[]'`);
    // GET /consultations (activity) and GET /roundtables/:id (question counts)
    await q.query(
      `CREATE INDEX contributions_space_published_idx ON contributions (space_id, created_at) WHERE status = 'published'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX contributions_space_published_idx`);
    await q.query(`ALTER TABLE roundtables DROP COLUMN objective_translations`);
  }
}
