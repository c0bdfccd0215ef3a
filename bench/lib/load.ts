/**
 * The load that the contributions and stack benchmarks put on a running api: authors in
 * spaces, posting with autocannon, readers of cached and uncached pages, and live
 * listeners. Every figure counts successes only and is timed from the user's request.
 */
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { cpuSeconds, json, percentile, Proc, rssMb, sleep } from '../support';
import { epochNow, ListenOrder, Receipts } from './listeners';

export const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
export const ADMIN = { email: 'bench-organiser@example.org', password: 'bench-organiser-pass-1' };

/** What the benchmarks change in the api's settings: posting limits off (64 authors post flat out). */
export const BENCH_API_ENV = {
  POSTS_PER_MINUTE: '100000000',
  POST_MIN_INTERVAL_MS: '0',
  DUPLICATE_POST_WINDOW_SECONDS: '0',
  ADMIN_EMAIL: ADMIN.email,
  ADMIN_PASSWORD: ADMIN.password,
};

/** Sentences of the kind participants write, per language; bodies are drawn from them. */
const SENTENCES = {
  en: [
    'Cities that receive newcomers need funding they can plan with.',
    'Recognising diplomas earned abroad would fill jobs that stay empty today.',
    'Young people should sit at the table when the policies that shape their future are drafted.',
    'Remittances cost too much to send, and the fees fall on the poorest families.',
    'Data on arrivals is collected by five agencies that never compare their figures.',
    'Farm workers on seasonal contracts rarely know which rights they have.',
    'Health clinics near the border lack interpreters and trained staff.',
    'Rising seas and failed harvests already push families to leave their villages.',
  ],
  fr: [
    'Les villes qui accueillent des nouveaux arrivants ont besoin de financements prévisibles.',
    'La reconnaissance des diplômes obtenus à l’étranger pourvoirait des emplois vacants.',
    'Les jeunes devraient participer à la rédaction des politiques qui façonnent leur avenir.',
    'Les envois de fonds coûtent trop cher et les frais pèsent sur les familles les plus pauvres.',
    'Les données sur les arrivées sont recueillies par cinq agences qui ne les comparent jamais.',
    'Les travailleurs agricoles saisonniers connaissent rarement leurs droits.',
    'Les centres de santé proches de la frontière manquent d’interprètes et de personnel formé.',
    'La montée des eaux et les mauvaises récoltes poussent déjà des familles à quitter leurs villages.',
  ],
  es: [
    'Las ciudades que reciben a personas recién llegadas necesitan una financiación previsible.',
    'Reconocer los títulos obtenidos en el extranjero permitiría cubrir puestos vacantes.',
    'Los jóvenes deberían participar en la redacción de las políticas que definen su futuro.',
    'Enviar remesas cuesta demasiado y las comisiones recaen sobre las familias más pobres.',
    'Cinco organismos recogen datos sobre las llegadas y nunca comparan sus cifras.',
    'Los trabajadores agrícolas de temporada rara vez conocen sus derechos.',
    'Los centros de salud cerca de la frontera carecen de intérpretes y de personal capacitado.',
    'La subida del mar y las malas cosechas ya empujan a familias a dejar sus pueblos.',
  ],
} as const;
type Lang = keyof typeof SENTENCES;
const LANGS: Lang[] = ['en', 'fr', 'es'];

let drawn = 0;
/** A body of four to six sentences in one language, different from the ones before it (~450–650 characters). */
export function varied(): { body: string; language: Lang } {
  const n = drawn++;
  const language = LANGS[n % 3];
  const pool = SENTENCES[language];
  const count = 4 + (n % 3);
  const picked = Array.from({ length: count }, (_, i) => pool[(n * 7 + i * 3) % pool.length]);
  return { body: `${picked.join(' ')} (${n})`, language };
}

export const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

export interface Fixture {
  token: string;
  consultationId: string;
  spaces: string[];
  authors: string[];
}

export async function setup(api: Proc, spaces: number, authors: number): Promise<Fixture> {
  const { accessToken: token } = await json(`${api.url}/api/v1/auth/login`, 'POST', ADMIN);
  const c = await json(`${api.url}/api/v1/consultations`, 'POST', { title: { en: 'Bench' }, timezone: 'UTC' }, token);
  const rt = await json(
    `${api.url}/api/v1/consultations/${c.id}/roundtables`,
    'POST',
    { number: 1, title: { en: 'Bench' } },
    token,
  );
  const spaceIds: string[] = [];
  for (let i = 1; i <= spaces; i++) {
    const s = await json(
      `${api.url}/api/v1/roundtables/${rt.id}/spaces`,
      'POST',
      { number: i, prompt: { en: `Question ${i}?` }, moderation: 'post' },
      token,
    );
    spaceIds.push(s.id);
  }
  const tokens: string[] = [];
  const run = randomBytes(4).toString('hex');
  await Promise.all(
    Array.from({ length: authors }, async (_, i) => {
      const reg = await json(`${api.url}/api/v1/auth/register`, 'POST', {
        email: `bench-${run}-${i}@example.org`,
        password: 'bench-password-1',
        displayName: `Author ${i}`,
        organisation: 'Bench Org',
        constituency: 'civil_society',
        country: 'CH',
        preferredLanguage: LANGS[i % 3],
      });
      for (const s of spaceIds) await json(`${api.url}/api/v1/spaces/${s}/members`, 'POST', {}, reg.accessToken);
      tokens[i] = reg.accessToken;
    }),
  );
  // one post first: a stack that refuses the authors must stop the bench, not print 0 posts/s
  await json(
    `${api.url}/api/v1/spaces/${spaceIds[0]}/contributions`,
    'POST',
    { body: 'The bench authors may post.' },
    tokens[0],
  );
  return { token, consultationId: c.id, spaces: spaceIds, authors: tokens };
}

/** Successful answers per second: refusals and errors are not throughput. */
export function okPerSecond(r: autocannon.Result): number {
  return Math.round(r['2xx'] / r.duration);
}

export function cannon(opts: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(opts, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

export interface LoadRow {
  label: string;
  perSecond: number;
  p50: number;
  p99: number;
  failed: number;
}

/** Counts the words of every body posted, for the translation throughput. */
export const postedWords = { total: 0 };

async function posting(api: Proc, fx: Fixture, connections: number, manySpaces: boolean): Promise<autocannon.Result> {
  let next = 0;
  return cannon({
    url: api.url,
    connections,
    duration: DURATION,
    requests: [
      {
        method: 'POST',
        setupRequest: (req: any, context: any) => {
          if (context.author === undefined) {
            context.author = next % fx.authors.length;
            context.space = manySpaces ? fx.spaces[next % fx.spaces.length] : fx.spaces[0];
            next += 1;
          }
          const post = varied();
          postedWords.total += words(post.body);
          return {
            ...req,
            path: `/api/v1/spaces/${context.space}/contributions`,
            headers: { 'content-type': 'application/json', authorization: `Bearer ${fx.authors[context.author]}` },
            body: JSON.stringify(post),
          };
        },
      },
    ],
  });
}

export const POSTING_LOADS = [
  ['1 author, one space', 1, false],
  ['16 authors, one space', 16, false],
  ['64 authors, one space', 64, false],
  ['64 authors, 64 spaces', 64, true],
] as const;

/** Posts/s (201s only), p50/p99 and failures for each of {@link POSTING_LOADS}. */
export async function postingRows(api: Proc, fx: Fixture): Promise<LoadRow[]> {
  const rows: LoadRow[] = [];
  for (const [label, connections, many] of POSTING_LOADS) {
    const r = await posting(api, fx, connections, many);
    rows.push({
      label,
      perSecond: okPerSecond(r),
      p50: r.latency.p50,
      p99: r.latency.p99,
      failed: r.non2xx + r.errors + r.timeouts,
    });
  }
  return rows;
}

/**
 * Posts at a steady rate from one author per request slot; `onPosted` gets each 201's id
 * and the moment its request was sent. Returns the refusals and a stop function.
 */
export function steadyPoster(
  api: Proc,
  fx: Fixture,
  perSecond: number,
  onPosted: (id: string, sentAt: number) => void,
) {
  let stopped = false;
  let i = 0;
  const errors: number[] = [];
  const timer = setInterval(() => {
    if (stopped) return;
    const token = fx.authors[i++ % fx.authors.length];
    const sentAt = epochNow();
    const post = varied();
    postedWords.total += words(post.body);
    fetch(`${api.url}/api/v1/spaces/${fx.spaces[0]}/contributions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(post),
    })
      .then(async (res) => {
        const body = (await res.json()) as { id: string };
        if (res.status === 201) onPosted(body.id, sentAt);
        else errors.push(res.status);
      })
      .catch(() => errors.push(0));
  }, 1000 / perSecond);
  return {
    errors,
    stop: () => {
      stopped = true;
      clearInterval(timer);
    },
  };
}

export interface FanOutResult {
  listeners: number;
  posts: number;
  deliveries: number;
  p50: number;
  p99: number;
  missing: number;
  postErrors: number;
  peakRss: number;
  /** Cores the listeners' process used while the posts arrived (it shares the machine with the stack). */
  listenerCores: number;
}

/**
 * 200 listeners in one space while ~100 posts/s arrive; latency from the moment each POST
 * was sent. The listeners run in a process of their own ({@link ListenOrder}); what they
 * take of the machine's CPU is reported beside the figure.
 */
export async function fanOut(api: Proc, fx: Fixture): Promise<FanOutResult> {
  const listeners = 200;
  const child = fork(join(__dirname, 'listeners.js'), { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const exited = once(child, 'exit').then(([code]) => Promise.reject(new Error(`the listeners exited with ${code}`)));
  exited.catch(() => undefined);
  const order: ListenOrder = { url: api.url, tokens: fx.authors, spaceId: fx.spaces[0], count: listeners };
  child.send(order);
  await Promise.race([once(child, 'message'), exited]);
  const posted = new Map<string, number>();
  let peakRss = 0;
  const cpuBefore = cpuSeconds(child.pid!);
  const poster = steadyPoster(api, fx, 100, (id, at) => posted.set(id, at));
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssMb(api.pid))), 500);
  await sleep(DURATION * 1000);
  poster.stop();
  await sleep(2000);
  clearInterval(sampler);
  const listenerCores = (cpuSeconds(child.pid!) - cpuBefore) / (DURATION + 2);
  child.send('report');
  const [{ receipts }] = (await Promise.race([once(child, 'message'), exited])) as [{ receipts: Receipts }];
  child.kill();
  const latencies: number[] = [];
  let missing = 0;
  for (const [id, at] of posted) {
    const got = receipts[id] ?? [];
    missing += listeners - got.length;
    for (const t of got) latencies.push(t - at);
  }
  latencies.sort((a, b) => a - b);
  return {
    listeners,
    posts: posted.size,
    deliveries: latencies.length,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    missing,
    postErrors: poster.errors.length,
    peakRss,
    listenerCores,
  };
}

/** The cursors of up to `pages` pages of a space in the given order, walked as a reader would ('' is the first page). */
async function cursorsOf(
  api: Proc,
  token: string,
  spaceId: string,
  sort: 'oldest' | 'newest',
  pages: number,
): Promise<string[]> {
  const cursors = [''];
  while (cursors.length < pages) {
    const after = cursors[cursors.length - 1];
    const page = await json(
      `${api.url}/api/v1/spaces/${spaceId}/contributions?limit=50&sort=${sort}${after ? `&cursor=${encodeURIComponent(after)}` : ''}`,
      'GET',
      undefined,
      token,
    );
    if (!page.nextCursor) break;
    cursors.push(page.nextCursor);
  }
  return cursors;
}

/**
 * Listing paths that are each asked once: every cursor with page sizes 40–60 and the four
 * `lang` choices, shuffled, so that no request is answered from the listing cache.
 */
function distinctPaths(pages: Array<{ spaceId: string; sort: string; cursor: string }>): string[] {
  const paths: string[] = [];
  for (const { spaceId, sort, cursor } of pages) {
    for (let limit = 40; limit <= 60; limit++) {
      for (const lang of ['', 'en', 'fr', 'es']) {
        const query = [
          `limit=${limit}`,
          `sort=${sort}`,
          cursor && `cursor=${encodeURIComponent(cursor)}`,
          lang && `lang=${lang}`,
        ].filter(Boolean);
        paths.push(`/api/v1/spaces/${spaceId}/contributions?${query.join('&')}`);
      }
    }
  }
  for (let i = paths.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [paths[i], paths[j]] = [paths[j], paths[i]];
  }
  return paths;
}

/** What a browser (and Node's fetch) sends: pages then come gzipped. */
const BROWSER_ENCODINGS = 'gzip, deflate, br';

/** 32 readers for DURATION seconds over the set's paths in turn; says how many distinct pages were asked. */

async function readPaths(api: Proc, token: string, set: PageSet) {
  let next = 0;
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (set.compressed) headers['accept-encoding'] = BROWSER_ENCODINGS;
  const result = await cannon({
    url: api.url,
    connections: 32,
    duration: DURATION,
    requests: [
      {
        method: 'GET',
        setupRequest: (req: any) => ({ ...req, path: set.paths[next++ % set.paths.length], headers }),
      },
    ],
  });
  return { result, distinct: Math.min(next, set.paths.length), repeated: next > set.paths.length };
}

/** Pages readers ask for, and whether they accept gzip as browsers do. */
export interface PageSet {
  label: string;
  paths: string[];
  compressed: boolean;
}

export interface ReadRow extends LoadRow {
  kbPerPage: number;
  distinct: string;
  peakRss: number;
}

/**
 * The page sets readers ask for: one cached first page (as browsers ask, and without
 * compression), and uncached pages of one space and of all.
 */
export async function pageSets(api: Proc, fx: Fixture): Promise<PageSet[]> {
  const reader = fx.authors[0];
  const oldest = await cursorsOf(api, reader, fx.spaces[0], 'oldest', 200);
  const newest = (
    await Promise.all(
      fx.spaces.map(async (spaceId) =>
        (await cursorsOf(api, reader, spaceId, 'newest', 4)).map((cursor) => ({ spaceId, sort: 'newest', cursor })),
      ),
    )
  ).flat();
  const first = [`/api/v1/spaces/${fx.spaces[0]}/contributions?limit=50`];
  return [
    { label: 'first page of 50, one space (listing cache), gzip', paths: first, compressed: true },
    { label: 'first page of 50, one space (listing cache), not compressed', paths: first, compressed: false },
    {
      label: `${oldest.length} pages of one space, oldest first, each asked once, gzip`,
      paths: distinctPaths(oldest.map((cursor) => ({ spaceId: fx.spaces[0], sort: 'oldest', cursor }))),
      compressed: true,
    },
    {
      label: `${newest.length} pages of ${fx.spaces.length} spaces, newest first, each asked once, gzip`,
      paths: distinctPaths(newest),
      compressed: true,
    },
  ];
}

/** 32 readers on each page set; with `posting`, while ~100 posts/s arrive. */
export async function readingRows(api: Proc, fx: Fixture, sets: PageSet[], posting: boolean): Promise<ReadRow[]> {
  const rows: ReadRow[] = [];
  for (const set of sets) {
    let peakRss = rssMb(api.pid);
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssMb(api.pid))), 500);
    const poster = posting ? steadyPoster(api, fx, 100, () => undefined) : null;
    const { result: r, distinct, repeated } = await readPaths(api, fx.authors[0], set);
    poster?.stop();
    clearInterval(sampler);
    rows.push({
      label: set.label,
      perSecond: okPerSecond(r),
      p50: r.latency.p50,
      p99: r.latency.p99,
      failed: r.non2xx + r.errors + r.timeouts,
      kbPerPage: r['2xx'] ? Math.round(r.throughput.total / r['2xx'] / 1024) : 0,
      distinct: set.paths.length > 1 ? `${distinct}${repeated ? ' (then repeated)' : ''}` : '1',
      peakRss,
    });
  }
  return rows;
}
