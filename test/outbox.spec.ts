import { randomBytes, randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { Client as Pg } from 'pg';
import { QueueName } from '@roundtable/core';
import { LiveClient } from './support/live-client';
import { RunningProcess, startApi, startWorker, stopAll } from './support/processes';
import { Client, eventually, registerUser, TestUser, uniqueEmail } from './support/test-api';
import { createConsultation, createRoundtable, createSpace, expectStatus } from './support/world';

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/**
 * Acceptance 4, the transactional outbox: events that were committed but never relayed
 * (the relaying process died, or its Redis could not reach anyone) are published later by
 * a sweeper — in another api process or in the worker — and reach connected clients once
 * each, in seq order. The spec runs on a database and Redis prefix of its own, so that no
 * other spec's sweeper does the work for the processes under test.
 */
describe('transactional outbox: committed events survive the death of the process relaying them', () => {
  const runId = `${Date.now()}_${process.pid}_${randomBytes(3).toString('hex')}`;
  const dbName = `rt_outbox_${runId}`;
  const prefix = `${process.env.REDIS_PREFIX ?? 'rt-test'}-outbox-${runId}`;
  const adminEmail = uniqueEmail('outbox-admin');
  const adminPassword = 'outbox-admin-password-1';
  let dbUrl: string;
  let pg: Pg;
  const clients: LiveClient[] = [];
  const procs: RunningProcess[] = [];

  function env(extra: Record<string, string | undefined> = {}): Record<string, string | undefined> {
    return {
      DATABASE_URL: dbUrl,
      REDIS_PREFIX: prefix,
      LOG_LEVEL: 'info',
      POSTS_PER_MINUTE: '100000',
      POST_MIN_INTERVAL_MS: '0',
      ADMIN_EMAIL: adminEmail,
      ADMIN_PASSWORD: adminPassword,
      OUTBOX_SWEEPER: undefined,
      ...extra,
    };
  }
  const track = <T extends RunningProcess>(p: T): T => (procs.push(p), p);
  const api = async (extra: Record<string, string | undefined> = {}) => track(await startApi(env(extra)));

  beforeAll(async () => {
    const admin = new URL(process.env.RT_TEST_PG_ADMIN_URL ?? process.env.DATABASE_URL!);
    if (!process.env.RT_TEST_PG_ADMIN_URL) admin.pathname = '/postgres';
    const adminPg = new Pg({ connectionString: admin.toString() });
    await adminPg.connect();
    await adminPg.query(`CREATE DATABASE ${dbName}`);
    await adminPg.end();
    const url = new URL(admin.toString());
    url.pathname = `/${dbName}`;
    dbUrl = url.toString();
  });

  afterAll(async () => {
    for (const c of clients) c.close();
    await stopAll(procs);
    await pg?.end().catch(() => undefined);
    if (dbUrl) {
      const admin = new URL(dbUrl);
      admin.pathname = process.env.RT_TEST_PG_ADMIN_URL
        ? new URL(process.env.RT_TEST_PG_ADMIN_URL).pathname
        : '/postgres';
      const adminPg = new Pg({ connectionString: admin.toString() });
      await adminPg.connect();
      await adminPg.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => undefined);
      await adminPg.end();
    }
  });

  interface Stage {
    org: Client;
    members: TestUser[];
    spaceId: string;
    listener: LiveClient;
  }

  /** Through `hub`: an organiser, three members, an open space, and a member's socket joined at seq 0. */
  async function stage(hub: RunningProcess): Promise<Stage> {
    if (!pg) {
      pg = new Pg({ connectionString: dbUrl });
      await pg.connect();
    }
    const login = expectStatus(
      await new Client(hub.url).post('/auth/login', { email: adminEmail, password: adminPassword }),
      200,
      'organiser login',
    );
    const org = new Client(hub.url, login.body.accessToken);
    const members = await Promise.all(
      [1, 2, 3].map((i) => registerUser(hub.url, { tag: `outbox-${i}`, displayName: `Outbox Member ${i}` })),
    );
    const consultation = await createConsultation(org);
    const roundtable = await createRoundtable(org, consultation.id);
    const spaceId = (await createSpace(org, roundtable.id)).id;
    for (const m of members) expectStatus(await m.client.post(`/spaces/${spaceId}/members`), 201, 'join');
    const listener = await LiveClient.connect(hub.url, members[0].token);
    clients.push(listener);
    expect(await listener.join(spaceId, 0)).toEqual({ ok: true, seq: 0 });
    return { org, members, spaceId, listener };
  }

  /** 100 posts through `proc`, at once, by the three members. */
  async function post100(proc: RunningProcess, s: Stage): Promise<any[]> {
    const results = await Promise.all(
      range(1, 100).map((i) =>
        new Client(proc.url, s.members[i % 3].token).post(`/spaces/${s.spaceId}/contributions`, {
          body: `Outbox post ${i}`,
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(100).fill(201));
    return results.map((r) => r.body);
  }

  async function unpublished(spaceId?: string): Promise<number> {
    const rows = await pg.query(
      `SELECT count(*)::int AS n FROM space_event_outbox ${spaceId ? 'WHERE space_id = $1' : ''}`,
      spaceId ? [spaceId] : [],
    );
    return rows.rows[0].n;
  }

  /** What a crash between commit and hand-on leaves: the events' rows back in the outbox. */
  async function leaveInOutbox(spaceId: string, onlyEveryThird = false): Promise<void> {
    await pg.query(
      `INSERT INTO space_event_outbox (space_id, seq, created_at)
       SELECT space_id, seq, created_at FROM space_events WHERE space_id = $1 AND ($2 = false OR seq % 3 = 0)
       ON CONFLICT DO NOTHING`,
      [spaceId, onlyEveryThird],
    );
  }

  /**
   * The client got seqs 1..n exactly once, in order; /events agrees; no row is left
   * unpublished. (A worker also translates what it sees: its `contribution.translated`
   * events come after, with seqs of their own.)
   */
  async function expectDeliveredOnce(hub: RunningProcess, s: Stage, n: number, posted: any[] = []): Promise<void> {
    const published = <T extends { type: string }>(list: T[]) =>
      list.filter((e) => e.type === 'contribution.published');
    await s.listener.waitFor(
      () => published(s.listener.eventsOf(s.spaceId)).length >= n,
      20_000,
      `${n} published events of space ${s.spaceId}`,
    );
    const events = published(s.listener.eventsOf(s.spaceId));
    expect(events.map((e) => e.seq)).toEqual(range(1, n));
    const byId = new Map(posted.map((p) => [p.id, p]));
    for (const e of events) {
      expect(e.type).toBe('contribution.published');
      const c = e.payload.contribution;
      expect(c.seq).toBe(e.seq);
      // (posts whose answer was lost with a killed process are checked by count instead)
      const p = byId.get(c.id);
      if (p) expect(c).toEqual(expect.objectContaining({ body: p.body, seq: p.seq }));
    }
    await eventually(async () => (await unpublished()) === 0, 10_000, 'the outbox to be empty');
    const log = expectStatus(
      await new Client(hub.url, s.members[1].token).get(`/spaces/${s.spaceId}/events?afterSeq=0`),
      200,
    ).body;
    expect(published(log.items).map((e: any) => e.seq)).toEqual(range(1, n));
    expect(log.lastSeq).toBeGreaterThanOrEqual(n);
    // once the outbox is empty, no sweeper sends anything again: still exactly n events, each seq once
    expect(published(s.listener.eventsOf(s.spaceId)).map((e) => e.seq)).toEqual(range(1, n));
    expect(new Set(s.listener.seqsOf(s.spaceId)).size).toBe(s.listener.seqsOf(s.spaceId).length);
  }

  const sweeps = (p: RunningProcess) => p.lines.filter((l) => l.includes('outbox sweeper published'));

  describe('swept by another api process', () => {
    let hub: RunningProcess;
    beforeAll(async () => {
      hub = await api(); // OUTBOX_SWEEPER unset: the sweeper runs
    });
    afterAll(() => hub?.stop());

    it('publishes 100 events committed by a process that could not relay them and was then killed -9', async () => {
      const s = await stage(hub);
      // process A commits, but its relay's Redis traffic reaches nobody (another key space):
      // as far as the rest of the system knows, nothing was published
      const a = await api({ OUTBOX_SWEEPER: 'false', REDIS_PREFIX: `${prefix}-cut-off` });
      const posted = await post100(a, s);
      await a.kill9();
      expect(posted.map((p) => p.seq).sort((x, y) => x - y)).toEqual(range(1, 100));
      // a crash between commit and publish leaves the events in the outbox
      await leaveInOutbox(s.spaceId);
      expect(s.listener.eventsOf(s.spaceId)).toEqual([]); // nothing reached the client from A

      await expectDeliveredOnce(hub, s, 100, posted);
      expect(sweeps(hub).length).toBeGreaterThan(0);
      // and the space goes on from seq 101 through the surviving process
      expectStatus(
        await new Client(hub.url, s.members[2].token).post(`/spaces/${s.spaceId}/contributions`, {
          body: 'After the crash',
        }),
        201,
      );
      expect((await s.listener.waitForSeq(s.spaceId, 101)).payload.contribution.body).toBe('After the crash');
    });

    it('delivers every event once when the relaying process is killed -9 in the middle of a burst', async () => {
      const s = await stage(hub);
      const a = await api({ OUTBOX_SWEEPER: 'false' });
      let answered = 0;
      let killing: Promise<void> | undefined;
      const attempts = await Promise.all(
        range(1, 100).map(
          (i) =>
            new Client(a.url, s.members[i % 3].token)
              .post(`/spaces/${s.spaceId}/contributions`, { body: `Burst ${i}` })
              .then((r) => {
                answered += 1;
                if (answered === 40) killing = a.kill9();
                return r;
              })
              .catch(() => undefined), // the connection died with the process
        ),
      );
      await (killing ?? a.kill9());
      const committed = Number(
        (await pg.query(`SELECT last_seq FROM space_event_heads WHERE space_id = $1`, [s.spaceId])).rows[0].last_seq,
      );
      const ok = attempts.filter((r) => r?.status === 201);
      expect(ok.length).toBeGreaterThanOrEqual(40);
      expect(committed).toBeGreaterThanOrEqual(ok.length);
      // simulate the crash window for a third of them: committed, not yet published
      await leaveInOutbox(s.spaceId, true);

      await expectDeliveredOnce(
        hub,
        s,
        committed,
        ok.map((r) => r!.body),
      );
      const rows = await pg.query(
        `SELECT count(*)::int AS n FROM contributions WHERE space_id = $1 AND status = 'published'`,
        [s.spaceId],
      );
      expect(rows.rows[0].n).toBe(committed);
    });

    it('lets go of outbox rows whose events went with their question, publishing nothing', async () => {
      const s = await stage(hub);
      const gone = randomUUID();
      const sweptBefore = sweeps(hub).length;
      await pg.query(
        `INSERT INTO space_event_outbox (space_id, seq, created_at) SELECT $1, n, now() - interval '1 minute' FROM generate_series(1, 3) n`,
        [gone],
      );
      await eventually(async () => (await unpublished(gone)) === 0, 15_000, 'the orphaned outbox rows to go');
      expect(sweeps(hub).length).toBe(sweptBefore); // nothing was published for them
      // and what is really there is still handed on
      const posted = expectStatus(
        await s.members[0].client.post(`/spaces/${s.spaceId}/contributions`, { body: 'After the cleanup' }),
        201,
      ).body;
      expect((await s.listener.waitForSeq(s.spaceId, posted.seq)).payload.contribution.id).toBe(posted.id);
    });
  });

  describe('swept by the worker', () => {
    let hub: RunningProcess;
    let worker: RunningProcess;
    beforeAll(async () => {
      [hub, worker] = await Promise.all([api({ OUTBOX_SWEEPER: 'false' }), startWorker(env()).then(track)]);
    });
    afterAll(() => stopAll([hub, worker]));

    it('publishes through the worker when no api process sweeps', async () => {
      const s = await stage(hub);
      const a = await api({ OUTBOX_SWEEPER: 'false', REDIS_PREFIX: `${prefix}-cut-off` });
      const posted = await post100(a, s);
      await a.kill9();
      await leaveInOutbox(s.spaceId);

      await expectDeliveredOnce(hub, s, 100, posted);
      expect(sweeps(worker).length).toBeGreaterThan(0);
      expect(sweeps(hub)).toEqual([]);
    });
  });

  describe('what is queued', () => {
    let hub: RunningProcess;
    beforeAll(async () => {
      hub = await api(); // no worker: the jobs stay on the queue to be looked at
    });
    afterAll(() => hub?.stop());

    it('puts on the space-events queue only the events the worker reacts to, every event still reaching clients', async () => {
      const s = await stage(hub);
      const posted = expectStatus(
        await s.members[0].client.post(`/spaces/${s.spaceId}/contributions`, { body: 'Queued once, for translation' }),
        201,
      ).body;
      for (const action of ['hide', 'restore', 'pin'] as const) {
        expectStatus(
          await s.org.post(`/contributions/${posted.id}/moderation`, { action, reason: 'Checking what is queued' }),
          200,
          action,
        );
      }
      await s.listener.waitForCount(s.spaceId, 4, 20_000);
      expect(s.listener.eventsOf(s.spaceId).map((e) => e.type)).toEqual([
        'contribution.published',
        'contribution.hidden',
        'contribution.restored',
        'contribution.updated',
      ]);
      await eventually(
        async () => (await unpublished(s.spaceId)) === 0,
        10_000,
        'every event of the space to leave the outbox',
      );

      const url = new URL(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
      const queue = new Queue(QueueName.SpaceEvents, {
        connection: { host: url.hostname, port: Number(url.port || 6379) },
        prefix: `${prefix}:bull`,
      });
      try {
        const jobs = await queue.getJobs(['waiting', 'active', 'delayed', 'completed', 'failed', 'prioritized']);
        const ofSpace = jobs.flatMap((j) => j.data.events).filter((e) => e.spaceId === s.spaceId);
        // published, restored and the pin's update call for translation; the hide does not
        expect(ofSpace.map((e) => `${e.seq} ${e.type}`).sort()).toEqual([
          '1 contribution.published',
          '3 contribution.restored',
          '4 contribution.updated',
        ]);
      } finally {
        await queue.close();
      }
    });
  });
});
