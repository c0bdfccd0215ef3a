import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { Client as Pg } from 'pg';
import { TranslationEngine } from '@roundtable/translation';
import { PEOPLE } from './fixtures/stocktaking-roundtable';
import { RunningProcess, startWorker, uniquePrefix } from './support/processes';
import { buildStocktakingWorld, POSTING_ENV, StocktakingWorld } from './support/stocktaking-world';
import { eventually, startTestApi, TestApi, TestUser } from './support/test-api';
import { expectErrorShape, expectStatus, messageOf } from './support/world';

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

/** A theme without what a reader's language adds to it. */
const asWritten = ({ translatedLabel: _, ...theme }: any) => theme;

/**
 * Members read a published moderator digest in their language: publishing queues the
 * translation of its key points and theme labels into the other languages, a compiled
 * worker makes them with the translation engine (Apertium), and `GET /digests/:id?lang=`
 * and `GET /spaces/:id/digests?lang=` give them marked as machine translations; until then
 * it says pending, and a failure is said as such.
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
  const list = async (spaceId: string, lang?: string) =>
    expectStatus(
      await member.client.get(`/spaces/${spaceId}/digests${lang ? `?lang=${lang}` : ''}`),
      200,
      `list ${lang ?? ''}`,
    ).body.items as any[];
  /** What the platform's translation engine (the api's own: same provider, glossary and memory as the worker's) makes of `text`. */
  const engineSays = (text: string, from: 'en' | 'fr' | 'es', to: 'en' | 'fr' | 'es') =>
    api.app.get(TranslationEngine, { strict: false }).translate(text, from, to);

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
      // theme labels as written, in the language they were found in
      expect(d.themes.length).toBeGreaterThan(0);
      expect(d.themes.every((t: any) => t.labelLanguage === 'en' && !('translatedLabel' in t))).toBe(true);
    }
    expectErrorShape(await member.client.get(`/digests/${published.id}?lang=de`), 400);
  });

  it('before the worker has translated it, French readers are told the translation is pending and get the original wording', async () => {
    const d = await read(published.id, 'fr');
    expect(d.readerTranslation).toEqual({ status: 'pending', provider: null, language: 'fr' });
    expect(d.keyPoints.map((k: any) => k.text)).toEqual(published.keyPoints.map((k: any) => k.text));
    expect(d.keyPoints.some((k: any) => k.machineTranslated)).toBe(false);
    expect(d.themes.some((t: any) => 'translatedLabel' in t)).toBe(false);
    // the list says the same
    const listed = (await list(w.spaces[1], 'fr')).find((i) => i.id === published.id);
    expect(listed.readerTranslation).toEqual({ status: 'pending', provider: null, language: 'fr' });
    expect(listed.themes.some((t: any) => 'translatedLabel' in t)).toBe(false);
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
      // a point drafted from a theme and left as drafted is worded in the reader's language: the
      // theme's name as translated, then who raised it in how many contributions, not the
      // English point machine-translated whole
      const drafted = published.keyPoints.filter((k: any) => k.origin === 'generated' && !k.edited && k.themeKey);
      expect(drafted.length).toBeGreaterThan(0);
      for (const original of drafted) {
        const point = d.keyPoints.find((k: any) => k.id === original.id).text as string;
        const theme = d.themes.find((t: any) => t.key === original.themeKey);
        const name = (theme.translatedLabel ?? theme.label) as string;
        expect(point.startsWith(`${name[0].toUpperCase()}${name.slice(1)}${lang === 'fr' ? '\u00a0:' : ':'}`)).toBe(
          true,
        );
        const n = theme.contributionIds.length;
        expect(point).toMatch(
          lang === 'fr'
            ? new RegExp(` Soulevé par .+ dans ${n} contributions?\\.$`)
            : new RegExp(` Planteado por .+ en ${n} contribuci(ón|ones)\\.$`),
        );
        expect(point).not.toMatch(/Raised by/);
      }
      // figures and themes are the same whatever the language; only the labels are translated
      expect(d.figures).toEqual(published.figures);
      expect(d.themes.map(asWritten)).toEqual(published.themes);
    }
  }, 120_000);

  it('French and Spanish readers get each theme label as the translation engine makes it, beside the label as written', async () => {
    const labels: Record<string, string[]> = {};
    for (const lang of ['fr', 'es'] as const) {
      const d = await read(published.id, lang);
      expect(d.readerTranslation.status).toBe('done');
      expect(d.themes.length).toBeGreaterThan(0);
      labels[lang] = [];
      for (const [i, theme] of d.themes.entries()) {
        const written = published.themes[i];
        expect(theme.label).toBe(written.label);
        expect(theme.translatedLabel).toBe(await engineSays(written.label, written.labelLanguage, lang));
        labels[lang].push(theme.translatedLabel);
      }
      // the engine did translate: most labels read differently from the English
      const changed = d.themes.filter((t: any) => t.translatedLabel.toLowerCase() !== t.label.toLowerCase());
      expect(changed.length).toBeGreaterThan(d.themes.length / 2);
    }
    expect(labels.fr).not.toEqual(labels.es);
  });

  it('the list of the space’s digests with `lang` gives each published digest as reading it alone does', async () => {
    for (const lang of ['fr', 'es'] as const) {
      const items = await list(w.spaces[1], lang);
      const listed = items.find((i) => i.id === published.id);
      expect(listed).toEqual(await read(published.id, lang));
      expect(listed.themes.every((t: any) => typeof t.translatedLabel === 'string')).toBe(true);
      expect(listed.keyPoints.every((k: any) => k.machineTranslated && k.language === lang)).toBe(true);
    }
    // without `lang`, or in the digest's own language: as written
    for (const lang of [undefined, 'en']) {
      const listed = (await list(w.spaces[1], lang)).find((i) => i.id === published.id);
      expect(listed.readerTranslation).toBeNull();
      expect(listed.themes).toEqual(published.themes);
      expect(listed.keyPoints.map((k: any) => k.text)).toEqual(published.keyPoints.map((k: any) => k.text));
    }
  });

  it('a language the platform does not offer gets a 400 naming `lang`, in the reader’s language', async () => {
    const spanishReader =
      w.people[PEOPLE.find((p) => p.language === 'es' && w.people[p.key].id !== w.moderator.id)!.key];
    for (const path of [`/spaces/${w.spaces[1]}/digests?lang=de`, `/digests/${published.id}?lang=de`]) {
      const english = await member.client.request('GET', path, undefined, { 'accept-language': 'en' });
      expectErrorShape(english, 400);
      expect(messageOf(english)).toMatch(/lang must be one of: en, fr, es/);
      const french = await member.client.request('GET', path, undefined, { 'accept-language': 'fr' });
      expectErrorShape(french, 400);
      expect(messageOf(french)).toMatch(/lang doit être l’une de ces valeurs : en, fr, es/);
      // no header: the language the account prefers
      const spanish = await spanishReader.client.get(path);
      expectErrorShape(spanish, 400);
      expect(messageOf(spanish)).toMatch(/lang debe ser uno de estos valores: en, fr, es/);
    }
  });

  it('publishing again changes nothing and asks for nothing new', async () => {
    const again = expectStatus(
      await w.moderator.client.post(`/digests/${published.id}/publish`),
      200,
      'publish again',
    ).body;
    expect(again.publishedVersion).toBe(published.publishedVersion);
    expect((await read(published.id, 'fr')).readerTranslation.status).toBe('done');
  });

  it('a digest translated before theme labels were still reads, its key points translated and its labels as written', async () => {
    const pg = new Pg({ connectionString: process.env.DATABASE_URL });
    await pg.connect();
    try {
      // what the migration leaves on the rows of digests translated before it
      const { rowCount } = await pg.query(
        `UPDATE moderator_digest_translations SET labels = NULL WHERE digest_id = $1 AND status = 'done'`,
        [published.id],
      );
      expect(rowCount).toBe(2);
    } finally {
      await pg.end();
    }
    for (const lang of ['fr', 'es'] as const) {
      const d = await read(published.id, lang);
      expect(d.readerTranslation).toEqual({ status: 'done', provider: 'apertium', language: lang });
      expect(d.keyPoints.every((k: any) => k.machineTranslated)).toBe(true);
      expect(d.themes).toEqual(published.themes);
      const listed = (await list(w.spaces[1], lang)).find((i) => i.id === published.id);
      expect(listed).toEqual(d);
    }
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
      expect(d.themes.some((t: any) => 'translatedLabel' in t)).toBe(false);
      expect(provider.requests()).toBeGreaterThan(0);
    } finally {
      await worker?.stop();
      worker = undefined;
      await provider.stop();
    }
  }, 150_000);
});
