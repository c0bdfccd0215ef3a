import { randomBytes } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Client as Pg } from 'pg';
import { loadConfig, migrateDatabase, QueueName, QueueRegistry, useAppConfig } from '@roundtable/core';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { adminDatabaseUrl, databaseUrl } from './compiled-api';
import { uniquePrefix } from './processes';
import { SmtpSink } from './smtp-sink';
import { eventually, organiser, registerUser, startTestApi, TestApi, TestUser } from './test-api';
import { createConsultation, createRoundtable, createSpace, expectStatus } from './world';

/**
 * The member digest stack for one spec: the real api and worker (in this process), a real
 * SMTP server, on a database and a Redis prefix of their own. Both matter: every worker's
 * sweepers look for stuck deliveries in the whole database, so a worker of another spec
 * on the same database would send this spec's digests to its own SMTP server (and this
 * spec's workers theirs to ours).
 */
export interface DigestStack {
  env: Record<string, string>;
  api: TestApi;
  sink: SmtpSink;
  pg: Pg;
  org: TestUser;
  workers: INestApplicationContext[];
  startWorker(extra?: Record<string, string>): Promise<INestApplicationContext>;
  /** `POST /admin/digest-emails/run` for one consultation; resolves with the period end used. */
  run(consultationId: string, periodEnd?: Date): Promise<string>;
  /** Waits until every member queued by the run of this period has a settled (or failed) delivery; returns them. */
  settled(consultationId: string, periodEnd: string, timeoutMs?: number): Promise<DeliveryRow[]>;
  queue(name?: QueueName): ReturnType<QueueRegistry['get']>;
  close(): Promise<void>;
}

export interface DeliveryRow {
  user_id: string;
  status: string;
  attempts: number;
  error: string | null;
  period_start: Date;
}

export function digestEnv(prefix: string, smtpUrl: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    REDIS_PREFIX: prefix,
    SMTP_URL: smtpUrl,
    OUTBOX_SWEEPER: 'false',
    POST_MIN_INTERVAL_MS: '0',
    POSTS_PER_MINUTE: '100000',
    DUPLICATE_POST_WINDOW_SECONDS: '0',
    DIGEST_CLAIM_TTL_SECONDS: '5',
    APP_URL: 'https://roundtable.test',
    ...extra,
  };
}

export async function startDigestStack(extra: Record<string, string> = {}): Promise<DigestStack> {
  const sink = await SmtpSink.start();
  const database = `rt_digest_${Date.now()}_${randomBytes(3).toString('hex')}`;
  const admin = new Pg({ connectionString: adminDatabaseUrl() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.end();
  const env = { ...digestEnv(uniquePrefix('digest'), sink.url, extra), DATABASE_URL: databaseUrl(database) };
  await migrateDatabase(loadConfig({ ...process.env, ...env }));
  const api = await startTestApi(env);
  const pg = new Pg({ connectionString: env.DATABASE_URL });
  await pg.connect();
  const org = await organiser(api);
  const workers: INestApplicationContext[] = [];

  const stack: DigestStack = {
    env,
    api,
    sink,
    pg,
    org,
    workers,
    async startWorker(more = {}) {
      useAppConfig(loadConfig({ ...process.env, LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn', ...env, ...more }));
      try {
        const worker = await NestFactory.createApplicationContext(WorkerModule, { logger: ['error'] });
        workers.push(worker);
        return worker;
      } finally {
        useAppConfig(undefined);
      }
    },
    async run(consultationId, periodEnd) {
      const res = expectStatus(
        await org.client.post('/admin/digest-emails/run', {
          consultationId,
          ...(periodEnd ? { periodEnd: periodEnd.toISOString() } : {}),
        }),
        202,
        'run the member digest',
      );
      return res.body.periodEnd as string;
    },
    async settled(consultationId, periodEnd, timeoutMs = 30_000) {
      return eventually(
        async () => {
          const run = await pg.query(
            `SELECT members FROM member_digest_runs WHERE consultation_id = $1 AND period_end = $2 AND fanned_out_at IS NOT NULL`,
            [consultationId, periodEnd],
          );
          if (run.rows.length === 0) return null;
          const rows = await pg.query<DeliveryRow>(
            `SELECT user_id, status, attempts, error, period_start FROM member_digest_deliveries WHERE consultation_id = $1 AND period_end = $2`,
            [consultationId, periodEnd],
          );
          const done = rows.rows.filter((r) => r.status !== 'claimed');
          if (done.length < rows.rows.length || rows.rows.length < run.rows[0].members) return null;
          await sink.settled();
          return rows.rows;
        },
        timeoutMs,
        `the digest run of ${consultationId} until ${periodEnd} to settle`,
      );
    },
    queue(name = QueueName.MemberDigests) {
      return api.app.get(QueueRegistry).get(name);
    },
    async close() {
      for (const worker of workers.splice(0)) await worker.close().catch(() => undefined);
      await api.close().catch(() => undefined);
      await pg.end().catch(() => undefined);
      await sink.close().catch(() => undefined);
      const admin = new Pg({ connectionString: adminDatabaseUrl() });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).catch(() => undefined);
      await admin.end();
    },
  };
  return stack;
}

/** A consultation with one open space that `count` members joined, and a poster who also joined. */
export interface SmallWorld {
  consultationId: string;
  spaceId: string;
  members: TestUser[];
  poster: TestUser;
  /** The poster writes something new in the space (so every member has news). */
  post(body?: string): Promise<string>;
}

let posts = 0;
export async function smallWorld(stack: DigestStack, count: number, tag: string): Promise<SmallWorld> {
  const consultationId = (await createConsultation(stack.org.client, `Digest ${tag}`)).id;
  const roundtable = await createRoundtable(stack.org.client, consultationId);
  const spaceId = (await createSpace(stack.org.client, roundtable.id)).id;
  const members = await Promise.all(
    Array.from({ length: count }, (_, i) =>
      registerUser(stack.api.url, { tag: `${tag}-${i}`, displayName: `${tag} ${i}` }),
    ),
  );
  const poster = await registerUser(stack.api.url, { tag: `${tag}-poster`, displayName: `${tag} poster` });
  for (const user of [...members, poster])
    expectStatus(await user.client.post(`/spaces/${spaceId}/members`), 201, 'join');
  const post = async (body?: string) => {
    posts += 1;
    const res = await poster.client.post(`/spaces/${spaceId}/contributions`, {
      body: body ?? `News number ${posts} from ${tag}`,
      language: 'en',
    });
    return expectStatus(res, 201, 'post').body.id as string;
  };
  return { consultationId, spaceId, members, poster, post };
}
