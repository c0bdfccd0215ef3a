import type { Logger } from '@nestjs/common';

/**
 * Runs `work` every `everyMs`, one run at a time: a tick that finds the previous run still
 * going is skipped, a failure is logged and the next tick tries again, and {@link stop}
 * clears the timer and waits for a run in progress (call it before connections close).
 * The timer does not keep the process alive.
 */
export class PeriodicTask<T = unknown> {
  private timer?: NodeJS.Timeout;
  private running?: Promise<T | undefined>;

  constructor(
    private readonly name: string,
    private readonly everyMs: number,
    private readonly work: () => Promise<T>,
    private readonly logger: Pick<Logger, 'warn'>,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.runOnce(), this.everyMs);
    this.timer.unref();
  }

  /** One run now, or the one already in progress. */
  runOnce(): Promise<T | undefined> {
    return (this.running ??= this.work()
      .catch((err) => {
        this.logger.warn(`${this.name} failed: ${(err as Error).message}`);
        return undefined;
      })
      .finally(() => (this.running = undefined)));
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
