import { Injectable, Logger, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { QueueConsumers, QueueName } from '@roundtable/core';
import type { Language } from '@roundtable/core';
import { TranslationEngine, translationJobFailure } from '@roundtable/translation';
import type { Quote, Theme } from '../analysis/theme.types';
import type { KeyPoint } from '../digest/digest.types';
import { keyPointOf } from '../digest/key-points';
import { DigestTranslationJob, keyPointLanguage, themeLabelLanguage } from './reader-translations';

const CONCURRENCY = 8;

/**
 * The worker's only consumer of the digest-translations queue: translates the key points
 * and the theme labels of a published digest version into one language through the
 * platform's translation engine (the configured provider, with the domain glossary) and
 * stores them on one row, by key point id and by theme key.
 * Stale or finished work returns early; an engine failure throws so BullMQ retries (a
 * failure that can never work, such as an unsupported pair, at once), and the last attempt
 * marks the translation failed: readers are told, and get the moderators' wording.
 */
@Injectable()
export class DigestTranslationProcessor implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger(DigestTranslationProcessor.name);

  constructor(
    private readonly consumers: QueueConsumers,
    @InjectDataSource() private readonly db: DataSource,
    private readonly engine: TranslationEngine,
  ) {}

  onModuleInit(): void {
    this.consumers.claim(QueueName.DigestTranslations);
  }

  onApplicationBootstrap(): void {
    this.consumers.consume<DigestTranslationJob>(QueueName.DigestTranslations, (job) => this.process(job), {
      concurrency: 2,
    });
  }

  async process(job: Job<DigestTranslationJob>): Promise<{ texts: number } | { skipped: string }> {
    try {
      return await this.translate(job.data);
    } catch (err) {
      const failure = translationJobFailure(err, job);
      if (failure.final) {
        await this.db.query(
          `UPDATE moderator_digest_translations SET status = 'failed', error = $4, provider = $5, updated_at = now() WHERE digest_id = $1 AND version = $2 AND language = $3`,
          [job.data.digestId, job.data.version, job.data.language, failure.message, this.engine.providerName],
        );
        this.logger.warn(
          `moderator digest ${job.data.digestId} v${job.data.version}: translation into ${job.data.language} failed: ${failure.message}`,
        );
      }
      throw failure.rethrow;
    }
  }

  async translate({
    digestId,
    version,
    language,
  }: DigestTranslationJob): Promise<{ texts: number } | { skipped: string }> {
    const [row]: Array<{ status: string; key_points: KeyPoint[]; themes: Theme[] | null }> = await this.db.query(
      `SELECT t.status, v.key_points, d.content->'themes' AS themes
         FROM moderator_digest_translations t
         JOIN moderator_digest_versions v ON v.digest_id = t.digest_id AND v.version = t.version
         JOIN moderator_digests d ON d.id = t.digest_id
         WHERE t.digest_id = $1 AND t.version = $2 AND t.language = $3`,
      [digestId, version, language],
    );
    if (!row) return { skipped: 'no such digest version to translate' };
    if (row.status === 'done') return { skipped: 'already translated' };
    const themeOf = new Map((row.themes ?? []).map((t) => [t.key, t]));
    const wanted = row.key_points.filter((k) => keyPointLanguage(k.text) !== language && k.text.trim());
    // a point drafted from a theme and left as drafted is worded anew in the reader's language
    // from the theme (keyPointOf); the moderators' own points and rewordings are translated whole
    const drafted = wanted.filter(
      (k) => k.origin === 'generated' && !k.edited && k.themeKey && themeOf.has(k.themeKey),
    );
    const points = wanted
      .filter((k) => !drafted.includes(k))
      .map((k) => ({ id: k.id, text: k.text, from: keyPointLanguage(k.text) }));
    const synopses = drafted
      .map((k) => themeOf.get(k.themeKey!)!.synopsis)
      .filter((q): q is Quote => !!q && q.language !== language && !!q.text.trim())
      .map((q) => ({ text: q.text, from: q.language }));
    // themes sharing a wording are translated once
    const themes = (row.themes ?? []).filter((t) => themeLabelLanguage(t) !== language && t.label?.trim());
    const wordings = new Map(themes.map((t) => [t.label, { text: t.label, from: themeLabelLanguage(t) }]));
    const translated = await this.translateAll([...points, ...synopses, ...wordings.values()], language);
    const labels: Record<string, string> = Object.fromEntries(
      themes.map((t) => [t.key, translated.get(wordings.get(t.label)!)!]),
    );
    const texts: Record<string, string> = Object.fromEntries(points.map((k) => [k.id, translated.get(k)!]));
    const synopsisIn = new Map(synopses.map((q) => [q.text, translated.get(q)!]));
    for (const k of drafted) {
      const theme = themeOf.get(k.themeKey!)!;
      const q = theme.synopsis;
      const said = q && (q.language === language ? q.text : synopsisIn.get(q.text));
      texts[k.id] = keyPointOf(theme, language, labels[theme.key] ?? theme.label, said);
    }
    await this.db.query(
      `UPDATE moderator_digest_translations SET status = 'done', texts = $4, labels = $5, provider = $6, error = NULL, updated_at = now() WHERE digest_id = $1 AND version = $2 AND language = $3`,
      [digestId, version, language, JSON.stringify(texts), JSON.stringify(labels), this.engine.providerName],
    );
    this.logger.log(
      `moderator digest ${digestId} v${version}: ${points.length} key point(s) translated, ${drafted.length} worded from their theme, and ${themes.length} theme label(s) translated into ${language}`,
    );
    return { texts: points.length + synopses.length + wordings.size };
  }

  /** Each text through the engine, a few at a time. */
  private async translateAll<T extends { text: string; from: Language }>(
    items: T[],
    language: Language,
  ): Promise<Map<T, string>> {
    const out = new Map<T, string>();
    for (let i = 0; i < items.length; i += CONCURRENCY) {
      await Promise.all(
        items
          .slice(i, i + CONCURRENCY)
          .map(async (item) => out.set(item, await this.engine.translate(item.text, item.from, language))),
      );
    }
    return out;
  }
}
