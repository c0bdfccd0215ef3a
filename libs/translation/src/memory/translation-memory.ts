import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { LANGUAGES } from '@roundtable/core';
import type { Language } from '@roundtable/core';
import { segmentText } from '../text/segment';
import { planSentences, planText, TextPlan } from '../text/text-plan';

/** Where a remembered translation comes from. */
export type MemoryOrigin = 'correction' | 'prompt' | 'title' | 'objective' | 'glossary' | 'import';

/** One aligned pair: a source sentence and a person's translation of it. */
export interface MemoryPair {
  from: Language;
  to: Language;
  source: string;
  target: string;
}

/** A remembered translation close to a sentence, for people correcting a translation. */
export interface MemorySuggestion {
  source: string;
  target: string;
  /** Trigram similarity of the normalised sources, 0–1 (1: the same sentence). */
  similarity: number;
  origin: MemoryOrigin;
}

/** Below this similarity a remembered sentence is not offered. */
export const FUZZY_THRESHOLD = 0.55;
/** Longer pieces are not remembered: they are paragraphs that did not align, not sentences. */
const MAX_SEGMENT_CHARS = 2000;
const BATCH = 500;

/** The key a sentence is remembered and found by: case, spacing and typographic quotes do not matter. */
export function memoryKey(value: string): string {
  return value
    .normalize('NFC')
    .replace(/[‘’ʼ]/g, "'")
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/**
 * Sentences people translated, reused by the engine: a sentence met again is given
 * their translation instead of the machine's (exact match on the normalised text, per
 * direction), and sentences close to it are offered to people correcting a translation
 * (trigram similarity). The memory learns from corrections, the consultation's own
 * multilingual texts and glossary terms, and from TMX files organisers import.
 */
@Injectable()
export class TranslationMemory {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** People's translations of the given sentences (by {@link memoryKey}), one query. */
  async exact(keys: string[], from: Language, to: Language): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    const wanted = [...new Set(keys)].filter((k) => k.length > 0 && k.length <= MAX_SEGMENT_CHARS);
    if (wanted.length === 0) return found;
    const rows: Array<{ source_key: string; target_text: string }> = await this.db.query(
      `SELECT source_key, target_text FROM translation_memory WHERE source_language = $1 AND target_language = $2 AND source_key = ANY($3::text[])`,
      [from, to, wanted],
    );
    for (const r of rows) found.set(r.source_key, r.target_text);
    return found;
  }

  /** Remembered sentences close to `sentence`, best first. */
  async fuzzy(sentence: string, from: Language, to: Language, limit = 3): Promise<MemorySuggestion[]> {
    const key = memoryKey(sentence);
    if (!key || key.length > MAX_SEGMENT_CHARS) return [];
    const rows: Array<{ source_text: string; target_text: string; similarity: number; origin: MemoryOrigin }> =
      await this.db.query(
        `SELECT source_text, target_text, similarity(source_key, $3) AS similarity, origin FROM translation_memory
       WHERE source_language = $1 AND target_language = $2 AND source_key % $3 AND similarity(source_key, $3) >= $4
       ORDER BY similarity DESC, updated_at DESC LIMIT $5`,
        [from, to, key, FUZZY_THRESHOLD, limit],
      );
    return rows.map((r) => ({
      source: r.source_text,
      target: r.target_text,
      similarity: Math.round(Number(r.similarity) * 100) / 100,
      origin: r.origin,
    }));
  }

  /** Remembers pairs (a later translation of the same sentence replaces an earlier one); returns how many were written. */
  async remember(pairs: MemoryPair[], origin: MemoryOrigin, by: string | null = null): Promise<number> {
    const usable = dedupe(
      pairs.filter(
        (p) => p.from !== p.to && memoryKey(p.source) && p.target.trim() && p.source.length <= MAX_SEGMENT_CHARS,
      ),
    );
    let written = 0;
    for (let i = 0; i < usable.length; i += BATCH) {
      const batch = usable.slice(i, i + BATCH);
      const rows: unknown[] = await this.db.query(
        `INSERT INTO translation_memory (source_language, target_language, source_key, source_text, target_text, origin, created_by)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::uuid[])
         ON CONFLICT (source_language, target_language, source_key) DO UPDATE
           SET source_text = EXCLUDED.source_text, target_text = EXCLUDED.target_text, origin = EXCLUDED.origin,
               created_by = EXCLUDED.created_by, updated_at = now()
           WHERE translation_memory.target_text IS DISTINCT FROM EXCLUDED.target_text
         RETURNING 1`,
        [
          batch.map((p) => p.from),
          batch.map((p) => p.to),
          batch.map((p) => memoryKey(p.source)),
          batch.map((p) => p.source.trim()),
          batch.map((p) => p.target.trim()),
          batch.map(() => origin),
          batch.map(() => by),
        ],
      );
      written += rows.length;
    }
    return written;
  }

  /**
   * Learns the consultation's own multilingual texts, as organisers wrote them: space
   * prompts, consultation and roundtable titles, glossary terms (machine translations of
   * prompts are not theirs and are left out). Unchanged pairs are not rewritten.
   */
  async learnOwnTexts(): Promise<number> {
    const rows: Array<{ origin: MemoryOrigin; texts: Partial<Record<Language, string>> }> = await this.db.query(
      `SELECT 'prompt' AS origin, prompt AS texts FROM spaces
       UNION ALL SELECT 'title', title FROM consultations
       UNION ALL SELECT 'title', title FROM roundtables
       UNION ALL SELECT 'glossary', jsonb_build_object('en', en, 'fr', fr, 'es', es) FROM glossary_terms`,
    );
    const byOrigin = new Map<MemoryOrigin, MemoryPair[]>();
    for (const { origin, texts } of rows) {
      const given = LANGUAGES.filter((l) => typeof texts?.[l] === 'string' && texts[l]!.trim());
      const pairs = given.flatMap((from) =>
        given.filter((to) => to !== from).flatMap((to) => alignTexts(texts[from]!, from, texts[to]!, to)),
      );
      byOrigin.set(origin, [...(byOrigin.get(origin) ?? []), ...pairs]);
    }
    let written = 0;
    for (const [origin, pairs] of byOrigin) written += await this.remember(pairs, origin);
    return written;
  }

  /** Remembers a whole text and its translation, sentence by sentence where they align. */
  rememberText(
    source: string,
    from: Language,
    target: string,
    to: Language,
    origin: MemoryOrigin,
    by: string | null = null,
  ): Promise<number> {
    return this.remember(alignTexts(source, from, target, to), origin, by);
  }
}

/**
 * Pairs a text with its translation: sentence by sentence when both have as many
 * sentences, else paragraph by paragraph when both have as many paragraphs, else the
 * whole text when it is one paragraph.
 */
export function alignTexts(source: string, from: Language, target: string, to: Language): MemoryPair[] {
  const pair = (a: TextPlan, b: TextPlan) =>
    a.segments.map((s, i) => ({ from, to, source: segmentText(s), target: segmentText(b.segments[i]) }));
  const paragraphs = [planText(source, Number.MAX_SAFE_INTEGER), planText(target, Number.MAX_SAFE_INTEGER)];
  const sentences = paragraphs.map(planSentences);
  if (sentences[0].segments.length === sentences[1].segments.length) return pair(sentences[0], sentences[1]);
  if (paragraphs[0].segments.length === paragraphs[1].segments.length) return pair(paragraphs[0], paragraphs[1]);
  if (paragraphs[0].segments.length === 1) return [{ from, to, source: source.trim(), target: target.trim() }];
  return [];
}

function dedupe(pairs: MemoryPair[]): MemoryPair[] {
  const byKey = new Map<string, MemoryPair>();
  for (const p of pairs) byKey.set(`${p.from}|${p.to}|${memoryKey(p.source)}`, p);
  return [...byKey.values()];
}
