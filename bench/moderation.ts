/**
 * `npm run bench -- moderation`: how long a moderator's decision takes to reach the readers
 * of a space. 200 readers follow one space live (one socket each); a moderator hides, then
 * restores, contributions one at a time; each delivery is timed from the moment the
 * moderation request was sent (and from its response). Quiet, and while 100 posts/s arrive
 * in the same space. Prints tables; it is not a test and asserts nothing.
 */
import { randomBytes } from 'node:crypto';
import { io, Socket } from 'socket.io-client';
import { json, percentile, Proc, rssMb, sleep, startProcess, table } from './support';

const READERS = 200;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 100);
const ADMIN = { email: 'bench-organiser@example.org', password: 'bench-organiser-pass-1' };

interface Fixture {
  spaceId: string;
  moderator: string;
  author: string;
  readers: string[];
}

async function register(api: Proc, tag: string): Promise<{ id: string; token: string }> {
  const reg = await json(`${api.url}/api/v1/auth/register`, 'POST', {
    email: `bench-${tag}@example.org`,
    password: 'bench-password-1',
    displayName: tag,
    constituency: 'civil_society',
    preferredLanguage: 'en',
  });
  return { id: reg.user.id, token: reg.accessToken };
}

async function setup(api: Proc): Promise<Fixture> {
  const { accessToken: org } = await json(`${api.url}/api/v1/auth/login`, 'POST', ADMIN);
  const c = await json(`${api.url}/api/v1/consultations`, 'POST', { title: { en: 'Bench' }, timezone: 'UTC' }, org);
  const rt = await json(
    `${api.url}/api/v1/consultations/${c.id}/roundtables`,
    'POST',
    { number: 1, title: { en: 'Bench' } },
    org,
  );
  const space = await json(
    `${api.url}/api/v1/roundtables/${rt.id}/spaces`,
    'POST',
    { number: 1, prompt: { en: 'Moderation bench?' }, moderation: 'post' },
    org,
  );
  const run = randomBytes(4).toString('hex');
  const moderator = await register(api, `${run}-moderator`);
  await json(`${api.url}/api/v1/spaces/${space.id}/roles/${moderator.id}`, 'PUT', { role: 'moderator' }, org);
  const author = await register(api, `${run}-author`);
  await json(`${api.url}/api/v1/spaces/${space.id}/members`, 'POST', {}, author.token);
  const readers: string[] = [];
  for (let i = 0; i < READERS; i += 16) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(16, READERS - i) }, async (_, j) => {
        const reader = await register(api, `${run}-reader-${i + j}`);
        await json(`${api.url}/api/v1/spaces/${space.id}/members`, 'POST', {}, reader.token);
        return reader.token;
      }),
    );
    readers.push(...batch);
  }
  return { spaceId: space.id, moderator: moderator.token, author: author.token, readers };
}

async function postMany(api: Proc, fx: Fixture, n: number, tag: string): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const c = await json(
      `${api.url}/api/v1/spaces/${fx.spaceId}/contributions`,
      'POST',
      { body: `Contribution ${tag} ${i}: a view worth moderating.`, language: 'en' },
      fx.author,
    );
    ids.push(c.id);
  }
  return ids;
}

/**
 * Posts at a steady rate (unique texts) from the author. `stop()` ends it and resolves, once
 * every request has been answered, with how many were accepted and how many were not.
 */
function background(api: Proc, fx: Fixture, perSecond: number) {
  let i = 0;
  const outcome = { accepted: 0, refused: 0 };
  const inFlight = new Set<Promise<void>>();
  const timer = setInterval(() => {
    const request = fetch(`${api.url}/api/v1/spaces/${fx.spaceId}/contributions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${fx.author}` },
      body: JSON.stringify({ body: `Background post ${i++} while moderating`, language: 'en' }),
    })
      .then((res) => void (res.status === 201 ? (outcome.accepted += 1) : (outcome.refused += 1)))
      .catch(() => void (outcome.refused += 1))
      .finally(() => inFlight.delete(request));
    inFlight.add(request);
  }, 1000 / perSecond);
  return async () => {
    clearInterval(timer);
    await Promise.all(inFlight);
    return outcome;
  };
}

type Receipts = Map<string, number[]>; // `${type} ${contributionId}` → arrival times

async function connectReaders(api: Proc, fx: Fixture, receipts: Receipts): Promise<Socket[]> {
  const sockets = fx.readers.map((token) => {
    const socket = io(`${api.url}/live`, { auth: { token }, transports: ['websocket'], forceNew: true });
    socket.on('event', (e: any) => {
      const id = e.payload?.contributionId ?? e.payload?.contribution?.id;
      if (e.type !== 'contribution.hidden' && e.type !== 'contribution.restored') return;
      const key = `${e.type} ${id}`;
      const list = receipts.get(key) ?? [];
      list.push(performance.now());
      receipts.set(key, list);
    });
    return socket;
  });
  await Promise.all(sockets.map((s) => new Promise((r) => (s.connected ? r(null) : s.once('connect', () => r(null))))));
  const acks = await Promise.all(sockets.map((s) => s.emitWithAck('space:join', { spaceId: fx.spaceId })));
  const refused = acks.filter((a: any) => !a.ok).length;
  if (refused) throw new Error(`${refused} reader(s) could not join`);
  return sockets;
}

/** One decision at a time; each waits for all readers (or 2 s) before the next. */
async function decide(api: Proc, fx: Fixture, ids: string[], action: 'hide' | 'restore', receipts: Receipts) {
  const type = action === 'hide' ? 'contribution.hidden' : 'contribution.restored';
  const fromSend: number[] = [];
  const fromResponse: number[] = [];
  let missing = 0;
  let errors = 0;
  for (const id of ids) {
    const sent = performance.now();
    const res = await fetch(`${api.url}/api/v1/contributions/${id}/moderation`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${fx.moderator}` },
      body: JSON.stringify({ action, reason: 'Bench decision' }),
    });
    const answered = performance.now();
    if (res.status !== 200) {
      errors += 1;
      continue;
    }
    const key = `${type} ${id}`;
    const deadline = Date.now() + 2000;
    while ((receipts.get(key)?.length ?? 0) < READERS && Date.now() < deadline) await sleep(2);
    const got = receipts.get(key) ?? [];
    missing += READERS - got.length;
    for (const t of got) {
      fromSend.push(t - sent);
      fromResponse.push(t - answered); // negative: the event arrived before the answer
    }
  }
  fromSend.sort((a, b) => a - b);
  fromResponse.sort((a, b) => a - b);
  return { fromSend, fromResponse, missing, errors };
}

async function main(): Promise<void> {
  const api = await startProcess('api', {
    POSTS_PER_MINUTE: '100000000',
    POST_MIN_INTERVAL_MS: '0',
    MODERATION_ACTIONS_PER_MINUTE: '100000000',
    REGISTRATIONS_PER_HOUR: '100000', // 200 readers sign up from one address
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
  });
  try {
    const fx = await setup(api);
    const receipts: Receipts = new Map();
    const sockets = await connectReaders(api, fx, receipts);
    const quiet = await postMany(api, fx, ROUNDS, 'quiet');
    const busy = await postMany(api, fx, ROUNDS, 'busy');
    await sleep(1000);
    const rows: Array<Array<string | number>> = [];
    const row = (label: string, r: Awaited<ReturnType<typeof decide>>) =>
      rows.push([
        label,
        r.fromSend.length,
        percentile(r.fromSend, 50).toFixed(1),
        percentile(r.fromSend, 99).toFixed(1),
        percentile(r.fromResponse, 50).toFixed(1),
        percentile(r.fromResponse, 99).toFixed(1),
        r.missing,
        r.errors,
      ]);
    row('hide, quiet', await decide(api, fx, quiet, 'hide', receipts));
    row('restore, quiet', await decide(api, fx, quiet, 'restore', receipts));
    const stop = background(api, fx, 100);
    await sleep(1000);
    const started = performance.now();
    row('hide, 100 posts/s arriving', await decide(api, fx, busy, 'hide', receipts));
    const seconds = (performance.now() - started) / 1000;
    const backgroundPosts = await stop();
    const rss = rssMb(api.pid);
    sockets.forEach((s) => s.close());
    table(
      `Moderation → ${READERS} readers following one space live (${ROUNDS} decisions each, one at a time)`,
      [
        'decision',
        'deliveries',
        'p50 ms (from request)',
        'p99 ms (from request)',
        'p50 ms (from response)',
        'p99 ms (from response)',
        'missing',
        'errors',
      ],
      rows,
    );
    console.log(
      `\nBackground while hiding: ${backgroundPosts.accepted} posts accepted (${(backgroundPosts.accepted / seconds).toFixed(0)}/s), ` +
        `${backgroundPosts.refused} refused or failed${backgroundPosts.refused ? ' — the busy row was not measured under the stated load' : ''}.`,
    );
    console.log(`api RSS ${rss} MB. Target: hide → every reader, p99 ≤ 50 ms (from the request), none missing.`);
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
