import { Injectable, OnModuleInit } from '@nestjs/common';
import { JsonBody, RedisConnections } from '@roundtable/core';
import { OutboxRelay } from '../events/outbox-relay';
import type { ContributionPageDto } from './contribution.dto';

/** After an event, a cached page may still be served this long: one query per refresh under heavy posting. */
const REFRESH_BOUND_MS = 150;
/** Even with no event seen (Redis away), nothing is older than this. */
const MAX_AGE_MS = 5000;
/**
 * What the cached pages may hold in all, in bytes of JSON (a page of 50 is ~110,000; its
 * gzip form, once a reader asks for it, adds about a sixth): pages asked once each (a
 * reader paging back through a long thread) must not grow the process by hundreds of MB.
 * The pages read least recently go first.
 */
const MAX_BYTES = 20_000_000;

/** A public page as every member gets it, with the authors of its hidden contributions. */
export interface CachedPage {
  body: JsonBody;
  /** Who wrote a hidden contribution on it: they may read their own text, so they get their own page. */
  hiddenAuthors: ReadonlySet<string>;
}

interface Entry {
  page: CachedPage;
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
  private readonly loading = new Map<string, Promise<CachedPage>>();
  /** Per space: bumped by each event, so entries made before it are known to be stale. */
  private readonly generations = new Map<string, number>();
  /** Bytes of JSON held by `entries`. */
  private bytes = 0;

  constructor(
    private readonly redis: RedisConnections,
    private readonly relay: OutboxRelay,
  ) {}

  async onModuleInit(): Promise<void> {
    // this process's own events at once (its live clients get them so), every process's over Redis
    this.relay.onPublishedHere((event) => this.stale(event.spaceId));
    const subscriber = this.redis.create('listing-cache');
    subscriber.on('message', (_channel: string, message: string) => {
      const spaceId = /"spaceId":"([0-9a-f-]{36})"/.exec(message)?.[1];
      if (spaceId) this.stale(spaceId);
    });
    await subscriber.subscribe(this.relay.channel).catch(() => undefined);
  }

  private stale(spaceId: string): void {
    this.generations.set(spaceId, (this.generations.get(spaceId) ?? 0) + 1);
  }

  async get(spaceId: string, key: string, load: () => Promise<ContributionPageDto>): Promise<CachedPage> {
    const fullKey = `${spaceId}|${key}`;
    const generation = this.generations.get(spaceId) ?? 0;
    const entry = this.entries.get(fullKey);
    const now = Date.now();
    if (
      entry &&
      now - entry.at < MAX_AGE_MS &&
      (entry.generation === generation || now - entry.at < REFRESH_BOUND_MS)
    ) {
      // read most recently now: the pages to let go are the ones nobody asked for lately
      this.entries.delete(fullKey);
      this.entries.set(fullKey, entry);
      return entry.page;
    }
    let pending = this.loading.get(fullKey);
    if (!pending) {
      pending = load()
        .then((value) => {
          const page: CachedPage = {
            body: new JsonBody(JSON.stringify(value)),
            hiddenAuthors: new Set(value.items.filter((c) => c.status === 'hidden').map((c) => c.authorId)),
          };
          this.store(fullKey, { page, at: Date.now(), generation });
          return page;
        })
        .finally(() => this.loading.delete(fullKey));
      this.loading.set(fullKey, pending);
    }
    return pending;
  }

  private store(key: string, entry: Entry): void {
    this.drop(key);
    while (this.bytes + entry.page.body.bytes.length > MAX_BYTES && this.entries.size > 0)
      this.drop(this.entries.keys().next().value!);
    this.entries.set(key, entry);
    this.bytes += entry.page.body.bytes.length;
  }

  private drop(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.page.body.bytes.length;
  }
}
