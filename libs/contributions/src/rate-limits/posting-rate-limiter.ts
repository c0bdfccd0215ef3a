import { Injectable } from '@nestjs/common';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AppConfig, DomainError, RedisConnections } from '@roundtable/core';
import { CONTRIBUTIONS_MESSAGES as M } from '../contributions-messages';

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

  /**
   * Takes one post from both limits (in parallel: one Redis round trip). A refused post
   * gives back what it took from the other limit, so early retries do not use up the
   * per-minute budget; Retry-After is the longer of the waits.
   */
  async consume(userId: string): Promise<void> {
    const limits = this.interval ? [this.perMinute, this.interval] : [this.perMinute];
    const results = await Promise.allSettled(limits.map((limit) => limit.consume(userId)));
    const refusals = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
    if (refusals.length === 0) return;
    const unavailable = refusals.some((reason) => !(reason instanceof RateLimiterRes));
    await Promise.all(
      results.map((r, i) =>
        r.status === 'fulfilled' ? limits[i].reward(userId, 1).catch(() => undefined) : undefined,
      ),
    );
    if (unavailable) throw DomainError.unavailable(M.postingUnavailable);
    const waitMs = Math.max(...refusals.map((res: RateLimiterRes) => res.msBeforeNext));
    throw DomainError.tooMany(M.postingTooFast, waitMs / 1000);
  }

  /** Gives back the post {@link consume} took, when the post was refused after all (never throws). */
  async refund(userId: string): Promise<void> {
    const limits = this.interval ? [this.perMinute, this.interval] : [this.perMinute];
    await Promise.all(limits.map((limit) => limit.reward(userId, 1).catch(() => undefined)));
  }
}
