import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown, OnModuleInit, Optional } from '@nestjs/common';
import { Job, Worker } from 'bullmq';
import {
  QueueHandlers,
  QueueName,
  QueueRegistry,
  RedisConnections,
  SPACE_EVENT_HANDLERS,
  SpaceEventHandler,
  SpaceEventJob,
  WorkerLifecycle,
} from '@roundtable/core';

/**
 * The worker's only consumer of the space-events queue: hands each committed event to
 * every capability that handles its type. A handler's error fails the job, which BullMQ
 * retries with backoff and keeps when it finally fails.
 */
@Injectable()
export class SpaceEventsProcessor implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SpaceEventsProcessor.name);
  private worker?: Worker<SpaceEventJob>;

  constructor(
    private readonly redis: RedisConnections,
    private readonly queues: QueueRegistry,
    private readonly lifecycle: WorkerLifecycle,
    private readonly queueHandlers: QueueHandlers,
    @Optional() @Inject(SPACE_EVENT_HANDLERS) private readonly handlers: SpaceEventHandler[] = [],
  ) {}

  onModuleInit(): void {
    this.queueHandlers.claim(QueueName.SpaceEvents);
  }

  onApplicationBootstrap(): void {
    // every processor has claimed its queue by now (onModuleInit runs first, everywhere)
    this.queueHandlers.assertComplete();
    // the lifecycle stops it gracefully on SIGTERM, before connections close, and counts its jobs
    this.worker = this.lifecycle.register(
      new Worker<SpaceEventJob>(QueueName.SpaceEvents, (job) => this.process(job), {
        connection: this.redis.bullConnection(),
        prefix: this.queues.prefix,
        concurrency: 8,
      }),
    );
    this.worker.on('error', (err) => this.logger.warn(`space-events worker: ${err.message}`));
  }

  async process(job: Job<SpaceEventJob>): Promise<void> {
    for (const handler of this.handlers) {
      if (handler.handles(job.data.type)) await handler.handle(job.data);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    // already closed by WorkerLifecycle before connections closed; harmless when repeated
    await this.worker?.close();
  }
}
