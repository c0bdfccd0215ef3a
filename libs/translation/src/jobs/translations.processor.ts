import os from 'node:os';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import {
  AppConfig,
  concurrencyForFreeCpu,
  isLastAttempt,
  OthersCpuMeter,
  QueueConsumers,
  QueueName,
  TranslateContributionJob as ContributionJobData,
  TranslatePromptJob as PromptJobData,
  TranslationJobName,
} from '@roundtable/core';
import { TranslateContributionJob } from './translate-contribution.job';
import { TranslatePromptJob } from './translate-prompt.job';

/** How often the number of translations run at once follows the CPU that other processes use. */
const ADAPT_EVERY_MS = 2000;

/**
 * The worker's consumer of the translations queue: hands each job to its use case by
 * name. Errors are thrown back to BullMQ (retried with exponential backoff, kept when
 * they finally fail); before the last failure is recorded the translation is marked
 * `failed`, so readers stop seeing it as pending.
 */
@Injectable()
export class TranslationsProcessor implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(TranslationsProcessor.name);
  private adapting?: NodeJS.Timeout;

  constructor(
    private readonly consumers: QueueConsumers,
    private readonly config: AppConfig,
    private readonly contributions: TranslateContributionJob,
    private readonly prompts: TranslatePromptJob,
  ) {}

  onModuleInit(): void {
    this.consumers.claim(QueueName.Translations);
  }

  onApplicationBootstrap(): void {
    const lock = this.config.TRANSLATION_LOCK_MS;
    const worker = this.consumers.consume(QueueName.Translations, (job) => this.process(job), {
      concurrency: this.config.TRANSLATION_CONCURRENCY,
      // a worker killed mid-job holds its jobs this long before another worker takes them over
      lockDuration: lock,
      stalledInterval: Math.min(lock, 30_000),
    });
    // translation is the worker's CPU-heavy work: it takes what people's requests leave free
    const meter = new OthersCpuMeter();
    const cpus = os.cpus().length;
    this.adapting = setInterval(() => {
      worker.concurrency = concurrencyForFreeCpu(this.config.TRANSLATION_CONCURRENCY, cpus, meter.sample());
    }, ADAPT_EVERY_MS);
    this.adapting.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.adapting);
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
      const last = err instanceof UnrecoverableError || isLastAttempt(job);
      if (last && job.name === TranslationJobName.Contribution) {
        await this.contributions
          .fail(job.data as ContributionJobData, err as Error)
          .catch((e) => this.logger.warn(`could not mark ${job.id} failed: ${e.message}`));
      }
      throw err;
    }
  }
}
