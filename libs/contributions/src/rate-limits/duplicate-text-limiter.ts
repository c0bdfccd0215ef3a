import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppConfig, DomainError, RedisConnections } from '@roundtable/core';
import { CONTRIBUTIONS_MESSAGES as M } from '../contributions-messages';

/**
 * Flood control against copy-paste: a member posting the same text again (ignoring case and
 * spacing) within DUPLICATE_POST_WINDOW_SECONDS gets 429. Kept in Redis, so it holds across
 * api processes; the key holds a hash of the text, never the text.
 */
@Injectable()
export class DuplicateTextLimiter {
  constructor(
    private readonly redis: RedisConnections,
    private readonly config: AppConfig,
  ) {}

  /** Records this text for the member, or throws 429 when they posted it within the window. */
  async claim(userId: string, body: string): Promise<void> {
    const window = this.config.DUPLICATE_POST_WINDOW_SECONDS;
    if (window === 0) return;
    const key = this.key(userId, body);
    let claimed: string | null;
    try {
      claimed = await this.redis.client.set(key, '1', 'EX', window, 'NX');
    } catch {
      throw DomainError.unavailable(M.postingUnavailable);
    }
    if (claimed === 'OK') return;
    const ttl = await this.redis.client.ttl(key).catch(() => window);
    throw DomainError.tooMany(M.duplicateText, ttl > 0 ? ttl : window);
  }

  /** Gives the text back when its post was not written after all. */
  async release(userId: string, body: string): Promise<void> {
    if (this.config.DUPLICATE_POST_WINDOW_SECONDS === 0) return;
    await this.redis.client.del(this.key(userId, body)).catch(() => undefined);
  }

  private key(userId: string, body: string): string {
    const normalised = body.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
    return this.redis.key(`dup-post:${userId}:${createHash('sha256').update(normalised).digest('base64url')}`);
  }
}
