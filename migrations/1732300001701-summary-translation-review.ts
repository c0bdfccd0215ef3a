import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A rapporteur's review of a summary's machine translation, per published version and
 * language: `reviewed` (with their corrections of free texts, by text key) or `accepted`
 * as it is. Until then the translation is shown as a machine translation, not the
 * official text.
 */
export class SummaryTranslationReview1732300001701 implements MigrationInterface {
  name = 'SummaryTranslationReview1732300001701';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE stocktaking_translations
        ADD COLUMN review text CHECK (review IN ('reviewed','accepted')),
        ADD COLUMN corrections jsonb NOT NULL DEFAULT '{}'::jsonb,
        ADD COLUMN reviewed_by uuid REFERENCES users(id) ON DELETE SET NULL,
        ADD COLUMN reviewed_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE stocktaking_translations DROP COLUMN review, DROP COLUMN corrections, DROP COLUMN reviewed_by, DROP COLUMN reviewed_at`,
    );
  }
}
