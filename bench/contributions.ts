/**
 * `npm run bench -- contributions`: posting, reading and live fan-out figures for the
 * contributions endpoint, against the compiled api with real PostgreSQL and Redis.
 * Prints tables; it is not a test and asserts nothing.
 */
import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';
import { io, Socket } from 'socket.io-client';
import { json, percentile, Proc, rssMb, sleep, startProcess, table } from './support';

const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const BODY = 'A contribution of about the length our participants write. '.repeat(10).slice(0, 560);
const ADMIN = { email: 'bench-organiser@example.org', password: 'bench-organiser-pass-1' };

interface Fixture {
  token: string;
  spaces: string[];
  authors: string[];
}

async function setup(api: Proc, spaces: number, authors: number): Promise<Fixture> {
  const { accessToken: token } = await json(`${api.url}/api/v1/auth/login`, 'POST', ADMIN);
  const c = await json(`${api.url}/api/v1/consultations`, 'POST', { title: { en: 'Bench' }, timezone: 'UTC' }, token);
  const rt = await json(`${api.url}/api/v1/consultations/${c.id}/roundtables`, 'POST', { number: 1, title: { en: 'Bench' } }, token);
  const spaceIds: string[] = [];
  for (let i = 1; i <= spaces; i++) {
    const s = await json(`${api.url}/api/v1/roundtables/${rt.id}/spaces`, 'POST', { number: i, prompt: { en: `Question ${i}?` }, moderation: 'post' }, token);
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
        preferredLanguage: 'en',
      });
      for (const s of spaceIds) await json(`${api.url}/api/v1/spaces/${s}/members`, 'POST', {}, reg.accessToken);
      tokens[i] = reg.accessToken;
    }),
  );
  return { token, spaces: spaceIds, authors: tokens };
}

/** Successful answers per second: refusals and errors are not throughput. */
function okPerSecond(r: autocannon.Result): number {
  return Math.round(r['2xx'] / r.duration);
}

function cannon(opts: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(opts, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

async function posting(api: Proc, fx: Fixture, connections: number, manySpaces: boolean) {
  let next = 0;
  const result = await cannon({
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
          return {
            ...req,
            path: `/api/v1/spaces/${context.space}/contributions`,
            headers: { 'content-type': 'application/json', authorization: `Bearer ${fx.authors[context.author]}` },
            body: JSON.stringify({ body: BODY, language: 'en' }),
          };
        },
      },
    ],
  });
  return result;
}

async function postingTable(api: Proc, fx: Fixture) {
  const rows: Array<Array<string | number>> = [];
  for (const [label, connections, many] of [
    ['1 author, one space', 1, false],
    ['16 authors, one space', 16, false],
    ['64 authors, one space', 64, false],
    ['64 authors, 64 spaces', 64, true],
  ] as const) {
    const r = await posting(api, fx, connections, many);
    rows.push([label, okPerSecond(r), r.latency.p50, r.latency.p99, r.non2xx + r.errors + r.timeouts, rssMb(api.pid)]);
  }
  table(
    `Posting (POST /spaces/:id/contributions, ${BODY.length}-char bodies, ${DURATION} s each; posts/s counts 201s only)`,
    ['load', '2xx posts/s', 'p50 ms', 'p99 ms', 'non-2xx or failed', 'api RSS MB'],
    rows,
  );
}

/**
 * Posts at a steady rate from one author per request slot; `onPosted` gets each 201's id
 * and the moment its request was sent. Returns the refusals and a stop function.
 */
function steadyPoster(api: Proc, fx: Fixture, perSecond: number, onPosted: (id: string, sentAt: number) => void) {
  let stopped = false;
  let i = 0;
  const errors: number[] = [];
  const timer = setInterval(() => {
    if (stopped) return;
    const token = fx.authors[i++ % fx.authors.length];
    const sentAt = performance.now();
    fetch(`${api.url}/api/v1/spaces/${fx.spaces[0]}/contributions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ body: BODY, language: 'en' }),
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

async function fanOut(api: Proc, fx: Fixture) {
  const listeners = 200;
  const sockets: Socket[] = [];
  const receipts = new Map<string, number[]>();
  for (let i = 0; i < listeners; i++) {
    const socket = io(`${api.url}/live`, { auth: { token: fx.authors[i % fx.authors.length] }, transports: ['websocket'], forceNew: true });
    socket.on('event', (e: any) => {
      if (e.type !== 'contribution.published') return;
      const id = e.payload.contribution.id;
      const list = receipts.get(id) ?? [];
      list.push(performance.now());
      receipts.set(id, list);
    });
    sockets.push(socket);
  }
  await Promise.all(sockets.map((s) => new Promise((r) => (s.connected ? r(null) : s.once('connect', () => r(null))))));
  await Promise.all(sockets.map((s) => s.emitWithAck('space:join', { spaceId: fx.spaces[0] })));
  const posted = new Map<string, number>();
  let peakRss = 0;
  const poster = steadyPoster(api, fx, 100, (id, at) => posted.set(id, at));
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssMb(api.pid))), 500);
  await sleep(DURATION * 1000);
  poster.stop();
  await sleep(2000);
  clearInterval(sampler);
  const latencies: number[] = [];
  let missing = 0;
  for (const [id, at] of posted) {
    const got = receipts.get(id) ?? [];
    missing += listeners - got.length;
    for (const t of got) latencies.push(t - at);
  }
  latencies.sort((a, b) => a - b);
  sockets.forEach((s) => s.close());
  table(
    `Fan-out: ${listeners} listeners in one space, ~100 posts/s for ${DURATION} s (from the moment the POST was sent to receipt)`,
    ['posts', 'deliveries', 'p50 ms', 'p99 ms', 'missing', 'post errors', 'peak api RSS MB'],
    [[posted.size, latencies.length, percentile(latencies, 50).toFixed(1), percentile(latencies, 99).toFixed(1), missing, poster.errors.length, peakRss]],
  );
}

/** The cursors of up to `pages` pages of a space in the given order, walked as a reader would ('' is the first page). */
async function cursorsOf(api: Proc, token: string, spaceId: string, sort: 'oldest' | 'newest', pages: number): Promise<string[]> {
  const cursors = [''];
  while (cursors.length < pages) {
    const after = cursors[cursors.length - 1];
    const page = await json(`${api.url}/api/v1/spaces/${spaceId}/contributions?limit=50&sort=${sort}${after ? `&cursor=${encodeURIComponent(after)}` : ''}`, 'GET', undefined, token);
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
        const query = [`limit=${limit}`, `sort=${sort}`, cursor && `cursor=${encodeURIComponent(cursor)}`, lang && `lang=${lang}`].filter(Boolean);
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

/** 32 readers for DURATION seconds over `paths` in turn; says how many distinct pages were asked. */
async function readPaths(api: Proc, token: string, paths: string[]) {
  let next = 0;
  const result = await cannon({
    url: api.url,
    connections: 32,
    duration: DURATION,
    requests: [{ method: 'GET', setupRequest: (req: any) => ({ ...req, path: paths[next++ % paths.length], headers: { authorization: `Bearer ${token}` } }) }],
  });
  return { result, distinct: Math.min(next, paths.length), repeated: next > paths.length };
}

async function reading(api: Proc, fx: Fixture) {
  // a participant reads pages of contributions of ~560 characters each
  const reader = fx.authors[0];
  const oldest = await cursorsOf(api, reader, fx.spaces[0], 'oldest', 200);
  const newest = (await Promise.all(fx.spaces.map(async (spaceId) => (await cursorsOf(api, reader, spaceId, 'newest', 4)).map((cursor) => ({ spaceId, sort: 'newest', cursor }))))).flat();
  const loads = {
    'first page of 50, one space (listing cache)': [`/api/v1/spaces/${fx.spaces[0]}/contributions?limit=50`],
    [`${oldest.length} pages of one space, oldest first, each asked once`]: distinctPaths(oldest.map((cursor) => ({ spaceId: fx.spaces[0], sort: 'oldest', cursor }))),
    [`${newest.length} pages of ${fx.spaces.length} spaces, newest first, each asked once`]: distinctPaths(newest),
  };
  const rows: Array<Array<string | number>> = [];
  for (const busy of [false, true]) {
    for (const [label, paths] of Object.entries(loads)) {
      let peakRss = rssMb(api.pid);
      const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssMb(api.pid))), 500);
      const poster = busy ? steadyPoster(api, fx, 100, () => undefined) : null;
      const { result: r, distinct, repeated } = await readPaths(api, reader, paths);
      poster?.stop();
      clearInterval(sampler);
      const kbPerPage = r['2xx'] ? Math.round(r.throughput.total / r['2xx'] / 1024) : 0;
      rows.push([label, busy ? '100 posts/s arriving' : 'quiet', okPerSecond(r), r.latency.p50, r.latency.p99, r.non2xx + r.errors + r.timeouts, kbPerPage, paths.length > 1 ? `${distinct}${repeated ? ' (then repeated)' : ''}` : 1, peakRss]);
    }
  }
  table(`Reading pages (32 connections, ${DURATION} s each; req/s counts 2xx only)`, ['pages', 'while', '2xx req/s', 'p50 ms', 'p99 ms', 'non-2xx or failed', 'KB/page', 'distinct pages asked', 'peak api RSS MB'], rows);
}

async function main(): Promise<void> {
  const env = {
    POSTS_PER_MINUTE: '100000000',
    POST_MIN_INTERVAL_MS: '0',
    // every author posts the same body over and over: not the flood the duplicate check is for
    DUPLICATE_POST_WINDOW_SECONDS: '0',
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    DATABASE_POOL_SIZE: '10',
  };
  const api = await startProcess('api', env);
  try {
    await sleep(2000);
    const idleRss = rssMb(api.pid);
    const fx = await setup(api, 64, 64);
    console.log(`api pid ${api.pid}, idle RSS ${idleRss} MB (target ≤ 150 MB); ${fx.authors.length} authors, ${fx.spaces.length} spaces`);
    await postingTable(api, fx);
    await reading(api, fx);
    await fanOut(api, fx);
    console.log('\nTargets: ≥ 2,000 posts/s into one space at 64 authors with p99 ≤ 100 ms; page of 50 ≥ 5,000 req/s;');
    console.log('fan-out p50 ≤ 10 ms, p99 ≤ 50 ms, none missing; api RSS ≤ 150 MB idle, ≤ 300 MB under load.');
  } finally {
    await api.stop();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
