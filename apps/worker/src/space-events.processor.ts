import { Inject, Injectable, OnApplicationBootstrap, OnModuleInit, Optional } from '@nestjs/common';
import { Job } from 'bullmq';
import {
  QueueConsumers,
  QueueName,
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
export class SpaceEventsProcessor implements OnModuleInit, OnApplicationBootstrap {
  constructor(
    private readonly consumers: QueueConsumers,
    @Optional() @Inject(SPACE_EVENT_HANDLERS) private readonly handlers: SpaceEventHandler[] = [],
  ) {}

  onModuleInit(): void {
    this.consumers.claim(QueueName.SpaceEvents);
  }

  onApplicationBootstrap(): void {
    this.consumers.consume<SpaceEventJob>(QueueName.SpaceEvents, (job) => this.process(job), {
      concurrency: 8,
    });
  }

  async process(job: Job<SpaceEventJob>): Promise<void> {
    for (const handler of this.handlers) {
      if (handler.handles(job.data.type)) await handler.handle(job.data);
    }
  }
}
