import { Inject, Injectable, OnApplicationBootstrap, OnModuleInit, Optional } from '@nestjs/common';
import { Job } from 'bullmq';
import {
  QUEUED_SPACE_EVENT_TYPES,
  QueueConsumers,
  QueueName,
  SPACE_EVENT_HANDLERS,
  SPACE_EVENT_TYPES,
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
    assertHandledTypes(this.handlers);
  }

  onApplicationBootstrap(): void {
    // the handlers look events up in batches: the jobs handled at once make the next batch
    this.consumers.consume<SpaceEventJob>(QueueName.SpaceEvents, (job) => this.process(job), {
      concurrency: 16,
    });
  }

  async process(job: Job<SpaceEventJob>): Promise<void> {
    for (const handler of this.handlers) {
      if (handler.handles(job.data.type)) await handler.handle(job.data);
    }
  }
}

/**
 * The relay queues only {@link QUEUED_SPACE_EVENT_TYPES}: a handler of any other type would
 * never be called, and a queued type without a handler would be work for nobody.
 */
export function assertHandledTypes(handlers: SpaceEventHandler[]): void {
  const handled = SPACE_EVENT_TYPES.filter((type) => handlers.some((h) => h.handles(type)));
  const unqueued = handled.filter((type) => !QUEUED_SPACE_EVENT_TYPES.has(type));
  const unhandled = [...QUEUED_SPACE_EVENT_TYPES].filter((type) => !handled.includes(type as never));
  if (unqueued.length || unhandled.length) {
    throw new Error(
      `space event handlers and QUEUED_SPACE_EVENT_TYPES disagree: ` +
        `${unqueued.length ? `handled but never queued: ${unqueued.join(', ')}. ` : ''}` +
        `${unhandled.length ? `queued but handled by nobody: ${unhandled.join(', ')}.` : ''}`,
    );
  }
}
