import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The key points of a published moderator digest in the other languages, made by the
 * worker's translation engine so members read them in their own language (one row per
 * digest, published version and language; `texts` maps a key point's id to its wording).
 */
export class DigestTranslations1732300008001 implements MigrationInterface {
  name = 'DigestTranslations1732300008001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE moderator_digest_translations (
        digest_id uuid NOT NULL REFERENCES moderator_digests(id) ON DELETE CASCADE,
        version integer NOT NULL,
        language text NOT NULL CHECK (language IN ('en','fr','es')),
        status text NOT NULL CHECK (status IN ('pending','done','failed')),
        texts jsonb NOT NULL DEFAULT '{}'::jsonb,
        provider text,
        error text,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (digest_id, version, language)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE moderator_digest_translations`);
  }
}
