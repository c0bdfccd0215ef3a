import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { LANGUAGES, QueueName, QueueRegistry } from '@roundtable/core';
import type { Language } from '@roundtable/core';
import { otherLanguages, translationLost } from '@roundtable/translation';
import { guessLanguage } from '../analysis/native-phrases';
import type { KeyPoint } from '../digest/digest.types';

/** Ids only: the job re-reads the published version it translates. */
export interface DigestTranslationJob {
  digestId: string;
  version: number;
  language: Language;
}

/** The machine translation of a published digest's key points into the language a member reads. */
export interface ReaderTranslation {
  status: 'pending' | 'done' | 'failed';
  /** The engine that translated it (`apertium`, `libretranslate`, `deepl`); null while pending. */
  provider: string | null;
  /** The language the key points were translated into. */
  language: Language;
}

/**
 * The language a key point is written in: the platform drafts in English; a moderator's
 * wording long enough to tell is guessed.
 */
export function keyPointLanguage(text: string): Language {
  return (text.match(/\p{L}+/gu)?.length ?? 0) >= 4 ? guessLanguage(text) : 'en';
}

/** The digest's own language: that of most of its key points (English when none, or on a tie with English). */
export function digestLanguage(keyPoints: KeyPoint[]): Language {
  const counts: Record<Language, number> = { en: 0, fr: 0, es: 0 };
  for (const k of keyPoints) counts[keyPointLanguage(k.text)]++;
  return LANGUAGES.reduce<Language>((best, l) => (counts[l] > counts[best] ? l : best), 'en');
}

/**
 * Members' translations of published digests (`moderator_digest_translations`): rows are
 * made pending when a version is published, jobs on the `digest-translations` queue (fixed
 * ids, so asking again is harmless) have the worker fill them, and readers get them back.
 */
@Injectable()
export class DigestReaderTranslations {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly queues: QueueRegistry,
  ) {}

  /** In the publishing transaction: a pending row per other language. */
  async open(manager: EntityManager, digestId: string, version: number, source: Language): Promise<void> {
    await manager.query(
      `INSERT INTO moderator_digest_translations (digest_id, version, language, status) SELECT $1, $2, l, 'pending' FROM unnest($3::text[]) AS l ON CONFLICT DO NOTHING`,
      [digestId, version, otherLanguages(source)],
    );
  }

  /** After the commit: one job per other language. */
  async request(digestId: string, version: number, source: Language): Promise<void> {
    await this.queues.get(QueueName.DigestTranslations).addBulk(
      otherLanguages(source).map((language) => ({
        name: 'translate',
        data: { digestId, version, language } satisfies DigestTranslationJob,
        opts: { jobId: `dt-${digestId}-${version}-${language}` },
      })),
    );
  }

  /**
   * The translation of a published version into `lang`: null in the digest's own language.
   * A translation pending well after publication is asked for again.
   */
  async read(
    digestId: string,
    version: number,
    lang: Language,
    source: Language,
    publishedAt: Date | null,
  ): Promise<{ translation: ReaderTranslation; texts: Record<string, string> } | null> {
    if (lang === source) return null;
    const [row]: Array<{
      status: ReaderTranslation['status'];
      provider: string | null;
      texts: Record<string, string>;
    }> = await this.db.query(
      `SELECT status, provider, texts FROM moderator_digest_translations WHERE digest_id = $1 AND version = $2 AND language = $3`,
      [digestId, version, lang],
    );
    const status = row?.status ?? 'pending';
    if (translationLost(status, publishedAt)) {
      // the jobs were lost (Redis away when publishing): ask again, the job ids make it harmless
      if (!row) await this.open(this.db.manager, digestId, version, source);
      await this.request(digestId, version, source).catch(() => undefined);
    }
    return {
      translation: { status, provider: row?.provider ?? null, language: lang },
      texts: status === 'done' ? row.texts : {},
    };
  }
}
