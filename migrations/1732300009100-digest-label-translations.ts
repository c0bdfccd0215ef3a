import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The theme labels of a published moderator digest, translated by the same job and stored
 * on the same row as its key points (`labels` maps a theme's key to its label in the row's
 * language). NULL on rows translated before labels were, and while the job has not run:
 * readers then get the labels as written.
 */
export class DigestLabelTranslations1732300009100 implements MigrationInterface {
  name = 'DigestLabelTranslations1732300009100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE moderator_digest_translations ADD COLUMN labels jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE moderator_digest_translations DROP COLUMN labels`);
  }
}
