import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { OutboxRelay } from '@roundtable/core';
import type { Language } from '@roundtable/core';
import { SpaceEventLog } from '@roundtable/contributions';

/** A contribution as translation needs it. */
export interface SourceRow {
  id: string;
  space_id: string;
  status: string;
  version: number;
  body: string;
  language: Language | null;
  language_source: 'declared' | 'detected' | 'fallback' | 'unknown';
  preferred_language: Language;
}

/** Statuses whose text is translated (hidden text may be restored, so it is translated too). */
export const TRANSLATED_STATUSES = ['published', 'hidden'];

export interface TranslationOutcome {
  contributionId: string;
  version: number;
  source: Language;
  language: Language;
  provider: string;
  status: 'done' | 'failed';
  text: string | null;
  error?: string;
}

/**
 * Translation rows, one per contribution and language, upserted with the version they
 * translate: a row is only ever replaced by one for the same or a newer version, so a
 * late job for an old version cannot overwrite a newer translation, and a `failed` never
 * replaces a `done`. Writing a row appends a `contribution.translated` event (its own
 * seq) in the same transaction, relayed to the space's live clients after commit.
 */
@Injectable()
export class TranslationStore {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly events: SpaceEventLog,
    private readonly relay: OutboxRelay,
  ) {}

  async source(contributionId: string): Promise<SourceRow | undefined> {
    const rows: SourceRow[] = await this.db.query(
      `SELECT c.id, c.space_id, c.status, c.version, c.body, c.language, c.language_source, u.preferred_language
       FROM contributions c JOIN users u ON u.id = c.author_id WHERE c.id = $1`,
      [contributionId],
    );
    return rows[0];
  }

  /** Whether this version already has a translation (done or failed) into `language`. */
  async has(contributionId: string, version: number, language: Language): Promise<boolean> {
    const rows = await this.db.query(
      `SELECT 1 FROM contribution_translations WHERE contribution_id = $1 AND language = $2 AND source_version >= $3`,
      [contributionId, language, version],
    );
    return rows.length > 0;
  }

  /** Records the outcome; returns false when a newer (or done) translation was already there. */
  async save(outcome: TranslationOutcome): Promise<boolean> {
    const appended = await this.db.transaction(async (manager) => {
      const rows: Array<{ space_id: string }> = await manager.query(
        `INSERT INTO contribution_translations AS t (contribution_id, language, source_version, source_language, status, text, provider, error)
         SELECT c.id, $2, $3, $4, $5, $6, $7, $8 FROM contributions c
         WHERE c.id = $1 AND c.version = $3 AND c.status = ANY($9::text[])
         ON CONFLICT (contribution_id, language) DO UPDATE
           SET source_version = EXCLUDED.source_version, source_language = EXCLUDED.source_language, status = EXCLUDED.status,
               text = EXCLUDED.text, provider = EXCLUDED.provider, error = EXCLUDED.error, updated_at = now()
           WHERE t.source_version < EXCLUDED.source_version
              OR (t.source_version = EXCLUDED.source_version AND t.status = 'failed' AND EXCLUDED.status = 'done')
         RETURNING (SELECT space_id FROM contributions WHERE id = $1) AS space_id`,
        [
          outcome.contributionId,
          outcome.language,
          outcome.version,
          outcome.source,
          outcome.status,
          outcome.text,
          outcome.provider,
          outcome.error?.slice(0, 1000) ?? null,
          TRANSLATED_STATUSES,
        ],
      );
      if (rows.length === 0) return [];
      return this.events.append(manager, rows[0].space_id, [
        {
          type: 'contribution.translated',
          contributionId: outcome.contributionId,
          payload: {
            contributionId: outcome.contributionId,
            version: outcome.version,
            sourceLanguage: outcome.source,
            language: outcome.language,
            translation: {
              text: outcome.text,
              status: outcome.status,
              provider: outcome.provider,
              machine: true,
              sourceVersion: outcome.version,
            },
          },
        },
      ]);
    });
    void this.relay.publishSafely(appended);
    return appended.length > 0;
  }

  /** Stores a detected (or fallback) language unless the author declared one meanwhile. */
  async setLanguage(contributionId: string, language: Language, source: 'detected' | 'fallback', confidence: number | null): Promise<void> {
    await this.db.query(
      `UPDATE contributions SET language = $2, language_source = $3, language_confidence = $4
       WHERE id = $1 AND language_source <> 'declared'`,
      [contributionId, language, source, confidence],
    );
  }
}
