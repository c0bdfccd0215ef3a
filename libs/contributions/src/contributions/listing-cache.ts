import { Injectable, OnModuleInit } from '@nestjs/common';
import { OutboxRelay, RedisConnections } from '@roundtable/core';

/** After an event, a cached page may still be served this long: one query per refresh under heavy posting. */
const REFRESH_BOUND_MS = 150;
/** Even with no event seen (Redis away), nothing is older than this. */
const MAX_AGE_MS = 5000;
const MAX_ENTRIES = 2000;

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
    if (entry && now - entry.at < MAX_AGE_MS && (entry.generation === generation || now - entry.at < REFRESH_BOUND_MS)) {
      return entry.json;
    }
    let pending = this.loading.get(fullKey);
    if (!pending) {
      pending = load()
        .then((value) => {
          const json = JSON.stringify(value);
          if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
          this.entries.set(fullKey, { json, at: Date.now(), generation });
          return json;
        })
        .finally(() => this.loading.delete(fullKey));
      this.loading.set(fullKey, pending);
    }
    return pending;
  }
}
