import { Injectable } from '@nestjs/common';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AppConfig, DomainError, RedisConnections } from '@roundtable/core';

/**
 * Posting limits per member (a burst interval and a per-minute budget), kept in Redis so
 * they hold across api processes.
 */
@Injectable()
export class PostingRateLimiter {
  private readonly perMinute: RateLimiterRedis;
  private readonly interval?: RateLimiterRedis;

  constructor(redis: RedisConnections, config: AppConfig) {
    this.perMinute = new RateLimiterRedis({
      storeClient: redis.client,
      keyPrefix: redis.key('posts-minute'),
      points: config.POSTS_PER_MINUTE,
      duration: 60,
    });
    if (config.POST_MIN_INTERVAL_MS > 0) {
      this.interval = new RateLimiterRedis({
        storeClient: redis.client,
        keyPrefix: redis.key('posts-interval'),
        points: 1,
        // Redis expiries are whole seconds
        duration: Math.max(1, Math.ceil(config.POST_MIN_INTERVAL_MS / 1000)),
      });
    }
  }

  async consume(userId: string): Promise<void> {
    try {
      await Promise.all([this.perMinute.consume(userId), this.interval?.consume(userId)]);
    } catch (res) {
      if (res instanceof RateLimiterRes) {
        throw DomainError.tooMany('You are posting too fast; wait a moment and try again', res.msBeforeNext / 1000);
      }
      throw DomainError.unavailable('Posting is briefly unavailable; try again in a moment');
    }
  }
}
