import { randomBytes } from 'node:crypto';
import { Job, Queue, Worker } from 'bullmq';
import { Client as Pg } from 'pg';
import { loadConfig, Metrics, RedisConnections, WorkerLifecycle } from '@roundtable/core';
import { LiveClient } from './support/live-client';
import { bootProcess as boot, RunningProcess, stopAll, uniquePrefix } from './support/processes';
import { Client, eventually, registerUser, TestUser, uniqueEmail } from './support/test-api';
import { createConsultation, createRoundtable, createSpace, expectStatus } from './support/world';

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

// several compiled processes boot per test; on a busy machine that alone can take a minute
jest.setTimeout(240_000);

/** A request that never got an answer because the process refused or closed the connection. */
function refusedConnection(err: unknown): boolean {
  const cause = (err as { cause?: { code?: string; message?: string } })?.cause;
  return (
    /ECONNREFUSED|ECONNRESET|UND_ERR_SOCKET|EPIPE/.test(`${cause?.code ?? ''} ${cause?.message ?? ''}`) ||
    /other side closed/.test(String(cause?.message))
  );
}

/**
 * Acceptance 3, SIGTERM during load: the api stops accepting, finishes what it is doing,
 * sends live clients elsewhere and exits 0, with no request failed other than refused new
 * connections; the worker finishes its active jobs and leaves none stalled.
 */
describe('graceful shutdown on SIGTERM', () => {
  const prefix = uniquePrefix('shutdown');
  const adminEmail = uniqueEmail('shutdown-admin');
  const adminPassword = 'shutdown-admin-pass-1';
  const env = {
    REDIS_PREFIX: prefix,
    ADMIN_EMAIL: adminEmail,
    ADMIN_PASSWORD: adminPassword,
    POSTS_PER_MINUTE: '100000',
    POST_MIN_INTERVAL_MS: '0',
  };
  const procs: RunningProcess[] = [];
  const clients: LiveClient[] = [];
  let pg: Pg;
  let queue: Queue;

  beforeAll(async () => {
    pg = new Pg({ connectionString: process.env.DATABASE_URL });
    await pg.connect();
    const config = loadConfig({ ...process.env, REDIS_PREFIX: prefix });
    queue = new Queue('space-events', {
      connection: new RedisConnections(config).bullConnection(),
      prefix: `${prefix}:bull`,
    });
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    await stopAll(procs);
    await queue?.obliterate({ force: true }).catch(() => undefined);
    await queue?.close();
    await pg?.end();
  });

  async function stage(api: RunningProcess): Promise<{ org: Client; members: TestUser[]; spaceId: string }> {
    const login = expectStatus(
      await new Client(api.url).post('/auth/login', { email: adminEmail, password: adminPassword }),
      200,
    );
    const org = new Client(api.url, login.body.accessToken);
    const members = await Promise.all(range(1, 4).map((i) => registerUser(api.url, { tag: `shutdown-${i}` })));
    const spaceId = (await createSpace(org, (await createRoundtable(org, (await createConsultation(org)).id)).id)).id;
    for (const m of members) expectStatus(await m.client.post(`/spaces/${spaceId}/members`), 201);
    return { org, members, spaceId };
  }

  it('api: refuses only new connections, answers every request it accepted, tells sockets to reconnect, exits 0', async () => {
    const [a, b] = await Promise.all([boot('api', env), boot('api', env)]);
    procs.push(a, b);
    const { members, spaceId } = await stage(b);
    const onA = await LiveClient.connect(a.url, members[0].token);
    clients.push(onA);
    const notices: unknown[] = [];
    onA.socket.on('server:shutdown', (n: unknown) => notices.push(n));
    expect((await onA.join(spaceId, 0)).ok).toBe(true);

    const total = 240;
    let next = 0;
    let answered = 0;
    let terminating: Promise<void> | undefined;
    const outcomes: Array<{ status?: number; refused?: boolean; via: string; id?: string }> = [];
    // four clients posting one after another over keep-alive connections to A, until A refuses them
    await Promise.all(
      range(0, 3).map(async (w) => {
        let target = a;
        while (next < total) {
          const i = (next += 1);
          for (;;) {
            try {
              const res = await new Client(target.url, members[w].token).post(`/spaces/${spaceId}/contributions`, {
                body: `Shutdown load ${i}`,
              });
              outcomes.push({ status: res.status, via: target === a ? 'a' : 'b', id: res.body?.id });
              answered += 1;
              if (answered === 60) terminating = (async () => void a.child.kill('SIGTERM'))();
              break;
            } catch (err) {
              if (!refusedConnection(err)) throw err;
              // what a load balancer does: the stopping process refused it, send it to another
              outcomes.push({ refused: true, via: target === a ? 'a' : 'b' });
              target = b;
            }
          }
        }
      }),
    );
    await terminating;
    await eventually(() => !a.alive, 15_000, 'api A to exit');
    expect(a.child.exitCode).toBe(0);

    const answeredOutcomes = outcomes.filter((o) => !o.refused);
    const failed = answeredOutcomes.filter((o) => o.status !== 201);
    expect(failed).toEqual([]); // every accepted request was answered, and well
    expect(answeredOutcomes.length).toBe(total);
    expect(answeredOutcomes.filter((o) => o.via === 'a').length).toBeGreaterThanOrEqual(60);
    // nothing posted was lost or doubled: the space holds exactly the 201s, seqs 1..n
    const rows = await pg.query(`SELECT id, seq FROM contributions WHERE space_id = $1 ORDER BY seq`, [spaceId]);
    expect(rows.rows.map((r) => r.id).sort()).toEqual(answeredOutcomes.map((o) => o.id).sort());
    expect(rows.rows.map((r) => Number(r.seq))).toEqual(range(1, total));
    // the socket on A was told to go elsewhere, by a transport close its client answers by reconnecting
    await onA.waitForDisconnect(5000);
    expect(notices).toEqual([{ reconnect: true }]);
    expect(onA.disconnectReason).toBe('transport close');
    // every event reached the space's log and left the outbox (the sweeper of B took over any left)
    await eventually(
      async () =>
        (await pg.query(`SELECT count(*)::int AS n FROM space_event_outbox WHERE space_id = $1`, [spaceId])).rows[0]
          .n === 0,
      15_000,
      'all events relayed',
    );
    expect(a.lines.some((l) => l.includes('told to reconnect elsewhere'))).toBe(true);
  });

  it('worker: finishes the active jobs on SIGTERM, exits 0, and leaves no job active or stalled', async () => {
    const api = await boot('api', { ...env, OUTBOX_SWEEPER: 'false' });
    procs.push(api);
    const worker = await boot('worker', env);
    procs.push(worker);
    const { members, spaceId } = await stage(api);
    await Promise.all(
      range(1, 200).map((i) =>
        members[i % 4].client.post(`/spaces/${spaceId}/contributions`, { body: `Job load ${i}` }),
      ),
    );
    await eventually(
      async () => (await queue.getJobCounts('completed')).completed > 0,
      15_000,
      'the worker to take jobs',
    );
    await worker.stop();
    expect(worker.child.exitCode).toBe(0);
    const after = await queue.getJobCounts('active', 'failed', 'waiting', 'completed', 'delayed');
    expect(after.active).toBe(0);
    expect(after.failed).toBe(0);
    // a new worker finds nothing stalled: everything left was waiting, and it all completes
    const second = await boot('worker', env);
    procs.push(second);
    // each job holds the events the relay handed on together
    const eventsCompleted = async () =>
      (await queue.getJobs(['completed'])).reduce((n, job) => n + job.data.events.length, 0);
    await eventually(
      async () => {
        const c = await queue.getJobCounts('active', 'waiting', 'delayed');
        return c.active + c.waiting + c.delayed === 0 && (await eventsCompleted()) >= 200;
      },
      20_000,
      'every job to complete',
    );
    expect(second.lines.some((l) => /stalled/i.test(l))).toBe(false);
    expect((await queue.getJobCounts('failed')).failed).toBe(0);
  });

  it('WorkerLifecycle: jobs running at shutdown finish; jobs not started stay queued', async () => {
    const config = loadConfig({ ...process.env, REDIS_PREFIX: `${prefix}-lifecycle`, SHUTDOWN_TIMEOUT_MS: '10000' });
    const connection = new RedisConnections(config).bullConnection();
    const name = `lifecycle-${randomBytes(3).toString('hex')}`;
    const q = new Queue(name, { connection, prefix: `${prefix}:bull` });
    try {
      await q.addBulk(range(1, 12).map((i) => ({ name: 'slow', data: { i }, opts: { jobId: `slow-${i}` } })));
      const lifecycle = new WorkerLifecycle(new Metrics(), config);
      const started: number[] = [];
      const finished: number[] = [];
      lifecycle.register(
        new Worker(
          name,
          async (job: Job) => {
            started.push(job.data.i);
            await new Promise((r) => setTimeout(r, 600));
            finished.push(job.data.i);
          },
          { connection, prefix: `${prefix}:bull`, concurrency: 4 },
        ),
      );
      await eventually(() => started.length >= 4, 10_000, 'four jobs to be running');
      await lifecycle.beforeApplicationShutdown();
      expect(finished.sort()).toEqual(started.sort()); // every started job finished
      const counts = await q.getJobCounts('active', 'waiting', 'completed', 'failed');
      expect(counts).toEqual({ active: 0, waiting: 12 - started.length, completed: started.length, failed: 0 });
    } finally {
      await q.obliterate({ force: true }).catch(() => undefined);
      await q.close();
    }
  });
});
