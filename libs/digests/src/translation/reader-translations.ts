import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { LANGUAGES, QueueName, QueueRegistry } from '@roundtable/core';
import type { Language } from '@roundtable/core';
import { translationLost } from '@roundtable/translation';
import { guessLanguage } from '../analysis/native-phrases';
import type { Theme } from '../analysis/theme.types';
import type { KeyPoint } from '../digest/digest.types';

/** Ids only: the job re-reads the published version it translates. */
export interface DigestTranslationJob {
  digestId: string;
  version: number;
  language: Language;
}

/** The machine translation of a published digest's key points (and theme labels) into the language a member reads. */
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
 * The language a theme's label is written in: phrases found on the English side of the
 * contributions are English; those found in the original language (the engine was
 * unavailable) carry it in their key (`fr:…`, `es:…`).
 */
export function themeLabelLanguage(theme: Pick<Theme, 'key'>): Language {
  const prefix = /^(fr|es):/.exec(theme.key);
  return prefix ? (prefix[1] as Language) : 'en';
}

/**
 * The languages a published version is translated into for its readers: those its key
 * points are not written in, and those some theme label is not written in (a digest whose
 * moderators wrote in French still has English labels for its French readers).
 */
export function readerLanguages(keyPoints: KeyPoint[], themes: Array<Pick<Theme, 'key'>>): Language[] {
  const source = digestLanguage(keyPoints);
  return LANGUAGES.filter((l) => l !== source || themes.some((t) => themeLabelLanguage(t) !== l));
}

/** A published version to read in a language, with what decides which translations it has. */
export interface ReaderTranslationRequest {
  digestId: string;
  version: number;
  /** The digest's own language ({@link digestLanguage} of the version's key points). */
  source: Language;
  /** {@link readerLanguages} of the version. */
  languages: Language[];
  publishedAt: Date | null;
}

/** What a reader of one published version gets in their language. */
export interface ReaderTranslationRead {
  /** The key points' translation; null in the digest's own language (only its labels are translated there). */
  translation: ReaderTranslation | null;
  /** Key point id → its wording in the language, once translated. */
  texts: Record<string, string>;
  /** Theme key → its label in the language, once translated; empty for versions translated before labels were. */
  labels: Record<string, string>;
}

interface TranslationRow {
  digest_id: string;
  version: number;
  status: ReaderTranslation['status'];
  provider: string | null;
  texts: Record<string, string>;
  labels: Record<string, string> | null;
}

/**
 * Members' translations of published digests (`moderator_digest_translations`): rows are
 * made pending when a version is published, jobs on the `digest-translations` queue (fixed
 * ids, so asking again is harmless) have the worker fill them with the key points and the
 * theme labels, and readers get them back, one digest or a whole list in one query.
 */
@Injectable()
export class DigestReaderTranslations {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly queues: QueueRegistry,
  ) {}

  /** In the publishing transaction: a pending row per language the version is read in ({@link readerLanguages}). */
  async open(manager: EntityManager, digestId: string, version: number, languages: Language[]): Promise<void> {
    await manager.query(
      `INSERT INTO moderator_digest_translations (digest_id, version, language, status) SELECT $1, $2, l, 'pending' FROM unnest($3::text[]) AS l ON CONFLICT DO NOTHING`,
      [digestId, version, languages],
    );
  }

  /** After the commit: one job per language. */
  async request(digestId: string, version: number, languages: Language[]): Promise<void> {
    await this.queues.get(QueueName.DigestTranslations).addBulk(
      languages.map((language) => ({
        name: 'translate',
        data: { digestId, version, language } satisfies DigestTranslationJob,
        opts: { jobId: `dt-${digestId}-${version}-${language}` },
      })),
    );
  }

  /**
   * The translations of published versions into `lang`, by digest id, read in one query;
   * a version with nothing to translate into `lang` is left out. A translation pending well
   * after publication is asked for again.
   */
  async read(versions: ReaderTranslationRequest[], lang: Language): Promise<Map<string, ReaderTranslationRead>> {
    const wanted = versions.filter((v) => v.languages.includes(lang));
    const found = new Map<string, ReaderTranslationRead>();
    if (wanted.length === 0) return found;
    const rows: TranslationRow[] = await this.db.query(
      `SELECT t.digest_id, t.version, t.status, t.provider, t.texts, t.labels
       FROM moderator_digest_translations t
       JOIN unnest($1::uuid[], $2::int[]) AS w(digest_id, version) ON w.digest_id = t.digest_id AND w.version = t.version
       WHERE t.language = $3`,
      [wanted.map((v) => v.digestId), wanted.map((v) => v.version), lang],
    );
    const byDigest = new Map(rows.map((r) => [r.digest_id, r]));
    for (const v of wanted) {
      const row = byDigest.get(v.digestId);
      const status = row?.status ?? 'pending';
      if (translationLost(status, v.publishedAt)) {
        // the jobs were lost (Redis away when publishing), or the version was published before
        // this language was one of its readers': ask again, the job ids make it harmless
        if (!row) await this.open(this.db.manager, v.digestId, v.version, [lang]);
        await this.request(v.digestId, v.version, [lang]).catch(() => undefined);
      }
      const done = row?.status === 'done';
      found.set(v.digestId, {
        translation: lang === v.source ? null : { status, provider: row?.provider ?? null, language: lang },
        texts: done ? row.texts : {},
        labels: done ? (row.labels ?? {}) : {},
      });
    }
    return found;
  }
}
