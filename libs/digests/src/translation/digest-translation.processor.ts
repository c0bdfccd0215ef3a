import { Injectable, Logger, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { QueueConsumers, QueueName } from '@roundtable/core';
import { TranslationEngine, translationJobFailure } from '@roundtable/translation';
import type { KeyPoint } from '../digest/digest.types';
import { DigestTranslationJob, keyPointLanguage } from './reader-translations';

const CONCURRENCY = 8;

/**
 * The worker's only consumer of the digest-translations queue: translates the key points
 * of a published digest version into one language through the platform's translation
 * engine (the configured provider, with the domain glossary) and stores them by key point.
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
    const [row]: Array<{ status: string; key_points: KeyPoint[] }> = await this.db.query(
      `SELECT t.status, v.key_points
       FROM moderator_digest_translations t
       JOIN moderator_digest_versions v ON v.digest_id = t.digest_id AND v.version = t.version
       WHERE t.digest_id = $1 AND t.version = $2 AND t.language = $3`,
      [digestId, version, language],
    );
    if (!row) return { skipped: 'no such digest version to translate' };
    if (row.status === 'done') return { skipped: 'already translated' };
    const todo = row.key_points
      .map((k) => ({ id: k.id, text: k.text, from: keyPointLanguage(k.text) }))
      .filter((k) => k.from !== language && k.text.trim());
    const texts: Record<string, string> = {};
    for (let i = 0; i < todo.length; i += CONCURRENCY) {
      await Promise.all(
        todo
          .slice(i, i + CONCURRENCY)
          .map(async (k) => (texts[k.id] = await this.engine.translate(k.text, k.from, language))),
      );
    }
    await this.db.query(
      `UPDATE moderator_digest_translations SET status = 'done', texts = $4, provider = $5, error = NULL, updated_at = now() WHERE digest_id = $1 AND version = $2 AND language = $3`,
      [digestId, version, language, JSON.stringify(texts), this.engine.providerName],
    );
    this.logger.log(
      `moderator digest ${digestId} v${version}: ${todo.length} key point(s) translated into ${language}`,
    );
    return { texts: todo.length };
  }
}
