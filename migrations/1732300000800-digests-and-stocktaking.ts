import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Moderator digests (one per space and period, drafted weekly or on demand), stocktaking
 * summaries (one per roundtable and period, compiled from published digests), the
 * versions of both (every edit is kept), the summaries' translations, and a translation
 * memory for the sentences and phrases they send to the translation engine.
 */
export class DigestsAndStocktaking1732300000800 implements MigrationInterface {
  name = 'DigestsAndStocktaking1732300000800';

  async up(q: QueryRunner): Promise<void> {
    // content: what the platform computed (figures, threads, themes with their sources);
    // key_points: what the moderator edits. published_version: what members see.
    await q.query(`
      CREATE TABLE moderator_digests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        space_id uuid NOT NULL REFERENCES spaces(id) ON DELETE CASCADE,
        period_start timestamptz NOT NULL,
        period_end timestamptz NOT NULL,
        origin text NOT NULL CHECK (origin IN ('scheduled','on_demand')),
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','published')),
        version integer NOT NULL DEFAULT 1,
        content jsonb NOT NULL,
        key_points jsonb NOT NULL,
        published_version integer,
        created_by uuid REFERENCES users(id),
        published_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz,
        CHECK (period_end > period_start),
        UNIQUE (space_id, period_start, period_end)
      )`);
    // a space's digests newest first; compiling a roundtable finds the published digests of its spaces overlapping a period
    await q.query(`CREATE INDEX moderator_digests_space_idx ON moderator_digests (space_id, period_end DESC)`);

    await q.query(`
      CREATE TABLE moderator_digest_versions (
        digest_id uuid NOT NULL REFERENCES moderator_digests(id) ON DELETE CASCADE,
        version integer NOT NULL,
        key_points jsonb NOT NULL,
        change text NOT NULL CHECK (change IN ('drafted','edited')),
        edited_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (digest_id, version)
      )`);

    // content: the whole document (figures from the database, generated statements with
    // their sources, the rapporteur's edits); every version is kept in stocktaking_versions
    await q.query(`
      CREATE TABLE stocktaking_summaries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        roundtable_id uuid NOT NULL REFERENCES roundtables(id) ON DELETE CASCADE,
        period_start timestamptz NOT NULL,
        period_end timestamptz NOT NULL,
        language text NOT NULL DEFAULT 'en' CHECK (language IN ('en','fr','es')),
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','published')),
        version integer NOT NULL DEFAULT 1,
        content jsonb NOT NULL,
        published_version integer,
        created_by uuid REFERENCES users(id),
        published_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz,
        CHECK (period_end > period_start),
        UNIQUE (roundtable_id, period_start, period_end)
      )`);
    // a roundtable's summaries, newest first
    await q.query(
      `CREATE INDEX stocktaking_summaries_roundtable_idx ON stocktaking_summaries (roundtable_id, period_end DESC)`,
    );

    await q.query(`
      CREATE TABLE stocktaking_versions (
        summary_id uuid NOT NULL REFERENCES stocktaking_summaries(id) ON DELETE CASCADE,
        version integer NOT NULL,
        content jsonb NOT NULL,
        change text NOT NULL CHECK (change IN ('compiled','edited','recompiled')),
        edited_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (summary_id, version)
      )`);

    // the free text of a published version in another language, filled by the worker
    await q.query(`
      CREATE TABLE stocktaking_translations (
        summary_id uuid NOT NULL REFERENCES stocktaking_summaries(id) ON DELETE CASCADE,
        version integer NOT NULL,
        language text NOT NULL CHECK (language IN ('en','fr','es')),
        status text NOT NULL CHECK (status IN ('pending','done','failed')),
        texts jsonb NOT NULL DEFAULT '{}'::jsonb,
        provider text,
        error text,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (summary_id, version, language)
      )`);

    // sentences and phrases already machine-translated, looked up by a hash of the source
    await q.query(`
      CREATE TABLE text_translations (
        source_language text NOT NULL,
        target_language text NOT NULL,
        source_hash text NOT NULL,
        text text NOT NULL,
        provider text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (source_language, target_language, source_hash)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE text_translations`);
    await q.query(`DROP TABLE stocktaking_translations`);
    await q.query(`DROP TABLE stocktaking_versions`);
    await q.query(`DROP TABLE stocktaking_summaries`);
    await q.query(`DROP TABLE moderator_digest_versions`);
    await q.query(`DROP TABLE moderator_digests`);
  }
}
