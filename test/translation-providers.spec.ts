import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { eventually, TestUser } from './support/test-api';
import { expectStatus } from './support/world';
import { RunningProcess } from './support/processes';
import { spaceWithMember, TranslationStack } from './translation-stack';

interface Seen {
  at: number;
  path: string;
  headers: IncomingMessage['headers'];
  body: any;
}

/** What the fake answers: a status and body, or null to never answer (a provider that hangs). */
type Behaviour = (req: Seen, attempt: number) => { status: number; body: unknown } | null;

/**
 * A local HTTP server that speaks LibreTranslate's (`POST /translate`) and DeepL's
 * (`POST /v2/translate`) request and response shapes. Its "translation" tags each text
 * with the target language and leaves the markup (kept parts) alone, as both do.
 */
class FakeProvider {
  readonly seen: Seen[] = [];
  behaviour: Behaviour = () => null;
  private server?: Server;
  private readonly hanging: ServerResponse[] = [];

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      let raw = '';
      req.on('data', (c) => (raw += c));
      req.on('end', () => {
        const seen: Seen = { at: Date.now(), path: req.url ?? '', headers: req.headers, body: JSON.parse(raw || '{}') };
        this.seen.push(seen);
        const key = JSON.stringify(seen.body.q ?? seen.body.text);
        const attempt = this.seen.filter(
          (s) =>
            JSON.stringify(s.body.q ?? s.body.text) === key &&
            s.body.target === seen.body.target &&
            s.body.target_lang === seen.body.target_lang,
        ).length;
        const answer = this.behaviour(seen, attempt);
        if (!answer) {
          this.hanging.push(res);
          return;
        }
        res.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  /** LibreTranslate's success: `{ translatedText: [...] }`. */
  static libre(seen: Seen): { status: number; body: unknown } {
    const q: string[] = Array.isArray(seen.body.q) ? seen.body.q : [seen.body.q];
    return { status: 200, body: { translatedText: q.map((t) => `(${seen.body.target}) ${t}`) } };
  }

  /** DeepL's success: `{ translations: [{ detected_source_language, text }] }`. */
  static deepl(seen: Seen): { status: number; body: unknown } {
    return {
      status: 200,
      body: {
        translations: (seen.body.text as string[]).map((t) => ({
          detected_source_language: seen.body.source_lang,
          text: `(${seen.body.target_lang}) ${t}`,
        })),
      },
    };
  }

  requestsFor(marker: string, target: string): Seen[] {
    return this.seen.filter(
      (s) =>
        JSON.stringify(s.body).includes(marker) &&
        (s.body.target === target || String(s.body.target_lang).toLowerCase().startsWith(target)),
    );
  }

  async stop(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

/**
 * Acceptance 5 of translation, against HTTP providers: a provider that answers 500 or
 * times out is retried with exponential backoff until it answers; one that answers 400
 * for a pair is not retried, the translation is marked failed and the contribution stays
 * published. Also checks the request shapes of LibreTranslate and DeepL.
 */
describe('translation providers over HTTP: retries, backoff and permanent failures', () => {
  const fake = new FakeProvider();
  const stack = new TranslationStack('trprov');
  let member: TestUser;
  let spaceId: string;
  let worker: RunningProcess | undefined;
  let fakeUrl: string;

  beforeAll(async () => {
    fakeUrl = await fake.start();
    await stack.start();
    ({ member, spaceId } = await spaceWithMember(stack.api!));
    worker = await stack.worker({
      TRANSLATION_PROVIDER: 'libretranslate',
      LIBRETRANSLATE_URL: fakeUrl,
      LIBRETRANSLATE_API_KEY: 'lt-key',
      TRANSLATION_TIMEOUT_MS: '1000',
    });
  }, 120_000);
  afterAll(async () => {
    await stack.stop();
    await fake.stop();
  });

  const post = async (body: string) =>
    expectStatus(await member.client.post(`/spaces/${spaceId}/contributions`, { body, language: 'en' }), 201, 'post')
      .body;
  const translationOf = (id: string, lang: string, status: string) =>
    eventually(
      async () => {
        const c = (await member.client.get(`/contributions/${id}`)).body;
        return c.translations?.[lang]?.status === status ? c : undefined;
      },
      40_000,
      `${lang} translation to be ${status}`,
    );

  it('retries a provider that answers 500, with exponential backoff, until it translates (only what is left)', async () => {
    fake.behaviour = (seen, attempt) =>
      JSON.stringify(seen.body).includes('balmy-retry') && seen.body.target === 'es' && attempt <= 2
        ? { status: 500, body: { error: 'worker crashed' } }
        : FakeProvider.libre(seen);
    const posted = await post('The weather is balmy-retry this week in the valley.');
    const c = await translationOf(posted.id, 'es', 'done');
    expect(c.translations.es).toEqual({
      text: '(es) The weather is balmy-retry this week in the valley.',
      status: 'done',
      provider: 'libretranslate',
      machine: true,
      sourceVersion: 1,
    });
    const tries = fake.requestsFor('balmy-retry', 'es');
    expect(tries).toHaveLength(3);
    expect(tries[0].body).toMatchObject({ source: 'en', target: 'es', format: 'html', api_key: 'lt-key' });
    const gaps = [tries[1].at - tries[0].at, tries[2].at - tries[1].at];
    expect(gaps[0]).toBeGreaterThanOrEqual(900);
    expect(gaps[1]).toBeGreaterThanOrEqual(1800);
    // French and Spanish share a job: its retries asked only for the Spanish it still lacked
    expect((await translationOf(posted.id, 'fr', 'done')).translations.fr.text).toBe(
      '(fr) The weather is balmy-retry this week in the valley.',
    );
    expect(fake.requestsFor('balmy-retry', 'fr')).toHaveLength(1);
  });

  it('retries a provider that does not answer in time', async () => {
    fake.behaviour = (seen, attempt) =>
      JSON.stringify(seen.body).includes('slow-provider') && attempt === 1 ? null : FakeProvider.libre(seen);
    const posted = await post('Send the slow-provider report before the meeting.');
    const c = await translationOf(posted.id, 'fr', 'done');
    expect(c.translations.fr.text).toBe('(fr) Send the slow-provider report before the meeting.');
    expect(fake.requestsFor('slow-provider', 'fr').length).toBeGreaterThanOrEqual(2);
  });

  it('does not retry a 400 for a pair: the translation is failed, the contribution stays published', async () => {
    fake.behaviour = (seen) =>
      seen.body.target === 'es'
        ? { status: 400, body: { error: 'es is not available as a target language' } }
        : FakeProvider.libre(seen);
    const posted = await post('Keep the https://example.org/a link and the no-spanish marker.');
    const c = await translationOf(posted.id, 'es', 'failed');
    expect(c.status).toBe('published');
    expect(c.translations.es).toEqual({
      text: null,
      status: 'failed',
      provider: 'libretranslate',
      machine: true,
      sourceVersion: 1,
    });
    // the kept URL travelled as untranslatable markup and came back as it was
    const fr = (await translationOf(posted.id, 'fr', 'done')).translations.fr.text;
    expect(fr).toBe('(fr) Keep the https://example.org/a link and the no-spanish marker.');
    expect(JSON.stringify(fake.requestsFor('no-spanish', 'fr')[0].body.q)).toContain(
      '<span translate=\\"no\\">https://example.org/a</span>',
    );
    const job = await stack.translationsQueue().getJob(`tr-${posted.id}-1-es-fr`);
    expect(await job!.getState()).toBe('failed');
    expect(job!.attemptsMade).toBe(1);
    expect(fake.requestsFor('no-spanish', 'es')).toHaveLength(1);
    expect(job!.failedReason).toMatch(/400/);
  });

  it('speaks DeepL: its key in the header, its language codes, kept parts in an ignored tag', async () => {
    await worker!.stop();
    fake.behaviour = (seen) =>
      seen.headers.authorization === 'DeepL-Auth-Key dl-key'
        ? FakeProvider.deepl(seen)
        : { status: 403, body: { message: 'Wrong key' } };
    worker = await stack.worker({ TRANSLATION_PROVIDER: 'deepl', DEEPL_URL: fakeUrl, DEEPL_API_KEY: 'dl-key' });
    const posted = await post('Read the deepl-marker notes at https://example.org/notes today.');
    const c = await translationOf(posted.id, 'fr', 'done');
    expect(c.translations.fr).toEqual({
      text: '(FR) Read the deepl-marker notes at https://example.org/notes today.',
      status: 'done',
      provider: 'deepl',
      machine: true,
      sourceVersion: 1,
    });
    const request = fake.requestsFor('deepl-marker', 'fr')[0];
    expect(request.path).toBe('/v2/translate');
    expect(request.body).toMatchObject({
      source_lang: 'EN',
      target_lang: 'FR',
      tag_handling: 'xml',
      ignore_tags: ['x'],
    });
    expect(request.body.text[0]).toContain('<x>https://example.org/notes</x>');
    expect((await translationOf(posted.id, 'es', 'done')).translations.es.text).toMatch(/^\(ES\) /);
  }, 120_000);
});
