import { Injectable } from '@nestjs/common';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AppConfig, DomainError, RedisConnections } from '@roundtable/core';
import { MODERATION_MESSAGES as M } from '../moderation-messages';

/**
 * Flood control for flags (per member) and moderation actions (per moderator), kept in
 * Redis like the posting limits so it holds across api processes.
 */
@Injectable()
export class ModerationRateLimiter {
  private readonly limits: Record<'flag' | 'action', RateLimiterRedis>;

  constructor(redis: RedisConnections, config: AppConfig) {
    const perMinute = (name: string, points: number) =>
      new RateLimiterRedis({ storeClient: redis.client, keyPrefix: redis.key(name), points, duration: 60 });
    this.limits = {
      flag: perMinute('flags-minute', config.FLAGS_PER_MINUTE),
      action: perMinute('moderation-minute', config.MODERATION_ACTIONS_PER_MINUTE),
    };
  }

  async consume(kind: 'flag' | 'action', userId: string): Promise<void> {
    try {
      await this.limits[kind].consume(userId);
    } catch (res) {
      if (res instanceof RateLimiterRes) {
        const message = kind === 'flag' ? M.flaggingTooFast : M.moderatingTooFast;
        throw DomainError.tooMany(message, res.msBeforeNext / 1000);
      }
      throw DomainError.unavailable(M.moderationUnavailable);
    }
  }
}
