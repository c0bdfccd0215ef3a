import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { RedisConnections } from '@roundtable/core';

/** How long a looked-up principal or role may be reused when no change was announced. */
const TTL_MS = 10_000;
const MAX_ENTRIES = 20_000;

/** Told the owner (a user id, or `space:<id>`) whose access just changed, in this process. */
export type AccessChangeListener = (owner: string) => void;

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
  /**
   * When (in drops counted by `epoch`) each owner's entries were last dropped. A load that
   * started before a drop of its owner may have read the database before the change was
   * committed: its result goes to its caller but is not remembered, or it would outlive
   * the announcement for a whole TTL. `prunedAt`: the epoch when this map was last emptied
   * (loads started before it are not remembered either).
   */
  private readonly droppedAt = new Map<string, number>();
  private epoch = 0;
  private prunedAt = 0;
  private readonly listeners: AccessChangeListener[] = [];

  constructor(private readonly redis: RedisConnections) {}

  private get channel(): string {
    return this.redis.key('access-changed');
  }

  async onModuleInit(): Promise<void> {
    const subscriber = this.redis.create('access-changed');
    subscriber.on('message', (_channel: string, owner: string) => this.drop(owner));
    await subscriber
      .subscribe(this.channel)
      .catch((err) => this.logger.warn(`access cache runs without invalidation: ${err.message}`));
  }

  async remember<T>(userId: string, key: string, load: () => Promise<T>): Promise<T> {
    const full = `${userId}|${key}`;
    const hit = this.entries.get(full);
    if (hit && Date.now() - hit.at < TTL_MS) return hit.value as T;
    const startedAt = this.epoch;
    const value = await load();
    if (value === null || value === undefined) return value; // absence is never remembered
    if (this.prunedAt > startedAt || (this.droppedAt.get(userId) ?? 0) > startedAt) return value; // changed meanwhile
    if (this.entries.size >= MAX_ENTRIES) this.clear();
    this.entries.set(full, { value, at: Date.now() });
    let keys = this.byUser.get(userId);
    if (!keys) this.byUser.set(userId, (keys = new Set()));
    keys.add(full);
    return value;
  }

  /** Announces that a user's profile, memberships or roles changed (here at once, elsewhere via Redis). */
  async changed(userId: string): Promise<void> {
    this.forget(userId);
    await this.redis.client.publish(this.channel, userId).catch((err) => {
      // other processes fall back to the TTL
      this.logger.warn(`could not announce an access change: ${(err as Error).message}`);
    });
  }

  /**
   * Calls `listener` whenever an owner's access changes, as announced here or by another
   * process (once per announcement; this process hears its own too). Listeners run after
   * the owner's entries are dropped, so what they look up is read afresh.
   */
  onChange(listener: AccessChangeListener): void {
    this.listeners.push(listener);
  }

  /** An announcement (ours or another process's) arrived. */
  private drop(owner: string): void {
    this.forget(owner);
    for (const listener of this.listeners) {
      try {
        listener(owner);
      } catch (err) {
        this.logger.warn(`access change listener failed: ${(err as Error).message}`);
      }
    }
  }

  private forget(owner: string): void {
    for (const key of this.byUser.get(owner) ?? []) this.entries.delete(key);
    this.byUser.delete(owner);
    this.epoch += 1;
    if (this.droppedAt.size >= MAX_ENTRIES) {
      this.droppedAt.clear();
      this.prunedAt = this.epoch;
    }
    this.droppedAt.set(owner, this.epoch);
  }

  private clear(): void {
    this.entries.clear();
    this.byUser.clear();
  }
}
