import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { RedisConnections } from '@roundtable/core';

/** How long a looked-up principal or role may be reused when no change was announced. */
const TTL_MS = 10_000;
const MAX_ENTRIES = 20_000;

/**
 * Short-lived, per-process memory of who a token's user is, which role they hold in a
 * space and what state a space is in, so a hot request does not cost three queries.
 * Entries belong to an owner (a user id, or `space:<id>`); every change of a user,
 * membership, role or space is announced over Redis and drops that owner's entries in
 * every api process.
 */
@Injectable()
export class AccessCache implements OnModuleInit {
  private readonly logger = new Logger(AccessCache.name);
  private readonly entries = new Map<string, { value: unknown; at: number }>();
  private readonly byUser = new Map<string, Set<string>>();

  constructor(private readonly redis: RedisConnections) {}

  private get channel(): string {
    return this.redis.key('access-changed');
  }

  async onModuleInit(): Promise<void> {
    const subscriber = this.redis.create('access-changed');
    subscriber.on('message', (_channel: string, userId: string) => this.drop(userId));
    await subscriber.subscribe(this.channel).catch((err) => this.logger.warn(`access cache runs without invalidation: ${err.message}`));
  }

  async remember<T>(userId: string, key: string, load: () => Promise<T>): Promise<T> {
    const full = `${userId}|${key}`;
    const hit = this.entries.get(full);
    if (hit && Date.now() - hit.at < TTL_MS) return hit.value as T;
    const value = await load();
    if (value === null || value === undefined) return value; // absence is never remembered
    if (this.entries.size >= MAX_ENTRIES) this.clear();
    this.entries.set(full, { value, at: Date.now() });
    let keys = this.byUser.get(userId);
    if (!keys) this.byUser.set(userId, (keys = new Set()));
    keys.add(full);
    return value;
  }

  /** Announces that a user's profile, memberships or roles changed (here at once, elsewhere via Redis). */
  async changed(userId: string): Promise<void> {
    this.drop(userId);
    await this.redis.client.publish(this.channel, userId).catch((err) => {
      // other processes fall back to the TTL
      this.logger.warn(`could not announce an access change: ${(err as Error).message}`);
    });
  }

  private drop(userId: string): void {
    for (const key of this.byUser.get(userId) ?? []) this.entries.delete(key);
    this.byUser.delete(userId);
  }

  private clear(): void {
    this.entries.clear();
    this.byUser.clear();
  }
}
