import { Global, Module } from '@nestjs/common';
import { QueueConsumers } from '../queues/queue-consumers';
import { QueueHandlers } from '../queues/queue-handlers';
import { QueueRegistry } from '../queues/queue-registry';

/** The queue producers, and how processors consume their queues (the space event log's outbox is the contributions lib's). */
@Global()
@Module({
  providers: [QueueRegistry, QueueHandlers, QueueConsumers],
  exports: [QueueRegistry, QueueHandlers, QueueConsumers],
})
export class EventsModule {}
