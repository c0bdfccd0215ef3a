import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { JobsOptions } from 'bullmq';
import { DataSource } from 'typeorm';
import {
  contributionTranslationJobId,
  LANGUAGES,
  missingPromptLanguages,
  promptTranslationJobId,
  PromptTranslations,
  QueueName,
  QueueRegistry,
  TranslateContributionJob,
  TranslatePromptJob,
  TranslationJobName,
} from '@roundtable/core';
import type { Language, Multilingual } from '@roundtable/core';
import { LanguageDetector } from '../detection/language-detector';
import { TRANSLATED_STATUSES, TranslationStore } from './translation-store';

interface CandidateRow {
  id: string;
  version: number;
  body: string;
  language: Language | null;
  language_source: string;
  preferred_language: Language;
  have: Language[];
}

export interface EnsureOptions {
  /** Detect again even when a language was detected before (the text was edited). */
  redetect?: boolean;
}

/**
 * Works out which translations a contribution still lacks and queues one job for them
 * (id `tr-<id>-<version>-<langs>`, so asking twice queues once). A
 * contribution without a declared language is detected first. Used by the space-event
 * handler (publish, edit, restore), the sweeper and `cli translate --missing`.
 */
@Injectable()
export class TranslationRequests {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly queues: QueueRegistry,
    private readonly detector: LanguageDetector,
    private readonly store: TranslationStore,
  ) {}

  /** Returns how many jobs were asked for (some may already exist and collapse). */
  async ensure(contributionIds: string[], options: EnsureOptions = {}): Promise<number> {
    if (contributionIds.length === 0) return 0;
    const rows: CandidateRow[] = await this.db.query(
      `SELECT c.id, c.version, c.body, c.language, c.language_source, u.preferred_language,
              ARRAY(SELECT t.language FROM contribution_translations t WHERE t.contribution_id = c.id AND t.source_version >= c.version) AS have
       FROM contributions c JOIN users u ON u.id = c.author_id
       WHERE c.id = ANY($1::uuid[]) AND c.status = ANY($2::text[])`,
      [contributionIds, TRANSLATED_STATUSES],
    );
    const jobs: Array<{ name: string; data: TranslateContributionJob; opts: JobsOptions }> = [];
    for (const row of rows) {
      let language = row.language;
      if (!language || (options.redetect && row.language_source !== 'declared')) {
        const detected = await this.detector.detect(row.body, row.preferred_language);
        // an event that changed no text (pin, lock) detects the same: nothing to write
        if (detected.language !== row.language || detected.source !== row.language_source) {
          await this.store.setLanguage(row.id, detected.language, detected.source, detected.confidence);
        }
        language = detected.language;
      }
      const targets = LANGUAGES.filter((l) => l !== language && !row.have.includes(l));
      if (targets.length === 0) continue;
      jobs.push({
        name: TranslationJobName.Contribution,
        data: { contributionId: row.id, version: row.version, languages: targets },
        opts: { jobId: contributionTranslationJobId(row.id, row.version, targets) },
      });
    }
    if (jobs.length) await this.queues.get(QueueName.Translations).addBulk(jobs);
    return jobs.length;
  }

  /**
   * Published (or hidden) contributions lacking a translation of their current version
   * whose last change is older than `olderThanSeconds`, oldest change first, after the
   * cursor `(updatedAt, id)`.
   */
  async findMissing(
    olderThanSeconds: number,
    limit: number,
    after?: { at: string; id: string },
  ): Promise<Array<{ id: string; at: string }>> {
    return this.db.query(
      `SELECT c.id, c.updated_at::text AS at FROM contributions c
       WHERE c.status IN ('published', 'hidden') AND c.updated_at < now() - make_interval(secs => $1)
         AND ($3::timestamptz IS NULL OR (c.updated_at, c.id) > ($3::timestamptz, $4::uuid))
         AND (c.language IS NULL OR EXISTS (
               SELECT 1 FROM unnest($5::text[]) AS l(lang)
               WHERE l.lang <> c.language AND NOT EXISTS (
                 SELECT 1 FROM contribution_translations t
                 WHERE t.contribution_id = c.id AND t.language = l.lang AND t.source_version >= c.version)))
       ORDER BY c.updated_at, c.id LIMIT $2`,
      [olderThanSeconds, limit, after?.at ?? null, after?.id ?? null, LANGUAGES],
    );
  }

  /** How many translations of current versions are missing (a contribution not yet detected counts two). */
  async countMissing(): Promise<number> {
    const [{ n }] = await this.db.query(
      `SELECT coalesce(sum(CASE WHEN c.language IS NULL THEN 2 ELSE (
                SELECT count(*) FROM unnest($1::text[]) AS l(lang)
                WHERE l.lang <> c.language AND NOT EXISTS (
                  SELECT 1 FROM contribution_translations t
                  WHERE t.contribution_id = c.id AND t.language = l.lang AND t.source_version >= c.version)) END), 0)::int AS n
       FROM contributions c WHERE c.status IN ('published', 'hidden')`,
      [LANGUAGES],
    );
    return n;
  }

  /** Queues the prompt translation of every space whose prompt lacks a language (or whose machine text is stale). */
  async ensurePrompts(): Promise<number> {
    const spaces: Array<{ id: string; prompt: Multilingual; prompt_translations: PromptTranslations }> =
      await this.db.query(`SELECT id, prompt, prompt_translations FROM spaces WHERE NOT (prompt ?& $1::text[])`, [
        LANGUAGES,
      ]);
    const jobs = spaces
      .filter((s) => missingPromptLanguages(s.prompt, s.prompt_translations).length > 0)
      .map((s) => ({
        name: TranslationJobName.Prompt,
        data: { spaceId: s.id } satisfies TranslatePromptJob,
        opts: { jobId: promptTranslationJobId(s.id, s.prompt) },
      }));
    if (jobs.length) await this.queues.get(QueueName.Translations).addBulk(jobs);
    return jobs.length;
  }
}
