import { Global, Module } from '@nestjs/common';
import { QueueRegistry } from '../queues/queue-registry';
import { OutboxRelay } from './outbox-relay';
import { OutboxSweeper } from './outbox-sweeper';

/** The outbox relay and sweeper, and the queue producers. */
@Global()
@Module({ providers: [QueueRegistry, OutboxRelay, OutboxSweeper], exports: [QueueRegistry, OutboxRelay] })
export class EventsModule {}
