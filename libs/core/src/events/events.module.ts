import { Global, Module } from '@nestjs/common';
import { QueueHandlers } from '../queues/queue-handlers';
import { QueueRegistry } from '../queues/queue-registry';
import { OutboxRelay } from './outbox-relay';
import { OutboxSweeper } from './outbox-sweeper';

/** The outbox relay and sweeper, the queue producers, and the registry of queue handlers. */
@Global()
@Module({ providers: [QueueRegistry, QueueHandlers, OutboxRelay, OutboxSweeper], exports: [QueueRegistry, QueueHandlers, OutboxRelay] })
export class EventsModule {}
