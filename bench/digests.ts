/**
 * `npm run bench -- digests`: weekly member digests rendered (MJML/Handlebars, EN/FR/ES)
 * and sent over SMTP to a local server this benchmark runs itself, for 10,000 members
 * (BENCH_DIGEST_MEMBERS). The compiled api takes the organiser's `POST
 * /admin/digest-emails/run`; one compiled worker (BENCH_DIGEST_WORKERS) does the rest. Prints digests/s (target:
 * 100,000 in under 5 minutes, i.e. ≥ 340/s) and the worker's memory. Asserts nothing.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { Client as Pg } from 'pg';
import { SMTPServer } from 'smtp-server';
import { json, rssMb, sleep, startProcess, table } from './support';

const MEMBERS = Number(process.env.BENCH_DIGEST_MEMBERS ?? 10_000);
const WORKERS = Number(process.env.BENCH_DIGEST_WORKERS ?? 1);
const SPACES = 4;
const CONTRIBUTIONS_PER_SPACE = 25;
const TARGET_PER_SECOND = 340;
const ADMIN = { email: 'bench-organiser@example.org', password: 'bench-organiser-pass-1' };
const TEXT = {
  en: 'Cities need predictable funding for the services migrants use first: schools, clinics and language classes.',
  fr: 'Les villes ont besoin d’un financement prévisible pour les services que les migrants utilisent en premier.',
  es: 'Las ciudades necesitan una financiación previsible para los servicios que los migrantes usan primero.',
};

/** CPU seconds (user + system) a process has used, from /proc. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (100/s)
}

/** A counting SMTP server: accepts everything, keeps no message. */
async function smtpSink(): Promise<{
  url: string;
  count: () => number;
  bytes: () => number;
  close: () => Promise<void>;
}> {
  let count = 0;
  let bytes = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      stream.on('data', (chunk: Buffer) => (bytes += chunk.length));
      stream.on('end', () => {
        count += 1;
        callback();
      });
    },
  });
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `smtp://127.0.0.1:${port}`,
    count: () => count,
    bytes: () => bytes,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

/** One consultation, 2 roundtables × 2 spaces, a week of contributions with their translations, MEMBERS members in 2 spaces each. */
async function seed(pg: Pg): Promise<string> {
  const tag = randomBytes(4).toString('hex');
  const [{ id: consultationId }] = (
    await pg.query(`INSERT INTO consultations (title, timezone) VALUES ($1, 'Europe/Zurich') RETURNING id`, [
      { en: 'Bench consultation', fr: 'Consultation', es: 'Consulta' },
    ])
  ).rows;
  const spaces: string[] = [];
  for (let r = 1; r <= 2; r++) {
    const [{ id: roundtableId }] = (
      await pg.query(`INSERT INTO roundtables (consultation_id, number, title) VALUES ($1, $2, $3) RETURNING id`, [
        consultationId,
        r,
        { en: `Roundtable ${r}`, fr: `Table ronde ${r}`, es: `Mesa redonda ${r}` },
      ])
    ).rows;
    for (let s = 1; s <= SPACES / 2; s++) {
      const prompt = { en: `Question ${s} of roundtable ${r}?`, fr: `Question ${s} ?`, es: `¿Pregunta ${s}?` };
      spaces.push(
        (
          await pg.query(`INSERT INTO spaces (roundtable_id, number, prompt) VALUES ($1, $2, $3) RETURNING id`, [
            roundtableId,
            s,
            prompt,
          ])
        ).rows[0].id,
      );
    }
  }
  const users: Array<{ id: string }> = (
    await pg.query(
      `INSERT INTO users (email, display_name, organisation, constituency, preferred_language)
       SELECT 'bench-' || g || '-${tag}@example.org', 'Member ' || g, 'Organisation ' || (g % 97), 'civil_society', (ARRAY['en','fr','es'])[1 + g % 3]
       FROM generate_series(1, $1::int) g RETURNING id`,
      [MEMBERS],
    )
  ).rows;
  // each member in two of the four spaces
  await pg.query(
    `INSERT INTO memberships (space_id, user_id)
     SELECT ($2::uuid[])[1 + (u.n % 4)], u.id FROM (SELECT id, row_number() OVER () AS n FROM unnest($1::uuid[]) id) u
     UNION ALL
     SELECT ($2::uuid[])[1 + ((u.n + 1) % 4)], u.id FROM (SELECT id, row_number() OVER () AS n FROM unnest($1::uuid[]) id) u`,
    [users.map((u) => u.id), spaces],
  );
  // the week's contributions, by the first 40 members, in three languages, each translated into the other two
  const authors = users.slice(0, 40).map((u) => u.id);
  const langs = ['en', 'fr', 'es'] as const;
  let n = 0;
  for (const spaceId of spaces) {
    for (let i = 0; i < CONTRIBUTIONS_PER_SPACE; i++, n++) {
      const lang = langs[n % 3];
      const id = (
        await pg.query(
          `INSERT INTO contributions (id, space_id, root_id, author_id, body, body_html, language, status, seq, reply_count, created_at, last_activity_at)
           SELECT g, $1, g, $2, $3, $3, $4, 'published', $5, $6, now() - make_interval(hours => $7), now() FROM gen_random_uuid() g RETURNING id`,
          [spaceId, authors[n % authors.length], `${TEXT[lang]} (${n})`, lang, i + 1, n % 7, 1 + (n % 150)],
        )
      ).rows[0].id;
      for (const target of langs.filter((l) => l !== lang)) {
        await pg.query(
          `INSERT INTO contribution_translations (contribution_id, language, source_version, source_language, status, text, provider) VALUES ($1, $2, 1, $3, 'done', $4, 'bench')`,
          [id, target, lang, `${TEXT[target]} (${n})`],
        );
      }
    }
  }
  await pg.query('ANALYZE'); // fresh tables: give the planner the statistics a live database has
  return consultationId;
}

async function main(): Promise<void> {
  const sink = await smtpSink();
  const env: Record<string, string> = {
    SMTP_URL: sink.url,
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    OUTBOX_SWEEPER: 'false',
  };
  const api = await startProcess('api', env); // migrates the fresh database
  const pg = new Pg({ connectionString: process.env.DATABASE_URL });
  await pg.connect();
  const seeded = Date.now();
  const consultationId = await seed(pg);
  const seedMs = Date.now() - seeded;
  const workers = await Promise.all(Array.from({ length: WORKERS }, () => startProcess('worker', env)));
  const rss = () => workers.reduce((sum, w) => sum + rssMb(w.pid), 0);
  const redis = new IORedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: null });
  const runs = new Queue('member-digest-runs', {
    connection: redis,
    prefix: `${process.env.REDIS_PREFIX ?? 'rt'}:bull`,
  });
  try {
    // every worker process consumes the runs queue once it is up
    for (let i = 0; (await runs.getWorkers()).length < WORKERS; i++) {
      if (i > 300) throw new Error('the worker did not start');
      await sleep(100);
    }
    const { accessToken } = await json(`${api.url}/api/v1/auth/login`, 'POST', ADMIN);
    let peakRss = rss();
    const cpu = () => workers.reduce((sum, w) => sum + cpuSeconds(w.pid), 0);
    const cpuBefore = cpu();
    const started = Date.now();
    await json(`${api.url}/api/v1/admin/digest-emails/run`, 'POST', { consultationId }, accessToken);
    let firstAt = 0;
    for (let i = 0; sink.count() < MEMBERS; i++) {
      if (!firstAt && sink.count() > 0) firstAt = Date.now();
      peakRss = Math.max(peakRss, rss());
      if (Date.now() - started > 15 * 60_000)
        throw new Error(`only ${sink.count()} of ${MEMBERS} digests after 15 minutes`);
      await sleep(100);
    }
    const done = Date.now();
    const cpuMs = ((cpu() - cpuBefore) * 1000) / MEMBERS;
    const seconds = (done - started) / 1000;
    const steady = (done - firstAt) / 1000;
    const perSecond = MEMBERS / seconds;
    const settled = (
      await pg.query(`SELECT status, count(*)::int AS n FROM member_digest_deliveries GROUP BY status ORDER BY status`)
    ).rows;
    table(
      `member digests: ${MEMBERS} members, ${SPACES} spaces, ${SPACES * CONTRIBUTIONS_PER_SPACE} contributions (seeded in ${(seedMs / 1000).toFixed(1)} s); ${WORKERS} worker process(es); Node ${process.version}; load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
      ['measure', 'value', `target`],
      [
        ['digests sent (counted at the SMTP server)', sink.count(), MEMBERS],
        ['time from POST /run to the last email', `${seconds.toFixed(1)} s`, '-'],
        [
          'digests/s (whole run)',
          perSecond.toFixed(0),
          `≥ ${TARGET_PER_SECOND} ${perSecond >= TARGET_PER_SECOND ? 'ok' : 'UNDER'}`,
        ],
        ['digests/s (first to last email)', (MEMBERS / steady).toFixed(0), '-'],
        ['100,000 members at this rate', `${(100_000 / perSecond / 60).toFixed(1)} min`, '< 5 min'],
        [
          'worker CPU per digest (user + system)',
          `${cpuMs.toFixed(2)} ms`,
          `≤ ${(1000 / TARGET_PER_SECOND).toFixed(2)} ms on one core`,
        ],
        ['average email size', `${(sink.bytes() / sink.count() / 1024).toFixed(1)} KB`, '-'],
        [`worker RSS peak (sampled${WORKERS > 1 ? ', all workers' : ''})`, `${peakRss.toFixed(1)} MB`, '-'],
        ['worker RSS after the run', `${rss().toFixed(1)} MB`, '-'],
        ['api RSS', `${rssMb(api.pid).toFixed(1)} MB`, '-'],
        ['delivery records', settled.map((r) => `${r.status}: ${r.n}`).join(', '), '-'],
      ],
    );
  } finally {
    await runs.close();
    redis.disconnect();
    await pg.end();
    await Promise.all(workers.map((w) => w.stop()));
    await api.stop();
    await sink.close();
  }
}

if (require.main === module) {
  main().catch((err) => {
    console.error(`bench digests failed: ${err?.stack ?? err}`);
    process.exit(1);
  });
}
