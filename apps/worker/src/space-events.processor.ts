import { Inject, Injectable, OnApplicationBootstrap, OnModuleInit, Optional } from '@nestjs/common';
import { Job } from 'bullmq';
import {
  QUEUED_SPACE_EVENT_TYPES,
  QueueConsumers,
  QueueName,
  SPACE_EVENT_HANDLERS,
  SPACE_EVENT_TYPES,
  SpaceEventBatch,
  SpaceEventHandler,
  SpaceEventJob,
} from '@roundtable/core';

/**
 * The worker's only consumer of the space-events queue: hands the committed events of a
 * job (those the relay handed on together) to every capability that handles their types,
 * all of a handler's events in one call, so it can look them up together. A handler's
 * error fails the job once the other handlers are done; BullMQ retries it with backoff
 * (handlers are idempotent) and keeps it when it finally fails.
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
    this.consumers.consume<SpaceEventBatch | SpaceEventJob>(QueueName.SpaceEvents, (job) => this.process(job), {
      concurrency: 4,
    });
  }

  async process(job: Job<SpaceEventBatch | SpaceEventJob>): Promise<void> {
    // a job of one event each, as queued before events were handed on together
    const events = 'events' in job.data ? job.data.events : [job.data];
    const work = this.handlers
      .map((handler) => ({ handler, mine: events.filter((event) => handler.handles(event.type)) }))
      .filter(({ mine }) => mine.length > 0);
    const outcomes = await Promise.allSettled(work.map(({ handler, mine }) => handler.handle(mine)));
    const failed = outcomes.flatMap((o, i) => (o.status === 'rejected' ? [{ name: work[i].handler.name, o }] : []));
    if (failed.length > 0) {
      const reason = failed[0].o.reason instanceof Error ? failed[0].o.reason.message : String(failed[0].o.reason);
      throw new Error(
        `${failed.map((f) => f.name).join(', ')} failed on ${events.length} event(s), the first: ${reason}`,
      );
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
