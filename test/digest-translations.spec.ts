import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { RunningProcess, startWorker, uniquePrefix } from './support/processes';
import { buildStocktakingWorld, POSTING_ENV, StocktakingWorld } from './support/stocktaking-world';
import { eventually, startTestApi, TestApi, TestUser } from './support/test-api';
import { expectErrorShape, expectStatus } from './support/world';

/** A LibreTranslate stand-in that refuses every pair (a 400: never worth a retry). */
async function refusingProvider(): Promise<{ url: string; requests: () => number; stop: () => Promise<void> }> {
  let requests = 0;
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      requests++;
      res
        .writeHead(400, { 'content-type': 'application/json' })
        .end(JSON.stringify({ error: 'this pair is not available' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests: () => requests,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Members read a published moderator digest in their language: publishing queues the
 * translation of its key points into the other languages, a compiled worker makes them
 * with the translation engine (Apertium), and `GET /digests/:id?lang=` gives them marked
 * as machine translations; until then it says pending, and a failure is said as such.
 */
describe('moderator digests in the members’ language', () => {
  // a Redis prefix of our own: no other file's worker takes these jobs
  const prefix = uniquePrefix('dtr');
  let api: TestApi;
  let w: StocktakingWorld;
  let worker: RunningProcess | undefined;
  let member: TestUser;
  let published: any;

  beforeAll(async () => {
    api = await startTestApi({ ...POSTING_ENV, REDIS_PREFIX: prefix });
    w = await buildStocktakingWorld(api);
    member = w.people[Object.keys(w.people).find((k) => w.people[k].id !== w.moderator.id)!];
    const draft = expectStatus(
      await w.moderator.client.post(`/spaces/${w.spaces[1]}/digests`, {
        periodStart: w.periodStart,
        periodEnd: w.periodEnd,
      }),
      201,
      'draft',
    ).body;
    // the moderator rewords a point: their wording is what gets translated
    const keyPoints = draft.keyPoints.map((k: any, i: number) => ({
      id: k.id,
      text: i === 0 ? 'Families need early warnings of floods and safe places to go.' : k.text,
      priority: i === 0,
    }));
    expectStatus(await w.moderator.client.patch(`/digests/${draft.id}`, { keyPoints }), 200, 'edit');
    published = expectStatus(await w.moderator.client.post(`/digests/${draft.id}/publish`), 200, 'publish').body;
  }, 120_000);

  afterAll(async () => {
    await worker?.stop();
    await api?.close();
  });

  const read = async (id: string, lang?: string) =>
    expectStatus(await member.client.get(`/digests/${id}${lang ? `?lang=${lang}` : ''}`), 200, `read ${lang ?? ''}`)
      .body;

  it('in its own language the digest reads as the moderators wrote it, and says it is written in English', async () => {
    expect(published.language).toBe('en');
    expect(published.keyPoints.length).toBeGreaterThan(1);
    for (const lang of [undefined, 'en']) {
      const d = await read(published.id, lang);
      expect(d.readerTranslation).toBeNull();
      expect(d.keyPoints.map((k: any) => k.text)).toEqual(published.keyPoints.map((k: any) => k.text));
      expect(d.keyPoints.every((k: any) => k.machineTranslated === false && k.language === 'en')).toBe(true);
      // the theme analysis' own translation field is still there
      expect(d).toHaveProperty('translation');
    }
    expectErrorShape(await member.client.get(`/digests/${published.id}?lang=de`), 400);
  });

  it('before the worker has translated it, French readers are told the translation is pending and get the original wording', async () => {
    const d = await read(published.id, 'fr');
    expect(d.readerTranslation).toEqual({ status: 'pending', provider: null, language: 'fr' });
    expect(d.keyPoints.map((k: any) => k.text)).toEqual(published.keyPoints.map((k: any) => k.text));
    expect(d.keyPoints.some((k: any) => k.machineTranslated)).toBe(false);
  });

  it('once the worker has translated it, French and Spanish readers get the key points in their language, marked as machine translations', async () => {
    worker = await startWorker({ REDIS_PREFIX: prefix });
    for (const lang of ['fr', 'es'] as const) {
      const d = await eventually(
        async () => {
          const body = await read(published.id, lang);
          return body.readerTranslation?.status !== 'pending' ? body : undefined;
        },
        90_000,
        `the ${lang} translation of the digest`,
      );
      expect(d.readerTranslation).toEqual({ status: 'done', provider: 'apertium', language: lang });
      expect(d.keyPoints).toHaveLength(published.keyPoints.length);
      d.keyPoints.forEach((k: any, i: number) => {
        const original = published.keyPoints[i];
        expect(k).toMatchObject({
          id: original.id,
          priority: original.priority,
          sources: original.sources,
          language: lang,
        });
        // every point written in another language is translated
        if (original.language !== lang) expect(k.machineTranslated).toBe(true);
      });
      // the moderator's own wording, in the reader's language
      const first = d.keyPoints[0].text;
      expect(first).toMatch(lang === 'fr' ? /\b(familles|inondations)\b/i : /\b(familias|inundaciones)\b/i);
      // figures and themes are the same whatever the language
      expect(d.figures).toEqual(published.figures);
      expect(d.themes).toEqual(published.themes);
    }
  }, 120_000);

  it('publishing again changes nothing and asks for nothing new', async () => {
    const again = expectStatus(
      await w.moderator.client.post(`/digests/${published.id}/publish`),
      200,
      'publish again',
    ).body;
    expect(again.publishedVersion).toBe(published.publishedVersion);
    expect((await read(published.id, 'fr')).readerTranslation.status).toBe('done');
  });

  it('a translation the engine cannot make is said to have failed, and the key points stay as written', async () => {
    await worker?.stop();
    const provider = await refusingProvider();
    try {
      worker = await startWorker({
        REDIS_PREFIX: prefix,
        TRANSLATION_PROVIDER: 'libretranslate',
        LIBRETRANSLATE_URL: provider.url,
      });
      const draft = expectStatus(
        await w.moderator.client.post(`/spaces/${w.spaces[2]}/digests`, {
          periodStart: w.periodStart,
          periodEnd: w.periodEnd,
        }),
        201,
        'draft 2',
      ).body;
      const second = expectStatus(await w.moderator.client.post(`/digests/${draft.id}/publish`), 200, 'publish 2').body;
      const d = await eventually(
        async () => {
          const body = await read(second.id, 'es');
          return body.readerTranslation?.status !== 'pending' ? body : undefined;
        },
        60_000,
        'the Spanish translation to end',
      );
      expect(d.readerTranslation).toEqual({ status: 'failed', provider: 'libretranslate', language: 'es' });
      expect(d.keyPoints.map((k: any) => k.text)).toEqual(second.keyPoints.map((k: any) => k.text));
      expect(d.keyPoints.some((k: any) => k.machineTranslated)).toBe(false);
      expect(provider.requests()).toBeGreaterThan(0);
    } finally {
      await worker?.stop();
      worker = undefined;
      await provider.stop();
    }
  }, 150_000);
});
