import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { JobsOptions, Queue } from 'bullmq';
import { AppConfig } from '../config/app-config';
import { RedisConnections } from '../redis/redis-connections';
import { ALL_QUEUES, DEFAULT_JOB_OPTIONS, QueueName } from './queue-name';

/**
 * Producer side of every queue, shared by the api and the worker. Adding a job fails at
 * once while Redis is away (no offline queue), so an HTTP request that queues work answers
 * 503 instead of hanging until Redis returns; the outbox relay leaves such events to the
 * sweeper. The queues connect at boot, so the first add does not meet a cold connection.
 */
@Injectable()
export class QueueRegistry implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(QueueRegistry.name);
  private readonly queues = new Map<QueueName, Queue>();

  constructor(
    private readonly redis: RedisConnections,
    private readonly config: AppConfig,
  ) {}

  get(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, {
        connection: { ...this.redis.bullConnection(), enableOfflineQueue: false },
        prefix: this.prefix,
        defaultJobOptions: DEFAULT_JOB_OPTIONS as JobsOptions,
      });
      queue.on('error', () => undefined); // connection errors are retried; RedisConnections logs them
      this.queues.set(name, queue);
    }
    return queue;
  }

  async onApplicationBootstrap(): Promise<void> {
    await Promise.all(
      ALL_QUEUES.map((name) =>
        Promise.race([
          this.get(name as QueueName).waitUntilReady(),
          new Promise((resolve) => setTimeout(resolve, 5000).unref()),
        ]).catch((err) => this.logger.warn(`queue ${name} not connected yet: ${(err as Error).message}`)),
      ),
    );
  }

  get prefix(): string {
    return `${this.config.REDIS_PREFIX}:bull`;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
  }
}
