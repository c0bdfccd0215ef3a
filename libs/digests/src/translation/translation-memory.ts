import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Language } from '@roundtable/core';
import { TranslationEngine } from '@roundtable/translation';

const BATCH = 400;
/** Sentences sent to the engine as the lines of one text: one plan, one pass through the provider. */
const LINES_PER_TEXT = 50;
const PARALLEL = 4;

/**
 * Translates short texts (sentences, labels) through the platform's
 * {@link TranslationEngine} (the configured provider, the glossary, Apertium's warm
 * pipelines), remembering every translation in `text_translations`: a weekly digest
 * re-reads mostly the same sentences. Throws when the engine is unavailable.
 */
@Injectable()
export class TranslationMemory {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly engine: TranslationEngine,
  ) {}

  get provider(): string {
    return this.engine.providerName;
  }

  async translate(texts: string[], from: Language, to: Language): Promise<string[]> {
    if (from === to) return [...texts];
    const hashes = texts.map(hash);
    const known = new Map<string, string>();
    const unique = [...new Set(hashes)];
    for (let i = 0; i < unique.length; i += 5000) {
      const rows: Array<{ source_hash: string; text: string }> = await this.db.query(
        `SELECT source_hash, text FROM text_translations WHERE source_language = $1 AND target_language = $2 AND source_hash = ANY($3::text[])`,
        [from, to, unique.slice(i, i + 5000)],
      );
      for (const r of rows) known.set(r.source_hash, r.text);
    }
    const missing = new Map<string, string>();
    texts.forEach((t, i) => {
      if (!known.has(hashes[i]) && t.trim()) missing.set(hashes[i], t);
    });
    const todo = [...missing];
    for (let i = 0; i < todo.length; i += BATCH) {
      const batch = todo.slice(i, i + BATCH);
      const translated = await this.viaEngine(
        batch.map(([, t]) => t),
        from,
        to,
      );
      await this.db.query(
        `INSERT INTO text_translations (source_language, target_language, source_hash, text, provider)
         SELECT $1, $2, h, t, $5 FROM unnest($3::text[], $4::text[]) AS x(h, t)
         ON CONFLICT DO NOTHING`,
        [from, to, batch.map(([h]) => h), translated, this.engine.providerName],
      );
      batch.forEach(([h], j) => known.set(h, translated[j]));
    }
    return texts.map((t, i) => (t.trim() ? (known.get(hashes[i]) ?? t) : t));
  }

  /** One engine call per run of lines; a run that does not come back line for line is translated text by text. */
  private async viaEngine(texts: string[], from: Language, to: Language): Promise<string[]> {
    const lines = texts.map((t) => t.replace(/\s+/g, ' ').trim());
    const runs: string[][] = [];
    for (let i = 0; i < lines.length; i += LINES_PER_TEXT) runs.push(lines.slice(i, i + LINES_PER_TEXT));
    const out: string[][] = new Array(runs.length);
    let next = 0;
    const work = async () => {
      while (next < runs.length) {
        const r = next++;
        const result = (await this.engine.translate(runs[r].join('\n'), from, to)).split('\n');
        out[r] =
          result.length === runs[r].length
            ? result.map((l) => l.trim())
            : await Promise.all(runs[r].map((l) => this.engine.translate(l, from, to)));
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL, runs.length) }, work));
    return out.flat();
  }
}

function hash(text: string): string {
  return createHash('sha256').update(text.replace(/\s+/g, ' ').trim()).digest('base64url');
}
