import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Translations people corrected: a row the author or a moderator wrote is `machine = false`
 * (provider `person`), with who wrote it. It translates the version it was written for and,
 * like a machine row, is replaced only by a translation of a newer version.
 */
export class TranslationCorrections1732300002100 implements MigrationInterface {
  name = 'TranslationCorrections1732300002100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE contribution_translations
        ADD COLUMN machine boolean NOT NULL DEFAULT true,
        ADD COLUMN translated_by uuid REFERENCES users(id) ON DELETE SET NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE contribution_translations DROP COLUMN translated_by, DROP COLUMN machine`);
  }
}
