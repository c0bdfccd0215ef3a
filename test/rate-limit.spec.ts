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
  let closedSpaceId: string;
  const users: TestUser[] = [];

  beforeAll(async () => {
    const common = {
      LOG_LEVEL: 'warn',
      ADMIN_EMAIL: adminEmail,
      ADMIN_PASSWORD: adminPassword,
      POSTS_PER_MINUTE: undefined,
    };
    const defaults = { ...common, POST_MIN_INTERVAL_MS: undefined };
    const noInterval = { ...common, POST_MIN_INTERVAL_MS: '0' };
    [a1, a2, b1, b2] = await Promise.all([
      startApi(defaults),
      startApi(defaults),
      startApi(noInterval),
      startApi(noInterval),
    ]);
    const login = expectStatus(
      await new Client(a1.url).post('/auth/login', { email: adminEmail, password: adminPassword }),
      200,
      'organiser login',
    );
    const org = new Client(a1.url, login.body.accessToken);
    const consultation = await createConsultation(org);
    const roundtable = await createRoundtable(org, consultation.id);
    spaceId = (await createSpace(org, roundtable.id)).id;
    closedSpaceId = (await createSpace(org, roundtable.id)).id;
    for (let i = 0; i < 7; i += 1) {
      const u = await registerUser(a1.url, { tag: `rate-${i}` });
      expectStatus(await u.client.post(`/spaces/${spaceId}/members`), 201, 'join');
      expectStatus(await u.client.post(`/spaces/${closedSpaceId}/members`), 201, 'join the space that closes');
      users.push(u);
    }
    expectStatus(await org.patch(`/spaces/${closedSpaceId}`, { status: 'closed' }), 200, 'close a space');
  }, 150_000); // four apis booting at once on a busy machine
  afterAll(() => stopAll([a1, a2, b1, b2]));

  const via = (proc: RunningProcess, user: TestUser) => new Client(proc.url, user.token);
  const post = (proc: RunningProcess, user: TestUser, body: string) =>
    via(proc, user).post(`/spaces/${spaceId}/contributions`, { body });

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

  it('charges nothing for a refused post: a reply to a missing parent, invalid input, a closed space, repeated text', async () => {
    const u = users[5];
    const missing = '00000000-0000-4000-8000-000000000000';
    const first = expectStatus(await post(b1, u, 'The one text this member repeats'), 201).body;
    const refusals = [
      [
        await via(b1, u).post(`/spaces/${spaceId}/contributions`, { body: 'A reply to nothing', parentId: missing }),
        404,
      ],
      [
        await via(b2, u).post(`/spaces/${spaceId}/contributions`, {
          body: 'A reply to nothing, again',
          parentId: missing,
        }),
        404,
      ],
      [await via(b1, u).post(`/spaces/${spaceId}/contributions`, { body: '' }), 400],
      [await via(b2, u).post(`/spaces/${spaceId}/contributions`, { body: 'Bad language', language: 'xx' }), 400],
      [await via(b1, u).post(`/spaces/${spaceId}/contributions`, { body: 'Bad parent', parentId: 'not-an-id' }), 400],
      [await via(b1, u).post(`/spaces/${closedSpaceId}/contributions`, { body: 'Into a closed space' }), 409],
      [await via(b2, u).post(`/spaces/${closedSpaceId}/contributions`, { body: 'Into a closed space, again' }), 409],
      [await post(b2, u, 'The one text this member repeats'), 429],
      [await post(b1, u, 'the one text this member repeats '), 429],
    ] as const;
    for (const [res, status] of refusals) expectErrorShape(res, status);
    // nine refusals later, nine more posts (ten in all) fit in the minute
    const statuses: number[] = [];
    for (let i = 0; i < 9; i += 1)
      statuses.push((await post(i % 2 ? b2 : b1, u, `Accepted after the refusals ${i + 1}`)).status);
    expect(statuses).toEqual(Array(9).fill(201));
    expectLimited(await post(b1, u, 'The eleventh accepted one'), 60);
    expect(first.status).toBe('published');
  });

  it('keeps the minimum interval for posts that were written, not for refused ones', async () => {
    const u = users[6];
    expectErrorShape(
      await via(a1, u).post(`/spaces/${spaceId}/contributions`, {
        body: 'Reply to a contribution that is not there',
        parentId: '00000000-0000-4000-8000-000000000000',
      }),
      404,
    );
    // had the 404 cost a post, this would be 429 for 3 seconds
    expectStatus(await post(a2, u, 'Right after the refused reply'), 201, 'post right after a refused one');
    expectLimited(await post(a1, u, 'But not right after an accepted one'), 3);
  });
});

describe('PostingRateLimiter: a refused post does not use up the budget', () => {
  const prefix = `${process.env.REDIS_PREFIX ?? 'rt-test'}-ratelimit-${randomUUID()}`;
  const config = loadConfig({
    ...process.env,
    REDIS_PREFIX: prefix,
    POSTS_PER_MINUTE: '2',
    POST_MIN_INTERVAL_MS: '1000',
  });
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
