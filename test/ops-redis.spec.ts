import { LiveClient } from './support/live-client';
import { bootProcess as boot, RunningProcess, startProcess, stopAll, uniquePrefix } from './support/processes';
import { OwnServer, startOwnRedis } from './support/own-services';
import { Client, eventually, registerUser, uniqueEmail } from './support/test-api';
import { createConsultation, createRoundtable, createSpace, expectStatus } from './support/world';

// several compiled processes boot per test; on a busy machine that alone can take a minute
jest.setTimeout(240_000);

/**
 * Redis as operators meet it: the settings checked at boot, and an outage. Each test runs
 * a redis-server of its own (never the machine's), so it can be misconfigured or killed.
 */
describe('Redis: settings checked at boot; 503 while it is away; recovery without a restart', () => {
  const servers: OwnServer[] = [];
  const procs: RunningProcess[] = [];
  const clients: LiveClient[] = [];
  const prefix = uniquePrefix('opsredis');

  afterAll(async () => {
    for (const c of clients) c.close();
    await stopAll(procs);
    await Promise.all(servers.map((s) => s.destroy()));
  });

  async function exitOf(proc: RunningProcess, timeoutMs = 60_000): Promise<number | null> {
    await eventually(() => !proc.alive, timeoutMs, `${proc.kind} to exit`);
    return proc.child.exitCode;
  }

  it('refuses to start the api and the worker when maxmemory-policy is not noeviction, with a message naming it', async () => {
    const lru = await startOwnRedis(['--maxmemory-policy', 'allkeys-lru']);
    servers.push(lru);
    for (const kind of ['api', 'worker'] as const) {
      const proc = await startProcess(kind, { REDIS_URL: lru.url, REDIS_PREFIX: prefix });
      procs.push(proc);
      expect(await exitOf(proc)).toBe(1);
      const output = proc.lines.join('\n');
      expect(output).toContain('maxmemory-policy=allkeys-lru');
      expect(output).toContain('needs noeviction');
    }
  });

  it('starts in production against a Redis without persistence, but warns that jobs would be lost on restart', async () => {
    const volatile = await startOwnRedis(['--appendonly', 'no']);
    servers.push(volatile);
    const api = await boot('api', {
      REDIS_URL: volatile.url,
      REDIS_PREFIX: prefix,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
    });
    procs.push(api);
    expect(api.lines.some((l) => l.includes('persistence off'))).toBe(true);
    await api.stop();
    // the same Redis in development mode: no warning
    const dev = await boot('api', { REDIS_URL: volatile.url, REDIS_PREFIX: prefix, LOG_LEVEL: 'warn' });
    procs.push(dev);
    expect(dev.lines.some((l) => l.includes('persistence off'))).toBe(false);
    await dev.stop();
  });

  it('answers 503 on /health/ready within 2 s and on posting while Redis is down, then catches up by itself', async () => {
    const redis = await startOwnRedis();
    servers.push(redis);
    const adminEmail = uniqueEmail('opsredis-admin');
    const adminPassword = 'opsredis-admin-pass-1';
    const api = await boot('api', {
      REDIS_URL: redis.url,
      REDIS_PREFIX: prefix,
      ADMIN_EMAIL: adminEmail,
      ADMIN_PASSWORD: adminPassword,
      POSTS_PER_MINUTE: '100000',
      POST_MIN_INTERVAL_MS: '0',
    });
    procs.push(api);
    const login = expectStatus(
      await new Client(api.url).post('/auth/login', { email: adminEmail, password: adminPassword }),
      200,
    );
    const org = new Client(api.url, login.body.accessToken);
    const member = await registerUser(api.url, { tag: 'opsredis' });
    const spaceId = (await createSpace(org, (await createRoundtable(org, (await createConsultation(org)).id)).id)).id;
    expectStatus(await member.client.post(`/spaces/${spaceId}/members`), 201);
    const listener = await LiveClient.connect(api.url, member.token);
    clients.push(listener);
    expect((await listener.join(spaceId, 0)).ok).toBe(true);
    expectStatus(await member.client.post(`/spaces/${spaceId}/contributions`, { body: 'Before the outage' }), 201);
    await listener.waitForSeq(spaceId, 1);

    await redis.kill('SIGKILL');
    const started = Date.now();
    const ready = await new Client(api.url).get('/health/ready');
    const took = Date.now() - started;
    expect(ready.status).toBe(503);
    expect(took).toBeLessThan(2000);
    expect(ready.body.message).toMatch(/redis down/);

    const refused = await member.client.post(`/spaces/${spaceId}/contributions`, { body: 'During the outage' });
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBeTruthy();
    // reads that do not need Redis still work; nothing answers 500
    expect((await member.client.get(`/spaces/${spaceId}/contributions`)).status).toBe(200);
    expect((await member.client.get('/me')).status).toBe(200);

    await redis.start();
    // no restart of the api: its connections come back with backoff (at most 5 s apart)
    await eventually(
      async () => (await new Client(api.url).get('/health/ready')).status === 200,
      20_000,
      'readiness after Redis returns',
    );
    const after = await eventually(
      async () => {
        const res = await member.client.post(`/spaces/${spaceId}/contributions`, { body: 'After the outage' });
        return res.status === 201 ? res : undefined;
      },
      20_000,
      'posting to work again',
    );
    expect(after.body.seq).toBe(2);
    const event = await listener.waitForSeq(spaceId, 2, 20_000);
    expect(event.payload.contribution.body).toBe('After the outage');
    expect(listener.seqsOf(spaceId)).toEqual([1, 2]);
    expect(api.alive).toBe(true);
  });
});
