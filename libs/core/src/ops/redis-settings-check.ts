import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import type Redis from 'ioredis';
import { AppConfig, ConfigError } from '../config/app-config';
import { RedisConnections } from '../redis/redis-connections';

/** Redis is not fit to hold the queues; the process refuses to start. */
export class RedisSettingsError extends ConfigError {}

export interface RedisSettings {
  maxmemoryPolicy: string | null;
  aofEnabled: boolean;
  rdbSaves: boolean;
}

/** Reads the settings that matter from `INFO` (allowed on managed Redis) and `CONFIG GET save` when permitted. */
export async function readRedisSettings(client: Redis): Promise<RedisSettings> {
  const info = await client.info();
  const field = (name: string) => new RegExp(`^${name}:(.*)$`, 'm').exec(info)?.[1]?.trim() ?? null;
  let rdbSaves: boolean;
  try {
    const [, save] = (await client.config('GET', 'save')) as [string, string];
    rdbSaves = typeof save === 'string' && save.trim().length > 0;
  } catch {
    // CONFIG is often disabled on managed Redis: assume snapshots are configured by the provider
    rdbSaves = true;
  }
  return { maxmemoryPolicy: field('maxmemory_policy'), aofEnabled: field('aof_enabled') === '1', rdbSaves };
}

/** What is wrong with these settings: an error that stops the boot, and warnings. */
export function judgeRedisSettings(
  settings: RedisSettings,
  production: boolean,
  where: string,
): { error?: string; warnings: string[] } {
  const warnings: string[] = [];
  if (settings.maxmemoryPolicy !== null && settings.maxmemoryPolicy !== 'noeviction') {
    return {
      error:
        `Redis at ${where} has maxmemory-policy=${settings.maxmemoryPolicy}; Roundtable needs noeviction, ` +
        `or Redis may silently drop queued jobs and rate-limit counters when memory runs short. ` +
        `Set it with \`CONFIG SET maxmemory-policy noeviction\` (and in redis.conf), then start again.`,
      warnings,
    };
  }
  if (production && !settings.aofEnabled && !settings.rdbSaves) {
    warnings.push(
      `Redis at ${where} has persistence off (no AOF, no RDB snapshots): queued jobs are lost if it restarts. ` +
        `Turn on appendonly yes for production.`,
    );
  }
  return { warnings };
}

/**
 * At boot, before anything else uses Redis: waits for it (with the connections' backoff),
 * refuses to start unless `maxmemory-policy` is `noeviction` (BullMQ's requirement), and
 * warns in production when Redis would forget everything on restart.
 */
@Injectable()
export class RedisSettingsCheck implements OnModuleInit {
  private readonly logger = new Logger('RedisSettings');

  constructor(
    private readonly redis: RedisConnections,
    private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    const where = redactedUrl(this.config.REDIS_URL);
    const client = await this.redis.ready(this.config.REDIS_CONNECT_TIMEOUT_MS).catch((err) => {
      throw new RedisSettingsError(
        `Redis at ${where} did not answer within ${this.config.REDIS_CONNECT_TIMEOUT_MS} ms (${(err as Error).message})`,
      );
    });
    const verdict = judgeRedisSettings(await readRedisSettings(client), this.config.isProduction, where);
    if (verdict.error) {
      this.logger.error(verdict.error);
      throw new RedisSettingsError(verdict.error);
    }
    for (const warning of verdict.warnings) this.logger.warn(warning);
  }
}

function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparsable REDIS_URL)';
  }
}
