interface Waiting<T, R> {
  item: T;
  resolve: (result: R) => void;
  reject: (err: unknown) => void;
}

/** Writes one batch of a key's items; returns one result per item, in order. */
export type BatchWriter<T, R> = (key: string, items: T[]) => Promise<R[]>;

/**
 * Group commit per key (a space): at most one write per key is in flight in this
 * process, and the items that arrive meanwhile are written together by the next one.
 * Writers that take a hot row lock (a space's `last_seq`) then hold it for one round trip
 * per batch instead of one per item (see PERFORMANCE.md). A failed batch rejects each of
 * its items; the next batch is still written.
 */
export class GroupCommit<T, R> {
  private readonly queues = new Map<string, Array<Waiting<T, R>>>();

  constructor(
    private readonly writeBatch: BatchWriter<T, R>,
    private readonly maxBatch = 256,
  ) {}

  /** Resolves with the item's result once its batch is committed. */
  submit(key: string, item: T): Promise<R> {
    return new Promise((resolve, reject) => {
      const queue = this.queues.get(key);
      if (queue) {
        queue.push({ item, resolve, reject });
        return;
      }
      this.queues.set(key, [{ item, resolve, reject }]);
      void this.drain(key);
    });
  }

  private async drain(key: string): Promise<void> {
    const queue = this.queues.get(key)!;
    while (queue.length > 0) {
      const batch = queue.splice(0, this.maxBatch);
      try {
        const results = await this.writeBatch(
          key,
          batch.map((w) => w.item),
        );
        batch.forEach((w, i) => w.resolve(results[i]));
      } catch (err) {
        batch.forEach((w) => w.reject(err));
      }
    }
    this.queues.delete(key);
  }
}
