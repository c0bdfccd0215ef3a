/**
 * `npm run bench -- stack`: the whole stack as `npm start` runs it — the api, and the
 * worker with translation (Apertium), the relay's queue consumer and the sweepers, with
 * `npm start`'s Node flags and the worker's own priority — against the same load as the
 * api alone, `BENCH_RUNS` times each (default 3), printing the median and range of each
 * figure. Every figure counts successes only, timed from the user's request; fan-out from
 * the moment each POST was sent. Prints tables; asserts nothing.
 *
 * One run: 64 authors in 64 questions post (1, 16, 64 authors into one question; 64 into
 * 64); pages are read while the translation backlog those posts left drains (cached first
 * page and pages asked once); the backlog's drain is timed (translations of every post
 * done or failed, read from the organiser's figures); pages are read again on a quiet
 * stack; then 200 listeners (a process of their own) follow a question into which ~100
 * posts/s arrive.
 * `BENCH_TABLES=stack` (or `api`) measures one of the two tables only.
 */
import {
  BENCH_API_ENV,
  DURATION,
  FanOutResult,
  fanOut,
  Fixture,
  LoadRow,
  pageSets,
  postedWords,
  POSTING_LOADS,
  postingRows,
  ReadRow,
  readingRows,
  setup,
} from './lib/load';
import { Client as Pg } from 'pg';
import { processTreeCpuMs } from '@roundtable/core';
import { cpuSeconds, cpuSecondsOfAll, json, percentile, Proc, rssMb, sleep, startProcess, table } from './support';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
/** Which tables to measure: `stack`, `api` or both (default), comma-separated. */
const TABLES = (process.env.BENCH_TABLES ?? 'stack,api').split(',');
/** Longest wait for the translation backlog to drain. */
const DRAIN_LIMIT_S = Number(process.env.BENCH_DRAIN_SECONDS ?? 900);

interface Drain {
  seconds: number;
  left: number;
  done: number;
  failed: number;
  wordsPerSecond: number;
}

/** What PostgreSQL sessions of the bench's database were waiting on, sampled every 50 ms. */
class WaitSampler {
  private readonly counts = new Map<string, number>();
  private samples = 0;
  private timer?: NodeJS.Timeout;
  private readonly pg: Pg;

  constructor(private readonly databaseUrl: string) {
    this.pg = new Pg({ connectionString: databaseUrl });
  }

  async start(): Promise<void> {
    await this.pg.connect();
    const dbName = new URL(this.databaseUrl).pathname.slice(1);
    this.timer = setInterval(() => {
      void this.pg
        .query(
          `SELECT coalesce(wait_event_type || ':' || wait_event, 'on CPU') AS w, count(*)::int AS n FROM pg_stat_activity
           WHERE datname = $1 AND state = 'active' AND pid <> pg_backend_pid() GROUP BY 1`,
          [dbName],
        )
        .then((r) => {
          this.samples += 1;
          for (const row of r.rows) this.counts.set(row.w, (this.counts.get(row.w) ?? 0) + row.n);
        })
        .catch(() => undefined);
    }, 50);
  }

  /** Average number of active sessions per sample, by what they waited on. */
  async stop(): Promise<Record<string, number>> {
    clearInterval(this.timer);
    await this.pg.end();
    return Object.fromEntries([...this.counts].map(([w, n]) => [w, n / Math.max(1, this.samples)]));
  }
}

interface Run {
  /** During the posting loads: active PostgreSQL sessions by wait event, and CPU seconds per second of api and worker. */
  postingWaits: Record<string, number>;
  postingCpu: { api: number; worker: number | null; apertium: number | null; postgres: number; redis: number };
  /** WAL PostgreSQL wrote per post while the posting loads ran (every database of the server). */
  walBytesPerPost: number;
  /** Cores Apertium used while the pages were read during the backlog (null for the api alone). */
  readingApertium: number | null;
  posting: LoadRow[];
  readingBacklog: ReadRow[];
  drain: Drain | null;
  readingQuiet: ReadRow[];
  fanOut: FanOutResult;
  apiIdleRss: number;
  apiPeakRss: number;
  workerPeakRss: number | null;
}

async function translationFigures(api: Proc, fx: Fixture): Promise<{ done: number; failed: number; pending: number }> {
  return (await json(`${api.url}/api/v1/consultations/${fx.consultationId}/figures`, 'GET', undefined, fx.token))
    .translations;
}

/** Waits until every post's translations are done or failed; words/s counts every word posted, into two languages, since the first post. */
async function drain(api: Proc, fx: Fixture, firstPostAt: number): Promise<Drain> {
  const started = performance.now();
  let figures = await translationFigures(api, fx);
  while (figures.pending > 0 && performance.now() - started < DRAIN_LIMIT_S * 1000) {
    await sleep(500);
    figures = await translationFigures(api, fx);
  }
  const now = performance.now();
  return {
    seconds: (now - started) / 1000,
    left: figures.pending,
    done: figures.done,
    failed: figures.failed,
    wordsPerSecond: figures.pending === 0 ? (postedWords.total * 2) / ((now - firstPostAt) / 1000) : NaN,
  };
}

/** WAL written so far (the whole server) and posts in the run's database. */
async function writeVolume(databaseUrl: string): Promise<{ wal: number; posts: number }> {
  const pg = new Pg({ connectionString: databaseUrl });
  await pg.connect();
  try {
    const [row] = (
      await pg.query(
        `SELECT (SELECT wal_bytes FROM pg_stat_wal)::float8 AS wal, (SELECT count(*) FROM contributions)::int AS posts`,
      )
    ).rows;
    return row;
  } finally {
    await pg.end();
  }
}

let runs = 0;

/**
 * A database and a Redis prefix of the run's own, removed afterwards: a run must not find
 * the queue or the untranslated posts that the run before left (the api alone posts tens of
 * thousands that no worker translates; the next run's worker would translate those first).
 */
async function ownStorage<T>(use: (env: Record<string, string>) => Promise<T>): Promise<T> {
  runs += 1;
  const url = new URL(process.env.DATABASE_URL!);
  const name = `${url.pathname.slice(1)}_run${runs}`;
  const admin = new Pg({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
    url.pathname = `/${name}`;
    try {
      return await use({
        ...BENCH_API_ENV,
        DATABASE_URL: url.toString(),
        REDIS_PREFIX: `${process.env.REDIS_PREFIX}-run${runs}`,
      });
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    }
  } finally {
    await admin.end();
  }
}

function once(withWorker: boolean): Promise<Run> {
  return ownStorage((env) => measure(withWorker, env));
}

async function measure(withWorker: boolean, env: Record<string, string>): Promise<Run> {
  const api = await startProcess('api', env);
  const worker = withWorker ? await startProcess('worker', env) : null;
  let apiPeakRss = 0;
  let workerPeakRss = 0;
  const sampler = setInterval(() => {
    apiPeakRss = Math.max(apiPeakRss, rssMb(api.pid));
    if (worker) workerPeakRss = Math.max(workerPeakRss, rssMb(worker.pid));
  }, 500);
  try {
    await sleep(2000);
    const apiIdleRss = rssMb(api.pid);
    const fx = await setup(api, 64, 64);
    postedWords.total = 0;
    const firstPostAt = performance.now();
    const waits = new WaitSampler(env.DATABASE_URL);
    await waits.start();
    // Apertium's pipelines are the worker's children and live as long as it does
    const apertiumSeconds = () => (worker ? processTreeCpuMs(worker.pid) / 1000 - cpuSeconds(worker.pid) : 0);
    const volumeBefore = await writeVolume(env.DATABASE_URL);
    const cpuBefore = {
      api: cpuSeconds(api.pid),
      worker: worker ? cpuSeconds(worker.pid) : 0,
      apertium: apertiumSeconds(),
      postgres: cpuSecondsOfAll('postgres'),
      redis: cpuSecondsOfAll('redis-server'),
    };
    const posting = await postingRows(api, fx);
    const postingSeconds = (performance.now() - firstPostAt) / 1000;
    const postingCpu = {
      api: (cpuSeconds(api.pid) - cpuBefore.api) / postingSeconds,
      worker: worker ? (cpuSeconds(worker.pid) - cpuBefore.worker) / postingSeconds : null,
      apertium: worker ? (apertiumSeconds() - cpuBefore.apertium) / postingSeconds : null,
      postgres: (cpuSecondsOfAll('postgres') - cpuBefore.postgres) / postingSeconds,
      redis: (cpuSecondsOfAll('redis-server') - cpuBefore.redis) / postingSeconds,
    };
    const volumeAfter = await writeVolume(env.DATABASE_URL);
    const walBytesPerPost = (volumeAfter.wal - volumeBefore.wal) / Math.max(1, volumeAfter.posts - volumeBefore.posts);
    const postingWaits = await waits.stop();
    const sets = await pageSets(api, fx);
    const readingFrom = { at: performance.now(), apertium: apertiumSeconds() };
    const readingBacklog = await readingRows(api, fx, sets, false);
    const readingApertium = worker
      ? (apertiumSeconds() - readingFrom.apertium) / ((performance.now() - readingFrom.at) / 1000)
      : null;
    const drained = worker ? await drain(api, fx, firstPostAt) : null;
    const readingQuiet = await readingRows(api, fx, sets, false);
    const f = await fanOut(api, fx);
    return {
      postingWaits,
      postingCpu,
      walBytesPerPost,
      readingApertium,
      posting,
      readingBacklog,
      drain: drained,
      readingQuiet,
      fanOut: f,
      apiIdleRss,
      apiPeakRss,
      workerPeakRss: worker ? workerPeakRss : null,
    };
  } finally {
    clearInterval(sampler);
    await worker?.stop();
    await api.stop();
  }
}

/** "median (min–max)" of the runs' values. */
function spread(values: number[], digits = 0): string {
  const finite = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (finite.length === 0) return '-';
  const f = (v: number) => v.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });
  const median = percentile(finite, 50);
  return finite.length === 1 ? f(median) : `${f(median)} (${f(finite[0])}–${f(finite[finite.length - 1])})`;
}

/** Two figures of the runs in one cell: "a / b", each as {@link spread}. */
function both(a: number[], b: number[], digits = 0): string {
  return `${spread(a, digits)} / ${spread(b, digits)}`;
}

function report(title: string, runs: Run[]): void {
  const of = <T>(pick: (r: Run) => T) => runs.map(pick);
  const rows: Array<Array<string | number>> = [];
  POSTING_LOADS.forEach(([label], i) => {
    rows.push([`posts/s, ${label}`, spread(of((r) => r.posting[i].perSecond))]);
    rows.push([`  p50 / p99 ms`, `${spread(of((r) => r.posting[i].p50))} / ${spread(of((r) => r.posting[i].p99))}`]);
    rows.push([`  non-2xx or failed`, spread(of((r) => r.posting[i].failed))]);
  });
  runs[0].readingBacklog.forEach((row, i) => {
    rows.push([`pages/s during the backlog: ${row.label}`, spread(of((r) => r.readingBacklog[i].perSecond))]);
    rows.push([
      `  p99 ms / non-2xx`,
      `${spread(of((r) => r.readingBacklog[i].p99))} / ${spread(of((r) => r.readingBacklog[i].failed))}`,
    ]);
  });
  runs[0].readingQuiet.forEach((row, i) => {
    rows.push([`pages/s quiet: ${row.label}`, spread(of((r) => r.readingQuiet[i].perSecond))]);
    rows.push([
      `  p99 ms / non-2xx`,
      `${spread(of((r) => r.readingQuiet[i].p99))} / ${spread(of((r) => r.readingQuiet[i].failed))}`,
    ]);
  });
  rows.push([
    'fan-out to 200 listeners, ~100 posts/s: p50 / p99 ms (from the POST)',
    both(
      of((r) => r.fanOut.p50),
      of((r) => r.fanOut.p99),
      1,
    ),
  ]);
  rows.push([
    '  deliveries missing / post errors',
    `${spread(of((r) => r.fanOut.missing))} / ${spread(of((r) => r.fanOut.postErrors))}`,
  ]);
  rows.push([
    '  CPU of the listeners (cores; their own process, on the same machine)',
    spread(
      of((r) => r.fanOut.listenerCores),
      2,
    ),
  ]);
  if (runs[0].drain) {
    rows.push([
      'translation backlog: seconds to drain after the posting',
      spread(
        of((r) => r.drain!.seconds),
        1,
      ),
    ]);
    rows.push([
      '  translations done / failed / left',
      `${spread(of((r) => r.drain!.done))} / ${spread(of((r) => r.drain!.failed))} / ${spread(of((r) => r.drain!.left))}`,
    ]);
    rows.push([
      '  Apertium words/s (every word posted, into two languages)',
      spread(of((r) => r.drain!.wordsPerSecond)),
    ]);
  }
  rows.push([
    'while posting: api CPU (cores)',
    spread(
      of((r) => r.postingCpu.api),
      2,
    ),
  ]);
  if (runs[0].postingCpu.worker !== null)
    rows.push([
      'while posting: worker CPU (cores, without Apertium)',
      spread(
        of((r) => r.postingCpu.worker!),
        2,
      ),
    ]);
  if (runs[0].postingCpu.apertium !== null)
    rows.push([
      "while posting: Apertium CPU (cores, the worker's pipelines)",
      spread(
        of((r) => r.postingCpu.apertium!),
        2,
      ),
    ]);
  rows.push([
    'while posting: PostgreSQL CPU / Redis CPU (cores, every process of each server)',
    both(
      of((r) => r.postingCpu.postgres),
      of((r) => r.postingCpu.redis),
      2,
    ),
  ]);
  rows.push(['while posting: WAL bytes written per post', spread(of((r) => r.walBytesPerPost))]);
  if (runs[0].readingApertium !== null)
    rows.push([
      'while reading during the backlog: Apertium CPU (cores)',
      spread(
        of((r) => r.readingApertium!),
        2,
      ),
    ]);
  const waits = [...new Set(runs.flatMap((r) => Object.keys(r.postingWaits)))];
  const byWait = waits
    .map(
      (w) =>
        [
          w,
          percentile(
            of((r) => r.postingWaits[w] ?? 0).sort((a, b) => a - b),
            50,
          ),
        ] as const,
    )
    .sort((a, b) => b[1] - a[1]);
  for (const [w] of byWait.slice(0, 6))
    rows.push([
      `while posting: PostgreSQL sessions ${w === 'on CPU' ? 'running' : `waiting on ${w}`} (average)`,
      spread(
        of((r) => r.postingWaits[w] ?? 0),
        2,
      ),
    ]);
  rows.push([
    'api RSS MB: idle / peak',
    both(
      of((r) => r.apiIdleRss),
      of((r) => r.apiPeakRss),
      1,
    ),
  ]);
  if (runs[0].workerPeakRss !== null)
    rows.push([
      'worker RSS MB, peak (without Apertium)',
      spread(
        of((r) => r.workerPeakRss!),
        1,
      ),
    ]);
  table(`${title}: median (range) of ${runs.length} run(s), ${DURATION} s per load`, ['figure', 'value'], rows);
}

async function main(): Promise<void> {
  const stack: Run[] = [];
  const apiAlone: Run[] = [];
  for (let i = 1; i <= RUNS; i++) {
    if (TABLES.includes('stack')) {
      console.log(`run ${i}/${RUNS}: whole stack`);
      stack.push(await once(true));
    }
    if (TABLES.includes('api')) {
      console.log(`run ${i}/${RUNS}: api alone`);
      apiAlone.push(await once(false));
    }
  }
  if (stack.length) report('Whole stack as npm start runs it (api + worker: translation, relay, sweepers)', stack);
  if (apiAlone.length) report('api alone (no worker)', apiAlone);
  console.log(
    '\nTargets, whole stack: ≥ 1,000 posts/s at 64 authors, p99 ≤ 150 ms; ≥ 150 posts/s at 1 author, p99 ≤ 20 ms;',
  );
  console.log(
    '≥ 2,000 pages/s while the backlog drains; fan-out p99 ≤ 50 ms, none missing; every translation done afterwards.',
  );
  console.log('api alone: ≥ 2,000 posts/s at 64 authors, p99 ≤ 100 ms; ≥ 5,000 pages of 50 per second.');
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
