/**
 * `npm run bench -- translation`: contributions posted at a steady 10/s for 60 s
 * (BENCH_SECONDS, BENCH_RATE) without a declared language, against the compiled api and
 * worker with Apertium. Prints p50/p95/max time from POST to both translations done (seen
 * as `contribution.translated` live events), then the worker's throughput in words/s on a
 * burst. Prints tables; asserts nothing.
 */
import { randomBytes } from 'node:crypto';
import { io, Socket } from 'socket.io-client';
import { json, percentile, Proc, rssMb, sleep, startProcess, table } from './support';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const RATE = Number(process.env.BENCH_RATE ?? 10);
const BURST = Number(process.env.BENCH_BURST ?? 300);
const ADMIN = { email: 'bench-organiser@example.org', password: 'bench-organiser-pass-1' };

/** Contributions of the length participants write, in the three languages. */
const TEXTS = [
  'Local authorities are often the first to receive migrants, yet they rarely have predictable funding for housing, schooling and language classes. Member States should share the costs of integration with cities and involve civil society in the planning.',
  'Les autorités locales accueillent souvent les migrants en premier, mais elles disposent rarement de financements prévisibles pour le logement, la scolarisation et les cours de langue. Les États membres devraient partager ces coûts avec les villes.',
  'Las autoridades locales suelen ser las primeras en recibir a los migrantes, pero rara vez cuentan con financiación previsible para la vivienda, la escolarización y las clases de idioma. Los Estados miembros deberían compartir estos costos con las ciudades.',
  'Regular pathways for labour migration reduce the space for smugglers. We need bilateral agreements that recognise skills and qualifications, and that protect the rights of migrant workers from recruitment to return.',
  'Les voies régulières de migration de travail réduisent l’espace laissé aux passeurs. Il nous faut des accords bilatéraux qui reconnaissent les compétences et les qualifications, et qui protègent les droits des travailleurs migrants.',
  'Las vías regulares de migración laboral reducen el espacio para los traficantes. Necesitamos acuerdos bilaterales que reconozcan las competencias y las cualificaciones, y que protejan los derechos de los trabajadores migrantes.',
];
const words = (s: string) => s.split(/\s+/).filter(Boolean).length;

interface Tracked {
  postedAt: number;
  words: number;
  done: Map<string, number>;
}

async function setup(api: Proc): Promise<{ token: string; spaceId: string; authors: string[] }> {
  const { accessToken: token } = await json(`${api.url}/api/v1/auth/login`, 'POST', ADMIN);
  const c = await json(
    `${api.url}/api/v1/consultations`,
    'POST',
    { title: { en: 'Translation bench' }, timezone: 'UTC' },
    token,
  );
  const rt = await json(
    `${api.url}/api/v1/consultations/${c.id}/roundtables`,
    'POST',
    { number: 1, title: { en: 'Bench' } },
    token,
  );
  const space = await json(
    `${api.url}/api/v1/roundtables/${rt.id}/spaces`,
    'POST',
    { number: 1, prompt: { en: 'What works?' }, moderation: 'post' },
    token,
  );
  const run = randomBytes(4).toString('hex');
  const authors = await Promise.all(
    Array.from({ length: 20 }, async (_, i) => {
      const reg = await json(`${api.url}/api/v1/auth/register`, 'POST', {
        email: `bench-tr-${run}-${i}@example.org`,
        password: 'bench-password-1',
        displayName: `Author ${i}`,
        constituency: 'civil_society',
        preferredLanguage: (['en', 'fr', 'es'] as const)[i % 3],
      });
      await json(`${api.url}/api/v1/spaces/${space.id}/members`, 'POST', {}, reg.accessToken);
      return reg.accessToken as string;
    }),
  );
  return { token, spaceId: space.id, authors };
}

function listen(
  api: Proc,
  token: string,
  spaceId: string,
  tracked: Map<string, Tracked>,
  early: Map<string, Array<[string, number]>>,
): Promise<Socket> {
  const socket = io(`${api.url}/live`, { auth: { token }, transports: ['websocket'] });
  socket.on('event', (e: any) => {
    if (e.type !== 'contribution.translated' || e.payload?.translation?.status !== 'done') return;
    const t = tracked.get(e.payload.contributionId);
    if (t) t.done.set(e.payload.language, Date.now());
    else
      early.set(e.payload.contributionId, [
        ...(early.get(e.payload.contributionId) ?? []),
        [e.payload.language, Date.now()],
      ]);
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', async () => {
      const ack = await socket.emitWithAck('space:join', { spaceId });
      if (ack.ok) resolve(socket);
      else reject(new Error(`join refused: ${JSON.stringify(ack)}`));
    });
    socket.once('connect_error', reject);
  });
}

async function post(
  api: Proc,
  spaceId: string,
  author: string,
  n: number,
  tracked: Map<string, Tracked>,
  early: Map<string, Array<[string, number]>>,
): Promise<Tracked> {
  const body = `${TEXTS[n % TEXTS.length]} (${n})`;
  const postedAt = Date.now();
  const c = await json(`${api.url}/api/v1/spaces/${spaceId}/contributions`, 'POST', { body }, author);
  const t: Tracked = { postedAt, words: words(body), done: new Map() };
  for (const [lang, at] of early.get(c.id) ?? []) t.done.set(lang, at);
  tracked.set(c.id, t);
  return t;
}

const complete = (t: Tracked) => t.done.size >= 2;

async function waitAll(tracked: Iterable<Tracked>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && [...tracked].some((t) => !complete(t))) await sleep(100);
}

async function main(): Promise<void> {
  const env = {
    POSTS_PER_MINUTE: '100000000',
    POST_MIN_INTERVAL_MS: '0',
    DUPLICATE_POST_WINDOW_SECONDS: '0',
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
  };
  const api = await startProcess('api', env);
  const worker = await startProcess('worker', env);
  try {
    const fx = await setup(api);
    await sleep(3000); // the worker's Apertium pipelines start
    const tracked = new Map<string, Tracked>();
    const early = new Map<string, Array<[string, number]>>();
    const socket = await listen(api, fx.token, fx.spaceId, tracked, early);

    // steady rate
    const total = SECONDS * RATE;
    const started = Date.now();
    const posts: Promise<Tracked>[] = [];
    for (let n = 0; n < total; n++) {
      const due = started + (n * 1000) / RATE;
      const wait = due - Date.now();
      if (wait > 0) await sleep(wait);
      posts.push(post(api, fx.spaceId, fx.authors[n % fx.authors.length], n, tracked, early));
    }
    await Promise.all(posts);
    await waitAll(tracked.values(), 120_000);
    const latencies = [...tracked.values()]
      .filter(complete)
      .map((t) => Math.max(...t.done.values()) - t.postedAt)
      .sort((a, b) => a - b);
    const missing = [...tracked.values()].filter((t) => !complete(t)).length;
    table(
      `POST → both translations done (live events), ${RATE} contributions/s for ${SECONDS} s, no declared language`,
      ['posted', 'translated', 'missing', 'p50 ms', 'p95 ms', 'max ms', 'target p95'],
      [
        [
          total,
          latencies.length,
          missing,
          percentile(latencies, 50),
          percentile(latencies, 95),
          latencies[latencies.length - 1] ?? NaN,
          '≤ 5000 ms',
        ],
      ],
    );

    // burst: how fast one worker drains a backlog
    const burst: Tracked[] = [];
    const burstStart = Date.now();
    for (let n = 0; n < BURST; n += 20) {
      burst.push(
        ...(await Promise.all(
          Array.from({ length: Math.min(20, BURST - n) }, (_, k) =>
            post(api, fx.spaceId, fx.authors[(n + k) % fx.authors.length], total + n + k, tracked, early),
          ),
        )),
      );
    }
    await waitAll(burst, 180_000);
    const done = burst.filter(complete);
    const lastDone = Math.max(...done.map((t) => Math.max(...t.done.values())));
    const seconds = (lastDone - burstStart) / 1000;
    const translatedWords = done.reduce((sum, t) => sum + t.words * 2, 0);
    table(
      `Worker throughput on a burst of ${BURST} contributions (each into two languages; EN↔FR through the pivots of TRANSLATION_PIVOTS)`,
      ['translations', 'source words translated', 'seconds', 'words/s', 'translations/s', 'worker RSS MB'],
      [
        [
          done.length * 2,
          translatedWords,
          seconds.toFixed(1),
          Math.round(translatedWords / seconds),
          ((done.length * 2) / seconds).toFixed(1),
          rssMb(worker.pid),
        ],
      ],
    );
    socket.close();
  } finally {
    await worker.stop();
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
