import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown, Optional } from '@nestjs/common';
import { Job, Worker } from 'bullmq';
import {
  assertEveryQueueHandled,
  QueueName,
  QueueRegistry,
  RedisConnections,
  SPACE_EVENT_HANDLERS,
  SpaceEventHandler,
  SpaceEventJob,
} from '@roundtable/core';

/**
 * The worker's only consumer of the space-events queue: hands each committed event to
 * every capability that handles its type. A handler's error fails the job, which BullMQ
 * retries with backoff and keeps when it finally fails.
 */
@Injectable()
export class SpaceEventsProcessor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SpaceEventsProcessor.name);
  private worker?: Worker<SpaceEventJob>;

  constructor(
    private readonly redis: RedisConnections,
    private readonly queues: QueueRegistry,
    @Optional() @Inject(SPACE_EVENT_HANDLERS) private readonly handlers: SpaceEventHandler[] = [],
  ) {}

  onApplicationBootstrap(): void {
    assertEveryQueueHandled([QueueName.SpaceEvents]);
    this.worker = new Worker<SpaceEventJob>(QueueName.SpaceEvents, (job) => this.process(job), {
      connection: this.redis.bullConnection(),
      prefix: this.queues.prefix,
      concurrency: 8,
    });
    this.worker.on('failed', (job, err) => this.logger.warn(`space event ${job?.id} failed (attempt ${job?.attemptsMade}): ${err.message}`));
    this.worker.on('error', (err) => this.logger.warn(`space-events worker: ${err.message}`));
  }

  async process(job: Job<SpaceEventJob>): Promise<void> {
    for (const handler of this.handlers) {
      if (handler.handles(job.data.type)) await handler.handle(job.data);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    // finishes the active jobs; the others stay queued for the next worker
    await this.worker?.close();
  }
}
