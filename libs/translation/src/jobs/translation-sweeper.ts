import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '@roundtable/core';
import { TranslationMemory } from '../memory/translation-memory';
import { TranslationRequests } from './translation-requests';

const BATCH = 500;

/**
 * Finds published contributions still missing a translation of their current version
 * TRANSLATION_SWEEP_AFTER_SECONDS after their last change (Redis lost its queues, an
 * event was never handled) and queues them again; likewise space prompts. Job ids are
 * fixed, so a translation still queued is not queued twice. Each round also brings the
 * translation memory in line with the consultation's own multilingual texts (prompts,
 * titles, glossary). Runs in the worker, every half period (at least every second).
 */
@Injectable()
export class TranslationSweeper implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(TranslationSweeper.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopping = false;

  constructor(
    private readonly requests: TranslationRequests,
    private readonly config: AppConfig,
    private readonly memory: TranslationMemory,
  ) {}

  onApplicationBootstrap(): void {
    const after = this.config.TRANSLATION_SWEEP_AFTER_SECONDS;
    if (after <= 0) return;
    this.timer = setInterval(
      () => {
        this.running ??= this.sweep()
          .then(() => undefined)
          .catch((err) => this.logger.warn(`translation sweep failed: ${(err as Error).message}`))
          .finally(() => (this.running = undefined));
      },
      Math.max(1000, (after * 1000) / 2),
    );
    this.timer.unref();
  }

  /**
   * Queues what is overdue, BATCH contributions at a time; a stopping worker waits for
   * the batch in hand only. Returns how many jobs it asked for.
   */
  async sweep(olderThanSeconds = this.config.TRANSLATION_SWEEP_AFTER_SECONDS): Promise<number> {
    let asked = 0;
    let after: { at: string; id: string } | undefined;
    while (!this.stopping) {
      const missing = await this.requests.findMissing(olderThanSeconds, BATCH, after);
      if (missing.length === 0) break;
      asked += await this.requests.ensure(missing.map((m) => m.id));
      after = missing[missing.length - 1];
      if (missing.length < BATCH) break;
    }
    if (!this.stopping) asked += await this.requests.ensurePrompts();
    if (!this.stopping) await this.memory.learnOwnTexts();
    if (asked > 0) this.logger.log(`translation sweeper queued ${asked} overdue translation job(s)`);
    return asked;
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
