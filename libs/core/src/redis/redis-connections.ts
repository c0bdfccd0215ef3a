import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import type { RedisOptions as BullRedisOptions } from 'bullmq';
import Redis, { RedisOptions } from 'ioredis';
import { AppConfig } from '../config/app-config';

/**
 * Hands out ioredis connections that retry with backoff, and closes them on shutdown.
 * BullMQ needs `maxRetriesPerRequest: null`; request-path clients fail fast instead so the
 * API can answer 503 while Redis is away.
 */
@Injectable()
export class RedisConnections implements OnApplicationShutdown {
  private readonly logger = new Logger(RedisConnections.name);
  private readonly clients: Redis[] = [];
  private shared?: Redis;

  constructor(private readonly config: AppConfig) {}

  /**
   * A connection for request-path commands (rate limits, health, live publishing). Once it
   * has connected, commands fail at once while Redis is away instead of queueing (the
   * offline queue is turned off), so a request that needs Redis answers 503 without
   * waiting; it reconnects by itself.
   */
  get client(): Redis {
    if (!this.shared) {
      const client = this.create('shared', { maxRetriesPerRequest: 1 });
      // commands sent before the first connection wait for it (boot); after that, fail fast
      client.once('ready', () => (client.options.enableOfflineQueue = false));
      this.shared = client;
    }
    return this.shared;
  }

  /** Resolves with {@link client} once it is connected (boot waits for this), or rejects after `timeoutMs`. */
  ready(timeoutMs: number): Promise<Redis> {
    const client = this.client;
    if (client.status === 'ready') return Promise.resolve(client);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        client.off('ready', onReady);
        reject(new Error(`not connected after ${timeoutMs} ms (status ${client.status})`));
      }, timeoutMs);
      const onReady = () => {
        clearTimeout(timer);
        resolve(client);
      };
      client.once('ready', onReady);
    });
  }

  create(name: string, overrides: RedisOptions = {}): Redis {
    const client = new Redis(this.config.REDIS_URL, {
      connectionName: `${this.config.REDIS_PREFIX}-${name}`,
      retryStrategy: (attempt) => Math.min(attempt * 200, 5000),
      maxRetriesPerRequest: null,
      ...overrides,
    });
    client.on('error', (err) => this.logger.warn(`redis ${name}: ${err.message}`));
    this.clients.push(client);
    return client;
  }

  /** Options for BullMQ connections (it manages its own clients). */
  bullConnection(): BullRedisOptions {
    const url = new URL(this.config.REDIS_URL);
    return {
      host: url.hostname,
      port: Number(url.port || 6379),
      username: url.username || undefined,
      password: url.password ? decodeURIComponent(url.password) : undefined,
      db: url.pathname.length > 1 ? Number(url.pathname.slice(1)) : 0,
      tls: url.protocol === 'rediss:' ? {} : undefined,
      maxRetriesPerRequest: null,
      retryStrategy: (attempt: number) => Math.min(attempt * 200, 5000),
    };
  }

  key(...parts: string[]): string {
    return [this.config.REDIS_PREFIX, ...parts].join(':');
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.clients.map((c) => c.quit().catch(() => c.disconnect())));
  }
}
