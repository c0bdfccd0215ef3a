import { Injectable, Logger } from '@nestjs/common';
import { Processor, Worker, WorkerOptions } from 'bullmq';
import { WorkerLifecycle } from '../ops/worker-lifecycle';
import { RedisConnections } from '../redis/redis-connections';
import { QueueHandlers } from './queue-handlers';
import { QueueName } from './queue-name';
import { QueueRegistry } from './queue-registry';

/** What a processor may tune on its worker; the connection and the key prefix are the platform's. */
export type ConsumerOptions = Omit<WorkerOptions, 'connection' | 'prefix'>;

/**
 * How a worker-side processor consumes its queue, in two calls:
 * {@link claim} in `onModuleInit` (this process handles the queue) and {@link consume} in
 * `onApplicationBootstrap` (check that every queue has exactly one handler, then start).
 * The BullMQ worker it starts uses the shared Redis connection settings and prefix, logs
 * its connection errors, and is registered with {@link WorkerLifecycle}, which counts its
 * jobs and stops it gracefully on SIGTERM before any connection closes.
 */
@Injectable()
export class QueueConsumers {
  private readonly logger = new Logger(QueueConsumers.name);

  constructor(
    private readonly redis: RedisConnections,
    private readonly queues: QueueRegistry,
    private readonly handlers: QueueHandlers,
    private readonly lifecycle: WorkerLifecycle,
  ) {}

  claim(queue: QueueName): void {
    this.handlers.claim(queue);
  }

  consume<T, R = unknown>(queue: QueueName, processor: Processor<T, R>, options: ConsumerOptions): Worker<T, R> {
    // every processor has claimed its queue by now (onModuleInit runs first, everywhere)
    this.handlers.assertComplete();
    const worker = new Worker<T, R>(queue, processor, {
      ...options,
      connection: this.redis.bullConnection(),
      prefix: this.queues.prefix,
    });
    worker.on('error', (err) => this.logger.warn(`${queue} worker: ${err.message}`));
    return this.lifecycle.register(worker);
  }
}
