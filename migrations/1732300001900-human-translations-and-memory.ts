import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Translations people write, and the memory that reuses them.
 *
 * A contribution's translation row may be a human correction (`machine = false`, who wrote
 * it): it belongs to the source version it translates, so the machine translation of a
 * later version replaces it, and no machine translation of the same version does. Every
 * translation keeps its text rendered to safe HTML, as the original does (`body_html`).
 *
 * The translation memory holds aligned segments people translated (corrections, the
 * consultation's own prompts and titles, glossary terms, imported TMX files), keyed by a
 * normalised source text per direction; trigram similarity finds fuzzy matches.
 */
export class HumanTranslationsAndMemory1732300001900 implements MigrationInterface {
  name = 'HumanTranslationsAndMemory1732300001900';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE contribution_translations
        ADD COLUMN machine boolean NOT NULL DEFAULT true,
        ADD COLUMN translated_by uuid REFERENCES users(id) ON DELETE SET NULL,
        ADD COLUMN text_html text`);

    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`
      CREATE TABLE translation_memory (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        source_language text NOT NULL CHECK (source_language IN ('en','fr','es')),
        target_language text NOT NULL CHECK (target_language IN ('en','fr','es')),
        source_key text NOT NULL,
        source_text text NOT NULL,
        target_text text NOT NULL,
        origin text NOT NULL CHECK (origin IN ('correction','prompt','title','objective','glossary','import')),
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (source_language <> target_language)
      )`);
    // exact matches: the engine looks up every segment of a text in one query per direction
    await q.query(
      `CREATE UNIQUE INDEX translation_memory_exact_key ON translation_memory (source_language, target_language, source_key)`,
    );
    // fuzzy matches: trigram similarity of the normalised source
    await q.query(
      `CREATE INDEX translation_memory_fuzzy_idx ON translation_memory USING gin (source_key gin_trgm_ops)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE translation_memory`);
    await q.query(
      `ALTER TABLE contribution_translations DROP COLUMN text_html, DROP COLUMN translated_by, DROP COLUMN machine`,
    );
  }
}
