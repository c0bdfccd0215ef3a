import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Language } from '@roundtable/core';
import { TEXT_TRANSLATOR, TextTranslator } from './text-translator';

const BATCH = 400;

/**
 * Translates through the {@link TextTranslator}, remembering every translation in
 * `text_translations`: a weekly digest re-reads mostly the same sentences, and a summary's
 * statements are translated once per language whatever the number of re-publications.
 */
@Injectable()
export class TranslationMemory {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(TEXT_TRANSLATOR) private readonly translator: TextTranslator,
  ) {}

  get provider(): string {
    return this.translator.provider;
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
      const translated = await this.translator.translate(batch.map(([, t]) => t), from, to);
      await this.db.query(
        `INSERT INTO text_translations (source_language, target_language, source_hash, text, provider)
         SELECT $1, $2, h, t, $5 FROM unnest($3::text[], $4::text[]) AS x(h, t)
         ON CONFLICT DO NOTHING`,
        [from, to, batch.map(([h]) => h), translated, this.translator.provider],
      );
      batch.forEach(([h], j) => known.set(h, translated[j]));
    }
    return texts.map((t, i) => (t.trim() ? (known.get(hashes[i]) ?? t) : t));
  }
}

function hash(text: string): string {
  return createHash('sha256').update(text.replace(/\s+/g, ' ').trim()).digest('base64url');
}
