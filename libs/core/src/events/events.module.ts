import { Global, Module } from '@nestjs/common';
import { QueueConsumers } from '../queues/queue-consumers';
import { QueueHandlers } from '../queues/queue-handlers';
import { QueueRegistry } from '../queues/queue-registry';
import { OutboxRelay } from './outbox-relay';
import { OutboxSweeper } from './outbox-sweeper';

/** The outbox relay and sweeper, the queue producers, and how processors consume their queues. */
@Global()
@Module({ providers: [QueueRegistry, QueueHandlers, QueueConsumers, OutboxRelay, OutboxSweeper], exports: [QueueRegistry, QueueHandlers, QueueConsumers, OutboxRelay] })
export class EventsModule {}
