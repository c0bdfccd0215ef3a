import { Injectable, OnModuleInit } from '@nestjs/common';
import { RedisConnections } from '@roundtable/core';
import { OutboxRelay } from '../events/outbox-relay';

/** After an event, a cached page may still be served this long: one query per refresh under heavy posting. */
const REFRESH_BOUND_MS = 150;
/** Even with no event seen (Redis away), nothing is older than this. */
const MAX_AGE_MS = 5000;
/**
 * What the cached pages may hold in all, in characters (a page of 50 is ~130,000): pages
 * asked once each (a reader paging back through a long thread) must not grow the process
 * by hundreds of MB. The oldest pages go first.
 */
const MAX_CHARS = 16_000_000;

interface Entry {
  json: string;
  at: number;
  generation: number;
}

/**
 * Serialised pages of a space's public listing, per process, dropped when that space's
 * events arrive (after a short refresh bound). Concurrent misses share one query.
 */
@Injectable()
export class ListingCache implements OnModuleInit {
  private readonly entries = new Map<string, Entry>();
  private readonly loading = new Map<string, Promise<string>>();
  /** Per space: bumped by each event, so entries made before it are known to be stale. */
  private readonly generations = new Map<string, number>();
  /** Characters held by `entries`. */
  private chars = 0;

  constructor(
    private readonly redis: RedisConnections,
    private readonly relay: OutboxRelay,
  ) {}

  async onModuleInit(): Promise<void> {
    const subscriber = this.redis.create('listing-cache');
    subscriber.on('message', (_channel: string, message: string) => {
      const spaceId = /"spaceId":"([0-9a-f-]{36})"/.exec(message)?.[1];
      if (spaceId) this.generations.set(spaceId, (this.generations.get(spaceId) ?? 0) + 1);
    });
    await subscriber.subscribe(this.relay.channel).catch(() => undefined);
  }

  async get(spaceId: string, key: string, load: () => Promise<unknown>): Promise<string> {
    const fullKey = `${spaceId}|${key}`;
    const generation = this.generations.get(spaceId) ?? 0;
    const entry = this.entries.get(fullKey);
    const now = Date.now();
    if (
      entry &&
      now - entry.at < MAX_AGE_MS &&
      (entry.generation === generation || now - entry.at < REFRESH_BOUND_MS)
    ) {
      return entry.json;
    }
    let pending = this.loading.get(fullKey);
    if (!pending) {
      pending = load()
        .then((value) => {
          const json = JSON.stringify(value);
          this.store(fullKey, { json, at: Date.now(), generation });
          return json;
        })
        .finally(() => this.loading.delete(fullKey));
      this.loading.set(fullKey, pending);
    }
    return pending;
  }

  private store(key: string, entry: Entry): void {
    this.drop(key);
    while (this.chars + entry.json.length > MAX_CHARS && this.entries.size > 0)
      this.drop(this.entries.keys().next().value!);
    this.entries.set(key, entry);
    this.chars += entry.json.length;
  }

  private drop(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.chars -= entry.json.length;
  }
}
