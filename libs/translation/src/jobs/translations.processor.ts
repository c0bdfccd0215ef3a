import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Job, UnrecoverableError, Worker } from 'bullmq';
import {
  AppConfig,
  QueueHandlers,
  QueueName,
  QueueRegistry,
  RedisConnections,
  TranslateContributionJob as ContributionJobData,
  TranslatePromptJob as PromptJobData,
  TranslationJobName,
  WorkerLifecycle,
} from '@roundtable/core';
import { TranslateContributionJob } from './translate-contribution.job';
import { TranslatePromptJob } from './translate-prompt.job';

/**
 * The worker's consumer of the translations queue: hands each job to its use case by
 * name. Errors are thrown back to BullMQ (retried with exponential backoff, kept when
 * they finally fail); before the last failure is recorded the translation is marked
 * `failed`, so readers stop seeing it as pending.
 */
@Injectable()
export class TranslationsProcessor implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(TranslationsProcessor.name);
  private worker?: Worker;

  constructor(
    private readonly redis: RedisConnections,
    private readonly queues: QueueRegistry,
    private readonly lifecycle: WorkerLifecycle,
    private readonly queueHandlers: QueueHandlers,
    private readonly config: AppConfig,
    private readonly contributions: TranslateContributionJob,
    private readonly prompts: TranslatePromptJob,
  ) {}

  onModuleInit(): void {
    this.queueHandlers.claim(QueueName.Translations);
  }

  onApplicationBootstrap(): void {
    this.queueHandlers.assertComplete();
    const lock = this.config.TRANSLATION_LOCK_MS;
    this.worker = this.lifecycle.register(
      new Worker(QueueName.Translations, (job) => this.process(job), {
        connection: this.redis.bullConnection(),
        prefix: this.queues.prefix,
        concurrency: this.config.TRANSLATION_CONCURRENCY,
        // a worker killed mid-job holds its jobs this long before another worker takes them over
        lockDuration: lock,
        stalledInterval: Math.min(lock, 30_000),
      }),
    );
    this.worker.on('error', (err) => this.logger.warn(`translations worker: ${err.message}`));
  }

  async process(job: Job): Promise<unknown> {
    try {
      switch (job.name) {
        case TranslationJobName.Contribution:
          return await this.contributions.run(job.data as ContributionJobData);
        case TranslationJobName.Prompt:
          return await this.prompts.run(job.data as PromptJobData);
        default:
          throw new UnrecoverableError(`unknown translation job ${job.name}`);
      }
    } catch (err) {
      const last = err instanceof UnrecoverableError || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      if (last && job.name === TranslationJobName.Contribution) {
        await this.contributions.fail(job.data as ContributionJobData, err as Error).catch((e) => this.logger.warn(`could not mark ${job.id} failed: ${e.message}`));
      }
      throw err;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }
}
