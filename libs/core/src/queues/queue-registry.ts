import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { JobsOptions, Queue } from 'bullmq';
import { AppConfig } from '../config/app-config';
import { RedisConnections } from '../redis/redis-connections';
import { DEFAULT_JOB_OPTIONS, QueueName } from './queue-name';

/** Producer side of every queue, shared by the api and the worker. */
@Injectable()
export class QueueRegistry implements OnApplicationShutdown {
  private readonly queues = new Map<QueueName, Queue>();

  constructor(
    private readonly redis: RedisConnections,
    private readonly config: AppConfig,
  ) {}

  get(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, {
        connection: this.redis.bullConnection(),
        prefix: this.prefix,
        defaultJobOptions: DEFAULT_JOB_OPTIONS as JobsOptions,
      });
      queue.on('error', () => undefined); // connection errors are retried; RedisConnections logs them
      this.queues.set(name, queue);
    }
    return queue;
  }

  get prefix(): string {
    return `${this.config.REDIS_PREFIX}:bull`;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
  }
}
