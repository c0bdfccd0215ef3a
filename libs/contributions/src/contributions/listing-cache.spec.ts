import { ListingCache } from './listing-cache';

describe('ListingCache', () => {
  const space = '00000000-0000-4000-8000-000000000001';
  const page = (n: number) => ({ items: [{ body: `${n} `.padEnd(130_000, 'x') }], nextCursor: null });

  it('serves a page it holds again without loading it, and lets the oldest pages go once they hold ~16 M characters', async () => {
    const cache = new ListingCache({} as never, {} as never);
    const loads: number[] = [];
    const get = (n: number) =>
      cache.get(space, `oldest|50|${n}|`, async () => {
        loads.push(n);
        return page(n);
      });
    for (let n = 0; n < 300; n++) await get(n); // ~39 M characters asked in all
    expect(loads).toHaveLength(300);

    expect(JSON.parse(await get(299)).items[0].body.startsWith('299 ')).toBe(true);
    expect(loads).toHaveLength(300); // the newest page came from the cache
    await get(0);
    expect(loads).toHaveLength(301); // the oldest had been let go
  });
});
