import { ListingCache } from './listing-cache';

describe('ListingCache', () => {
  const space = '00000000-0000-4000-8000-000000000001';
  const page = (n: number, status = 'published') => ({
    items: [{ body: `${n} `.padEnd(130_000, 'x'), status, authorId: `author-${n}` }],
    nextCursor: null,
  });

  function cacheWithLoads() {
    const cache = new ListingCache({} as never, {} as never);
    const loads: number[] = [];
    const get = (n: number, status?: string) =>
      cache.get(space, `oldest|50|${n}|`, async () => {
        loads.push(n);
        return page(n, status) as never;
      });
    return { get, loads };
  }
  const bodyOf = async (p: Promise<{ body: { bytes: Buffer } }>) => JSON.parse((await p).body.bytes.toString('utf8'));

  it('serves a page it holds again without loading it, and lets pages go once they hold ~20 MB', async () => {
    const { get, loads } = cacheWithLoads();
    for (let n = 0; n < 300; n++) await get(n); // ~39 MB asked in all
    expect(loads).toHaveLength(300);

    expect((await bodyOf(get(299))).items[0].body.startsWith('299 ')).toBe(true);
    expect(loads).toHaveLength(300); // the newest page came from the cache
    await get(0);
    expect(loads).toHaveLength(301); // the oldest had been let go
  });

  it('lets go of the pages read least recently, not of the ones readers keep asking for', async () => {
    const { get, loads } = cacheWithLoads();
    for (let n = 0; n < 150; n++) await get(n); // ~19.5 MB: all held
    await get(0); // page 0 is read again...
    expect(loads).toHaveLength(150);
    for (let n = 150; n < 160; n++) await get(n); // ...so the new pages push out pages 1, 2, … instead
    await get(0);
    expect(loads).toHaveLength(160);
    await get(1);
    expect(loads).toHaveLength(161);
  });

  it('names the authors of hidden contributions on a page, who get their own page instead', async () => {
    const { get } = cacheWithLoads();
    expect([...(await get(7, 'hidden')).hiddenAuthors]).toEqual(['author-7']);
    expect((await get(8)).hiddenAuthors.size).toBe(0);
  });
});
