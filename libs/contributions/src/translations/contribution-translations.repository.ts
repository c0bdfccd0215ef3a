import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Language, SpaceEvent } from '@roundtable/core';
import { raiseEventHead } from '../events/event-head';

/** One translation of one version of a contribution, as the translation lib hands it over to be stored. */
export interface TranslationRow {
  contributionId: string;
  language: Language;
  /** The contribution version it translates. */
  version: number;
  source: Language;
  status: 'done' | 'failed';
  text: string | null;
  textHtml: string | null;
  provider: string;
  error: string | null;
  /** False for a translation people wrote (a correction). */
  machine: boolean;
  translatedBy: string | null;
  /** What the `contribution.translated` event carries to live readers. */
  payload: Record<string, unknown>;
}

/** Statuses whose text is translated (hidden text may be restored, so it is translated too). */
export const TRANSLATED_STATUSES = ['published', 'hidden'];

/**
 * `contribution_translations`: a contribution's text in the other languages, one row per
 * contribution and language, with the version it translates. The translation lib computes
 * translations; this lib stores them, because each stored translation is also an event in
 * the space's log (`contribution.translated`), appended by the same statement.
 */
@Injectable()
export class ContributionTranslationsRepository {
  /**
   * Upserts each row that is newer than what is stored and appends one event per row
   * written, in order, in ONE statement (the space's head is raised once). A row replaces
   * a stored one only for a newer version; for the same version a human translation
   * replaces anything, and a machine `done` replaces a machine `failed`. A row whose
   * contribution moved to another version or status meanwhile is not written. At most one
   * row per contribution and language per call.
   */
  async write(
    manager: EntityManager,
    spaceId: string,
    rows: TranslationRow[],
  ): Promise<Array<SpaceEvent & { contributionId: string }>> {
    const written: Array<{ seq: string; contribution_id: string; payload: Record<string, unknown>; created_at: Date }> =
      await manager.query(
        `WITH input AS (
         SELECT * FROM unnest($2::uuid[], $3::text[], $4::int[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::jsonb[], $12::boolean[], $13::uuid[], $14::text[])
           WITH ORDINALITY AS i(contribution_id, language, source_version, source_language, status, text, provider, error, payload, machine, translated_by, text_html, ord)
       ), t AS (
         INSERT INTO contribution_translations AS t (contribution_id, language, source_version, source_language, status, text, provider, error, machine, translated_by, text_html)
         SELECT i.contribution_id, i.language, i.source_version, i.source_language, i.status, i.text, i.provider, i.error, i.machine, i.translated_by, i.text_html
         FROM input i JOIN contributions c ON c.id = i.contribution_id
         WHERE c.space_id = $1 AND c.version = i.source_version AND c.status = ANY($11::text[])
         ON CONFLICT (contribution_id, language) DO UPDATE
           SET source_version = EXCLUDED.source_version, source_language = EXCLUDED.source_language, status = EXCLUDED.status,
               text = EXCLUDED.text, provider = EXCLUDED.provider, error = EXCLUDED.error,
               machine = EXCLUDED.machine, translated_by = EXCLUDED.translated_by, text_html = EXCLUDED.text_html, updated_at = now()
           WHERE t.source_version < EXCLUDED.source_version
              OR (t.source_version = EXCLUDED.source_version AND NOT EXCLUDED.machine)
              OR (t.source_version = EXCLUDED.source_version AND t.machine AND t.status = 'failed' AND EXCLUDED.status = 'done')
         RETURNING t.contribution_id, t.language
       ), w AS (
         SELECT i.contribution_id, i.payload, row_number() OVER (ORDER BY i.ord) AS n
         FROM input i JOIN t ON t.contribution_id = i.contribution_id AND t.language = i.language
       ), s AS (${raiseEventHead('$1', '(SELECT count(*) FROM w)')}
       )
       INSERT INTO space_events (space_id, seq, type, contribution_id, payload)
       SELECT $1, s.base + w.n, 'contribution.translated', w.contribution_id, w.payload FROM w CROSS JOIN s
       RETURNING seq, contribution_id, payload, created_at`,
        [
          spaceId,
          rows.map((r) => r.contributionId),
          rows.map((r) => r.language),
          rows.map((r) => r.version),
          rows.map((r) => r.source),
          rows.map((r) => r.status),
          rows.map((r) => r.text),
          rows.map((r) => r.provider),
          rows.map((r) => r.error?.slice(0, 1000) ?? null),
          rows.map((r) => JSON.stringify(r.payload)),
          TRANSLATED_STATUSES,
          rows.map((r) => r.machine),
          rows.map((r) => (r.machine ? null : r.translatedBy)),
          rows.map((r) => r.textHtml),
        ],
      );
    return written
      .map((r) => ({
        type: 'contribution.translated' as const,
        spaceId,
        seq: Number(r.seq),
        contributionId: r.contribution_id,
        createdAt: r.created_at.toISOString(),
        payload: r.payload,
      }))
      .sort((a, b) => a.seq - b.seq);
  }
}
