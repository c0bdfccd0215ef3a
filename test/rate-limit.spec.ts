import { randomUUID } from 'node:crypto';
import { DomainError, loadConfig, RedisConnections } from '@roundtable/core';
import { PostingRateLimiter } from '../libs/contributions/src/rate-limits/posting-rate-limiter';
import { RunningProcess, startApi, stopAll } from './support/processes';
import { Client, registerUser, TestUser, uniqueEmail } from './support/test-api';
import { createConsultation, createRoundtable, createSpace, expectErrorShape, expectStatus } from './support/world';

/**
 * Posting limits per member, kept in Redis so that they hold across api processes.
 * Processes `a1`/`a2` run the defaults (10 per minute, 1 per 3 s); `b1`/`b2` keep the
 * default per-minute budget but no minimum interval, so the budget can be reached
 * without waiting 27 s.
 */
describe('posting rate limits across two api processes', () => {
  const adminEmail = uniqueEmail('rate-admin');
  const adminPassword = 'rate-admin-password-1';
  let a1: RunningProcess;
  let a2: RunningProcess;
  let b1: RunningProcess;
  let b2: RunningProcess;
  let spaceId: string;
  const users: TestUser[] = [];

  beforeAll(async () => {
    const common = { LOG_LEVEL: 'warn', ADMIN_EMAIL: adminEmail, ADMIN_PASSWORD: adminPassword, POSTS_PER_MINUTE: undefined };
    const defaults = { ...common, POST_MIN_INTERVAL_MS: undefined };
    const noInterval = { ...common, POST_MIN_INTERVAL_MS: '0' };
    [a1, a2, b1, b2] = await Promise.all([startApi(defaults), startApi(defaults), startApi(noInterval), startApi(noInterval)]);
    const login = expectStatus(await new Client(a1.url).post('/auth/login', { email: adminEmail, password: adminPassword }), 200, 'organiser login');
    const org = new Client(a1.url, login.body.accessToken);
    const consultation = await createConsultation(org);
    const roundtable = await createRoundtable(org, consultation.id);
    spaceId = (await createSpace(org, roundtable.id)).id;
    for (let i = 0; i < 5; i += 1) {
      const u = await registerUser(a1.url, { tag: `rate-${i}` });
      expectStatus(await u.client.post(`/spaces/${spaceId}/members`), 201, 'join');
      users.push(u);
    }
  });
  afterAll(() => stopAll([a1, a2, b1, b2]));

  const via = (proc: RunningProcess, user: TestUser) => new Client(proc.url, user.token);
  const post = (proc: RunningProcess, user: TestUser, body: string) => via(proc, user).post(`/spaces/${spaceId}/contributions`, { body });

  function expectLimited(res: Awaited<ReturnType<typeof post>>, maxSeconds: number): number {
    expectErrorShape(res, 429);
    expect(res.body.message).toMatch(/too fast/i);
    const retryAfter = res.headers.get('retry-after');
    expect(retryAfter).toMatch(/^\d+$/);
    const seconds = Number(retryAfter);
    expect(seconds).toBeGreaterThanOrEqual(1);
    expect(seconds).toBeLessThanOrEqual(maxSeconds);
    return seconds;
  }

  it('answers a second post within 3 seconds with 429 and Retry-After, and writes nothing', async () => {
    const [u] = users;
    const first = expectStatus(await post(a1, u, 'First thought'), 201).body;
    const second = await post(a1, u, 'Second thought, too soon');
    expectLimited(second, 3);
    // the refused post left no trace
    const log = expectStatus(await via(a1, u).get(`/spaces/${spaceId}/events?afterSeq=${first.seq - 1}`), 200).body;
    expect(log.items.map((e: any) => e.payload.contribution?.body)).not.toContain('Second thought, too soon');
    // another member is not affected
    expectStatus(await post(a1, users[1], 'Someone else, right away'), 201);
  });

  it('holds the minimum interval across processes', async () => {
    const u = users[2];
    expectStatus(await post(a1, u, 'Posted through a1'), 201);
    expectLimited(await post(a2, u, 'Then through a2 at once'), 3);
    expectLimited(await post(a1, u, 'And back to a1'), 3);
  });

  it('shares the per-minute budget of 10 between the processes', async () => {
    const u = users[3];
    const statuses: number[] = [];
    for (let i = 0; i < 10; i += 1) {
      const res = await post(i % 2 ? b2 : b1, u, `Budget post ${i + 1}`);
      statuses.push(res.status);
    }
    expect(statuses).toEqual(Array(10).fill(201)); // 5 through each process
    const seconds = expectLimited(await post(b1, u, 'The eleventh, through b1'), 60);
    expect(seconds).toBeGreaterThan(3); // the minute budget, not an interval
    expectLimited(await post(b2, u, 'The eleventh, through b2'), 60);
    // the limit is per member
    expectStatus(await post(b2, users[4], 'A fresh member'), 201);
  });
});

describe('PostingRateLimiter: a refused post does not use up the budget', () => {
  const prefix = `${process.env.REDIS_PREFIX ?? 'rt-test'}-ratelimit-${randomUUID()}`;
  const config = loadConfig({ ...process.env, REDIS_PREFIX: prefix, POSTS_PER_MINUTE: '2', POST_MIN_INTERVAL_MS: '1000' });
  const redis = new RedisConnections(config);
  const limiter = new PostingRateLimiter(redis, config);
  afterAll(() => redis.onApplicationShutdown());

  async function refusal(userId: string): Promise<DomainError | undefined> {
    try {
      await limiter.consume(userId);
      return undefined;
    } catch (err) {
      return err as DomainError;
    }
  }

  it('lets the second post of the minute through after the interval, however many early attempts were refused', async () => {
    const user = randomUUID();
    expect(await refusal(user)).toBeUndefined();
    // a client retrying too early is refused each time...
    let retryAfter = 0;
    for (let i = 0; i < 3; i += 1) {
      const err = await refusal(user);
      expect(err?.status).toBe(429);
      retryAfter = Number(err!.headers['Retry-After']);
    }
    expect(retryAfter).toBe(1);
    // ...but once it waits as told (Retry-After), its second post of the minute is accepted
    await new Promise((r) => setTimeout(r, retryAfter * 1000 + 50));
    expect(await refusal(user)).toBeUndefined();
    // and the third is refused for the rest of the minute
    const third = await refusal(user);
    expect(third?.status).toBe(429);
    expect(Number(third!.headers['Retry-After'])).toBeGreaterThan(1);
  });
});
