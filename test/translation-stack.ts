import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { Client as Pg } from 'pg';
import { loadConfig, migrateDatabase, QueueName } from '@roundtable/core';
import { RunningProcess, startWorker } from './support/processes';
import { organiser, registerUser, startTestApi, TestApi, TestUser } from './support/test-api';
import { createConsultation, createRoundtable, createSpace, expectStatus } from './support/world';

/**
 * An api (in this process), compiled workers and the CLI on a database and Redis prefix of
 * their own, so that the workers under test (their providers, their sweepers, a kill -9)
 * touch no other spec's data, and no other spec's worker does their work.
 */
export class TranslationStack {
  readonly prefix: string;
  private readonly dbName: string;
  dbUrl = '';
  api?: TestApi;
  private readonly workers: RunningProcess[] = [];
  private readonly queues: Queue[] = [];
  private pg?: Pg;

  constructor(
    private readonly name: string,
    private readonly env: Record<string, string> = {},
  ) {
    const runId = `${Date.now()}_${process.pid}_${randomBytes(3).toString('hex')}`;
    this.prefix = `${process.env.REDIS_PREFIX ?? 'rt-test'}-${name}-${runId}`;
    this.dbName = `rt_${name}_${runId}`;
  }

  /** Creates and migrates the database, then starts the api. */
  async start(): Promise<TestApi> {
    const admin = new URL(process.env.RT_TEST_PG_ADMIN_URL ?? process.env.DATABASE_URL!);
    if (!process.env.RT_TEST_PG_ADMIN_URL) admin.pathname = '/postgres';
    const adminPg = new Pg({ connectionString: admin.toString() });
    await adminPg.connect();
    await adminPg.query(`CREATE DATABASE ${this.dbName}`);
    await adminPg.end();
    const url = new URL(admin.toString());
    url.pathname = `/${this.dbName}`;
    this.dbUrl = url.toString();
    await migrateDatabase(loadConfig({ ...process.env, ...this.processEnv() }));
    this.pg = new Pg({ connectionString: this.dbUrl });
    await this.pg.connect();
    this.api = await startTestApi(this.processEnv());
    return this.api;
  }

  processEnv(extra: Record<string, string> = {}): Record<string, string> {
    return {
      DATABASE_URL: this.dbUrl,
      REDIS_PREFIX: this.prefix,
      POSTS_PER_MINUTE: '100000',
      POST_MIN_INTERVAL_MS: '0',
      ...this.env,
      ...extra,
    };
  }

  async worker(extra: Record<string, string | undefined> = {}): Promise<RunningProcess> {
    const worker = await startWorker({ ...this.processEnv(), ...extra });
    this.workers.push(worker);
    return worker;
  }

  /** Runs `cli <args>` (compiled) and resolves with its exit code and output. */
  cli(args: string[], extra: Record<string, string> = {}): Promise<{ code: number; output: string }> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, [join(__dirname, '..', 'dist', 'apps', 'cli', 'src', 'main.js'), ...args], {
        env: { ...process.env, ...this.processEnv(extra), LOG_LEVEL: 'warn' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (d) => (output += d));
      child.stderr.on('data', (d) => (output += d));
      child.on('exit', (code) => resolve({ code: code ?? 1, output }));
    });
  }

  query<T = any>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.pg!.query(sql, params).then((r) => r.rows as T[]);
  }

  /** The translations queue as a producer sees it (job counts, a job by id). */
  translationsQueue(): Queue {
    const url = new URL(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
    const queue = new Queue(QueueName.Translations, {
      connection: { host: url.hostname, port: Number(url.port || 6379) },
      prefix: `${this.prefix}:bull`,
    });
    this.queues.push(queue);
    return queue;
  }

  /** Deletes every Redis key of this stack: the queues, as if Redis had lost its data. */
  async flushRedis(): Promise<number> {
    const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
    let deleted = 0;
    try {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${this.prefix}:*`, 'COUNT', 1000);
        cursor = next;
        if (keys.length) deleted += await redis.del(...keys);
      } while (cursor !== '0');
    } finally {
      redis.disconnect();
    }
    return deleted;
  }

  async stop(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.stop()));
    await Promise.all(this.queues.map((q) => q.close().catch(() => undefined)));
    await this.api?.close().catch(() => undefined);
    await this.pg?.end().catch(() => undefined);
    await this.flushRedis().catch(() => undefined);
    if (this.dbUrl) {
      const admin = new URL(this.dbUrl);
      admin.pathname = '/postgres';
      const pg = new Pg({ connectionString: admin.toString() });
      await pg.connect();
      await pg.query(`DROP DATABASE IF EXISTS ${this.dbName} WITH (FORCE)`).catch(() => undefined);
      await pg.end();
    }
  }
}

/** An organiser, a participant who joined one open space, and that space. */
export async function spaceWithMember(
  api: TestApi,
  prompt: Record<string, string> = { en: 'What should local authorities fund first?' },
): Promise<{ org: TestUser; member: TestUser; spaceId: string }> {
  const org = await organiser(api);
  const member = await registerUser(api.url, { tag: 'translation', preferredLanguage: 'fr' });
  const consultation = await createConsultation(org.client);
  const roundtable = await createRoundtable(org.client, consultation.id);
  const space = await createSpace(org.client, roundtable.id, { prompt });
  expectStatus(await member.client.post(`/spaces/${space.id}/members`), 201, 'join the space');
  return { org, member, spaceId: space.id };
}
