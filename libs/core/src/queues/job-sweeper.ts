import { BeforeApplicationShutdown, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { PeriodicTask } from '../ops/periodic-task';
import { ensureJobRuns } from './ensure-job-runs';
import type { QueueName } from './queue-name';
import type { QueueRegistry } from './queue-registry';

/** A job that should be running: its name, payload and fixed id. */
export interface SweptJob {
  name: string;
  data: object;
  jobId: string;
}

/**
 * The sweeper loop shared by the libs whose jobs claim a row before they work (invitation
 * emails, member digests): every `everyMs`, it asks the subclass which rows are stuck and
 * makes sure each one's job (same fixed id) runs again — re-added when gone or done,
 * retried when failed, left alone when waiting, delayed or active ({@link ensureJobRuns}).
 * The job's claim decides who does the work, so several sweepers are harmless.
 */
export abstract class JobSweeper implements OnApplicationBootstrap, BeforeApplicationShutdown {
  protected readonly logger: Logger;
  private readonly task: PeriodicTask<number>;

  protected constructor(
    private readonly name: string,
    everyMs: number,
    private readonly queueName: QueueName,
    private readonly queues: QueueRegistry,
  ) {
    this.logger = new Logger(new.target.name);
    this.task = new PeriodicTask(name, everyMs, () => this.sweep(), this.logger);
  }

  /** The jobs of the rows that are stuck now. */
  protected abstract stuck(): Promise<SweptJob[]>;

  onApplicationBootstrap(): void {
    this.task.start();
  }

  /** One sweep; returns how many jobs it queued again. */
  async sweep(): Promise<number> {
    const queue = this.queues.get(this.queueName);
    let requeued = 0;
    for (const job of await this.stuck()) {
      if (await ensureJobRuns(queue, job.name, job.data, job.jobId)) requeued += 1;
    }
    if (requeued) this.logger.log(`${this.name} queued ${requeued} job(s) again`);
    return requeued;
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }
}
