import { Injectable } from '@nestjs/common';
import { assertEveryQueueHandled, QueueName } from './queue-name';

/**
 * Which queues this process consumes. Each processor claims its queue in `onModuleInit`
 * and calls {@link assertComplete} in `onApplicationBootstrap`, before it starts
 * consuming: Nest runs every `onModuleInit` before any `onApplicationBootstrap`, so the
 * check sees every claim, whichever library the processors live in. A worker missing a
 * handler, or with two for one queue, refuses to start.
 */
@Injectable()
export class QueueHandlers {
  private readonly claimed: string[] = [];

  claim(queue: QueueName): void {
    this.claimed.push(queue);
  }

  /** Throws unless every queue has exactly one handler in this process. */
  assertComplete(): void {
    assertEveryQueueHandled(this.claimed);
  }

  get queues(): readonly string[] {
    return this.claimed;
  }
}
