import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import type { Job, Worker } from 'bullmq';
import { AppConfig } from '../config/app-config';
import { Metrics } from '../metrics/metrics';

/**
 * The queue workers of this process. A processor registers its BullMQ `Worker` here and
 * gets, for free: job metrics (processed per outcome, duration), job-id log lines on
 * failure, and a graceful stop on SIGTERM that runs before any connection closes — the
 * active jobs finish (up to SHUTDOWN_TIMEOUT_MS); what has not started stays queued for
 * the next worker; nothing is left "active" with a dead lock, i.e. stalled.
 */
@Injectable()
export class WorkerLifecycle implements BeforeApplicationShutdown {
  private readonly logger = new Logger(WorkerLifecycle.name);
  private readonly workers = new Map<Worker, string>();

  constructor(
    private readonly metrics: Metrics,
    private readonly config: AppConfig,
  ) {}

  register<T extends Worker>(worker: T): T {
    const queue = worker.name;
    this.workers.set(worker, queue);
    worker.on('completed', (job: Job) => {
      this.metrics.jobsProcessed.inc({ queue, outcome: 'completed' });
      this.observe(queue, job);
    });
    worker.on('failed', (job: Job | undefined, err: Error) => {
      this.metrics.jobsProcessed.inc({ queue, outcome: 'failed' });
      if (job) this.observe(queue, job);
      this.logger.warn(
        { queue, jobId: job?.id, attempt: job?.attemptsMade, err: err.message },
        `job ${job?.id} of ${queue} failed: ${err.message}`,
      );
    });
    return worker;
  }

  /** Number of jobs being processed by this process's workers right now (for tests and logs). */
  get registered(): number {
    return this.workers.size;
  }

  /**
   * Stops taking jobs and waits for the active ones. A job still running at the deadline
   * is abandoned by a forced close: its lock expires and another worker's stall check
   * puts it back in the queue (BullMQ's lockDuration, 30 s), so it is delayed, not lost.
   */
  async beforeApplicationShutdown(): Promise<void> {
    const deadline = this.config.SHUTDOWN_TIMEOUT_MS;
    await Promise.all(
      [...this.workers.entries()].map(async ([worker, queue]) => {
        let timer: NodeJS.Timeout | undefined;
        const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), deadline)));
        const outcome = await Promise.race([worker.close().then(() => 'closed' as const), timedOut]);
        clearTimeout(timer);
        if (outcome === 'timeout') {
          this.logger.warn(`${queue}: active jobs did not finish within ${deadline} ms; handing them back`);
          await worker.close(true).catch(() => undefined);
        } else {
          this.logger.log(`${queue}: worker stopped, active jobs finished`);
        }
      }),
    );
    this.workers.clear();
  }

  private observe(queue: string, job: Job): void {
    if (job.processedOn && job.finishedOn)
      this.metrics.jobDuration.observe({ queue }, (job.finishedOn - job.processedOn) / 1000);
  }
}
