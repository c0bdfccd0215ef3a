import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { BodyRenderer } from '@roundtable/contributions';
import { GroupCommit, OutboxRelay, SpaceEvent } from '@roundtable/core';
import type { Language } from '@roundtable/core';

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
  spaceId: string;
  version: number;
  source: Language;
  language: Language;
  provider: string;
  status: 'done' | 'failed';
  text: string | null;
  error?: string;
  /** A person's translation (a correction) rather than the provider's; `provider` is then `human`. */
  machine?: boolean;
  /** Who wrote a human translation. */
  translatedBy?: string;
}

/** Translations are rendered to safe HTML as originals are (light Markdown), once, when written. */
const renderer = new BodyRenderer();

/** The provider name recorded with translations people wrote. */
export const HUMAN_PROVIDER = 'human';

/**
 * Translation rows, one per contribution and language, upserted with the version they
 * translate: a row is only ever replaced by one for the same or a newer version, so a
 * late job for an old version cannot overwrite a newer translation, and a `failed` never
 * replaces a `done`. A human translation replaces whatever is stored for the same version,
 * and only a translation of a newer version replaces it. Writing a row appends a `contribution.translated` event (its own
 * seq) in the same statement, relayed to the space's live clients after commit.
 *
 * Outcomes are written with group commit per space, as posts are: the translations that
 * finish while a space's previous batch is being written share one statement, so the
 * space's `last_seq` row lock is taken once per batch, not once per translation.
 */
@Injectable()
export class TranslationStore {
  private readonly batches = new GroupCommit<TranslationOutcome, boolean>((spaceId, outcomes) => this.writeBatch(spaceId, outcomes));

  constructor(
    @InjectDataSource() private readonly db: DataSource,
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

  /** Records the outcome; resolves false when a newer (or done) translation was already there. */
  save(outcome: TranslationOutcome): Promise<boolean> {
    return this.batches.submit(outcome.spaceId, outcome);
  }

  /**
   * One statement per round: an upsert may touch a row only once, so outcomes for the same
   * contribution and language (rare: a retry racing its first attempt) go in later rounds.
   */
  private async writeBatch(spaceId: string, outcomes: TranslationOutcome[]): Promise<boolean[]> {
    const written = new Array<boolean>(outcomes.length).fill(false);
    let pending = outcomes.map((outcome, index) => ({ outcome, index }));
    while (pending.length > 0) {
      const keys = new Set<string>();
      const round = pending.filter(({ outcome }) => !keys.has(key(outcome)) && keys.add(key(outcome)));
      pending = pending.filter((p) => !round.includes(p));
      const appended = await this.upsertRound(spaceId, round.map((r) => r.outcome));
      const saved = new Set(appended.map((e) => `${e.contributionId} ${(e.payload as { language: string }).language}`));
      round.forEach(({ outcome, index }) => (written[index] = saved.has(key(outcome))));
      void this.relay.publishSafely(appended);
    }
    return written;
  }

  /** Upserts each outcome that is newer than what is stored and appends one event per row written, in order. */
  private async upsertRound(spaceId: string, outcomes: TranslationOutcome[]): Promise<Array<SpaceEvent & { contributionId: string }>> {
    const rows: Array<{ seq: string; contribution_id: string; payload: Record<string, unknown>; created_at: Date }> = await this.db.query(
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
       ), s AS (
         UPDATE spaces SET last_seq = last_seq + (SELECT count(*) FROM w)
         WHERE id = $1 AND EXISTS (SELECT 1 FROM w)
         RETURNING last_seq - (SELECT count(*) FROM w) AS base
       )
       INSERT INTO space_events (space_id, seq, type, contribution_id, payload)
       SELECT $1, s.base + w.n, 'contribution.translated', w.contribution_id, w.payload FROM w CROSS JOIN s
       RETURNING seq, contribution_id, payload, created_at`,
      [
        spaceId,
        outcomes.map((o) => o.contributionId),
        outcomes.map((o) => o.language),
        outcomes.map((o) => o.version),
        outcomes.map((o) => o.source),
        outcomes.map((o) => o.status),
        outcomes.map((o) => o.text),
        outcomes.map((o) => o.provider),
        outcomes.map((o) => o.error?.slice(0, 1000) ?? null),
        outcomes.map((o) => JSON.stringify(translatedPayload(o))),
        TRANSLATED_STATUSES,
        outcomes.map((o) => o.machine !== false),
        outcomes.map((o) => (o.machine === false ? (o.translatedBy ?? null) : null)),
        outcomes.map((o) => (o.text === null ? null : renderer.render(o.text))),
      ],
    );
    return rows
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

  /** Stores a detected (or fallback) language unless the author declared one meanwhile. */
  async setLanguage(contributionId: string, language: Language, source: 'detected' | 'fallback', confidence: number | null): Promise<void> {
    await this.db.query(
      `UPDATE contributions SET language = $2, language_source = $3, language_confidence = $4
       WHERE id = $1 AND language_source <> 'declared'`,
      [contributionId, language, source, confidence],
    );
  }
}

const key = (o: TranslationOutcome) => `${o.contributionId} ${o.language}`;

/** What readers following the space live (and catching up) get for a translation. */
function translatedPayload(o: TranslationOutcome): Record<string, unknown> {
  return {
    contributionId: o.contributionId,
    version: o.version,
    sourceLanguage: o.source,
    language: o.language,
    translation: { text: o.text, status: o.status, provider: o.provider, machine: o.machine !== false, sourceVersion: o.version },
  };
}
