import { Injectable } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import { targetLanguagesOf } from '@roundtable/core';
import type { Language, TranslateContributionJob as JobData } from '@roundtable/core';
import { LanguageDetector } from '../detection/language-detector';
import { TranslationEngine } from '../engine/translation-engine';
import { TranslationError } from '../providers/translation-provider';
import { SourceRow, TRANSLATED_STATUSES, TranslationStore } from './translation-store';

/** How a job ended for one of its target languages. */
export type LanguageResult = 'translated' | 'exists' | 'same-language' | 'superseded' | 'failed';

/** A job ends for all its languages at once (`gone`, `stale`) or with a result per language. */
export type ContributionJobResult = 'gone' | 'stale' | Partial<Record<Language, LanguageResult>>;

/**
 * Translates one version of one contribution into the languages it lacks, each language
 * at once (every pair has its own pipeline). The payload carries ids; the row is read
 * again and the job returns early when its version is stale or the contribution is gone,
 * and skips a language whose translation exists (so a retry does only what is left).
 *
 * A language that can never be translated (an unsupported pair) is recorded `failed` at
 * once and ends the job without retries (`UnrecoverableError`) once the others are done;
 * anything else throws and is retried with backoff. An empty text fails at once.
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
    const targets = targetLanguagesOf(data);
    const lacking = await this.store.lacking(
      row.id,
      row.version,
      targets.filter((l) => l !== from),
    );
    const result: Partial<Record<Language, LanguageResult>> = {};
    for (const language of targets) {
      if (language === from) result[language] = 'same-language';
      else if (!lacking.includes(language)) result[language] = 'exists';
    }
    if (lacking.length === 0) return result;
    if (!/\S/.test(row.body)) throw new UnrecoverableError('there is no text to translate');

    const source = from;
    const settled = await Promise.allSettled(lacking.map((to) => this.translate(row, source, to, signal)));
    let retryable: unknown;
    const failures: Array<{ to: Language; error: Error }> = [];
    settled.forEach((outcome, i) => {
      const to = lacking[i];
      if (outcome.status === 'fulfilled') result[to] = outcome.value;
      else if (outcome.reason instanceof TranslationError && !outcome.reason.retryable) {
        failures.push({ to, error: outcome.reason });
        result[to] = 'failed';
      } else retryable ??= outcome.reason;
    });
    await Promise.all(failures.map(({ to, error }) => this.record(row, source, to, error)));
    if (retryable !== undefined) throw retryable;
    if (failures.length > 0) throw new UnrecoverableError(failures[0].error.message);
    return result;
  }

  /** Marks the job's missing translations failed after the last attempt (the contribution stays as it is). */
  async fail(data: JobData, error: Error): Promise<void> {
    const row = await this.store.source(data.contributionId);
    if (!row || row.version !== data.version || !row.language) return;
    const source = row.language;
    const lacking = await this.store.lacking(
      row.id,
      row.version,
      targetLanguagesOf(data).filter((l) => l !== source),
    );
    await Promise.all(lacking.map((to) => this.record(row, source, to, error)));
  }

  private async translate(
    row: SourceRow,
    from: Language,
    to: Language,
    signal?: AbortSignal,
  ): Promise<'translated' | 'superseded'> {
    const text = await this.engine.translate(row.body, from, to, { signal });
    const saved = await this.store.save({
      contributionId: row.id,
      spaceId: row.space_id,
      version: row.version,
      source: from,
      language: to,
      provider: this.engine.providerName,
      status: 'done',
      text,
    });
    return saved ? 'translated' : 'superseded';
  }

  private async record(row: SourceRow, from: Language, to: Language, error: Error): Promise<void> {
    await this.store.save({
      contributionId: row.id,
      spaceId: row.space_id,
      version: row.version,
      source: from,
      language: to,
      provider: this.engine.providerName,
      status: 'failed',
      text: null,
      error: error.message,
    });
  }
}
