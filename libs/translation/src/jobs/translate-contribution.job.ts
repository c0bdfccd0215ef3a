import { Injectable } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import type { TranslateContributionJob as JobData } from '@roundtable/core';
import { LanguageDetector } from '../detection/language-detector';
import { TranslationEngine } from '../engine/translation-engine';
import { TranslationError } from '../providers/translation-provider';
import { TRANSLATED_STATUSES, TranslationStore } from './translation-store';

export type ContributionJobResult = 'translated' | 'stale' | 'exists' | 'gone' | 'same-language' | 'superseded';

/**
 * Translates one version of one contribution into one language. The payload carries ids;
 * the row is read again and the job returns early when its version is stale, the
 * contribution is gone, or the translation exists. An unsupported pair or an empty text
 * fails at once (`UnrecoverableError`); anything else throws and is retried with backoff.
 * {@link fail} records the final failure, so readers see `failed` instead of `pending`.
 */
@Injectable()
export class TranslateContributionJob {
  constructor(
    private readonly store: TranslationStore,
    private readonly engine: TranslationEngine,
    private readonly detector: LanguageDetector,
  ) {}

  async run(data: JobData, signal?: AbortSignal): Promise<ContributionJobResult> {
    const row = await this.store.source(data.contributionId);
    if (!row || !TRANSLATED_STATUSES.includes(row.status)) return 'gone';
    if (row.version !== data.version) return 'stale';
    let from = row.language;
    if (!from) {
      const detected = await this.detector.detect(row.body, row.preferred_language);
      await this.store.setLanguage(row.id, detected.language, detected.source, detected.confidence);
      from = detected.language;
    }
    if (from === data.language) return 'same-language';
    if (await this.store.has(row.id, row.version, data.language)) return 'exists';
    if (!/\S/.test(row.body)) throw new UnrecoverableError('there is no text to translate');
    let translated: string;
    try {
      translated = await this.engine.translate(row.body, from, data.language, { signal });
    } catch (err) {
      if (err instanceof TranslationError && !err.retryable) throw new UnrecoverableError(err.message);
      throw err;
    }
    const saved = await this.store.save({
      contributionId: row.id,
      spaceId: row.space_id,
      version: row.version,
      source: from,
      language: data.language,
      provider: this.engine.providerName,
      status: 'done',
      text: translated,
    });
    return saved ? 'translated' : 'superseded';
  }

  /** Marks the translation failed after the last attempt (the contribution itself stays as it is). */
  async fail(data: JobData, error: Error): Promise<void> {
    const row = await this.store.source(data.contributionId);
    if (!row || row.version !== data.version || !row.language || row.language === data.language) return;
    await this.store.save({
      contributionId: row.id,
      spaceId: row.space_id,
      version: row.version,
      source: row.language,
      language: data.language,
      provider: this.engine.providerName,
      status: 'failed',
      text: null,
      error: error.message,
    });
  }
}
