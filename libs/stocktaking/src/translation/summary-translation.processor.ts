import { Injectable, Logger, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { QueueConsumers, QueueName } from '@roundtable/core';
import type { Language } from '@roundtable/core';
import { TranslationEngine, translationJobFailure } from '@roundtable/translation';
import type { SummaryContent } from '../compile/summary.types';
import { FreeText, freeTexts, textKey } from '../render/free-text';

const CONCURRENCY = 8;

/** Ids only: the job re-reads the version it translates. */
export interface SummaryTranslationJob {
  summaryId: string;
  version: number;
  language: Language;
}

/**
 * The worker's only consumer of the summary-translations queue: translates the free text
 * of a published summary version (theme labels, edited wording, priorities, quotes) into
 * one language through the platform's translation engine (the configured provider, with
 * the domain glossary: "climate change" is "changement climatique", whatever the engine
 * would say of the bare phrase), and stores it with the version. Stale or
 * finished work returns early; an engine failure throws so BullMQ retries (one that can
 * never work, such as an unsupported pair, at once), and the last attempt marks the
 * translation failed (readers then get the original wording).
 */
@Injectable()
export class SummaryTranslationProcessor implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger(SummaryTranslationProcessor.name);

  constructor(
    private readonly consumers: QueueConsumers,
    @InjectDataSource() private readonly db: DataSource,
    private readonly engine: TranslationEngine,
  ) {}

  onModuleInit(): void {
    this.consumers.claim(QueueName.SummaryTranslations);
  }

  onApplicationBootstrap(): void {
    this.consumers.consume<SummaryTranslationJob>(QueueName.SummaryTranslations, (job) => this.process(job), {
      concurrency: 2,
    });
  }

  async process(job: Job<SummaryTranslationJob>): Promise<{ texts: number } | { skipped: string }> {
    try {
      return await this.translate(job.data);
    } catch (err) {
      const failure = translationJobFailure(err, job);
      if (failure.final) {
        await this.db.query(
          `UPDATE stocktaking_translations SET status = 'failed', error = $4, updated_at = now() WHERE summary_id = $1 AND version = $2 AND language = $3`,
          [job.data.summaryId, job.data.version, job.data.language, failure.message],
        );
      }
      throw failure.rethrow;
    }
  }

  async translate({
    summaryId,
    version,
    language,
  }: SummaryTranslationJob): Promise<{ texts: number } | { skipped: string }> {
    const [row]: Array<{ status: string; content: SummaryContent; source: Language }> = await this.db.query(
      `SELECT t.status, v.content, s.language AS source
       FROM stocktaking_translations t
       JOIN stocktaking_versions v ON v.summary_id = t.summary_id AND v.version = t.version
       JOIN stocktaking_summaries s ON s.id = t.summary_id
       WHERE t.summary_id = $1 AND t.version = $2 AND t.language = $3`,
      [summaryId, version, language],
    );
    if (!row) return { skipped: 'no such summary version to translate' };
    if (row.status === 'done') return { skipped: 'already translated' };
    const todo = freeTexts(row.content, row.source).filter((t) => t.language !== language);
    const texts: Record<string, string> = {};
    for (let i = 0; i < todo.length; i += CONCURRENCY) {
      await Promise.all(
        todo
          .slice(i, i + CONCURRENCY)
          .map(async (t: FreeText) => (texts[textKey(t)] = await this.engine.translate(t.text, t.language, language))),
      );
    }
    await this.db.query(
      `UPDATE stocktaking_translations SET status = 'done', texts = $4, provider = $5, error = NULL, updated_at = now() WHERE summary_id = $1 AND version = $2 AND language = $3`,
      [summaryId, version, language, JSON.stringify(texts), this.engine.providerName],
    );
    this.logger.log(`stocktaking summary ${summaryId} v${version}: ${todo.length} text(s) translated into ${language}`);
    return { texts: todo.length };
  }
}
