import { Client, Reply, registerUser, startTestApi, TestApi, TestUser } from './support/test-api';
import { buildWorld, expectErrorShape, expectStatus, World } from './support/world';

/**
 * Who may use the moderation routes, as a table: each route × {anonymous, participant,
 * moderator of another space, moderator, organiser} → the exact status expected. Every
 * call that changes something gets a fresh contribution, so the rows do not depend on
 * each other.
 */
const CALLERS = ['anonymous', 'participant', 'otherModerator', 'moderator', 'organiser'] as const;
type Caller = (typeof CALLERS)[number];

interface Fixtures extends World {
  author: TestUser;
  target: TestUser;
  otherModerator: TestUser;
  /** a published contribution in space A by `author` */
  fresh(): Promise<string>;
}

interface Row {
  method: 'GET' | 'POST';
  path: (f: Fixtures) => Promise<string> | string;
  body?: (f: Fixtures) => unknown;
  expect: Record<Caller, number>;
}

const soon = () => new Date(Date.now() + 3600_000).toISOString();
const MODERATORS_ONLY = (ok: number): Record<Caller, number> => ({
  anonymous: 401,
  participant: 403,
  otherModerator: 403,
  moderator: ok,
  organiser: ok,
});

const TABLE: Record<string, Row> = {
  'GET /spaces/:id/moderation/queue': {
    method: 'GET',
    path: (f) => `/spaces/${f.spaceA}/moderation/queue`,
    expect: MODERATORS_ONLY(200),
  },
  'GET /spaces/:id/moderation/log': {
    method: 'GET',
    path: (f) => `/spaces/${f.spaceA}/moderation/log`,
    expect: MODERATORS_ONLY(200),
  },
  'GET /spaces/:id/moderation/log?format=csv': {
    method: 'GET',
    path: (f) => `/spaces/${f.spaceA}/moderation/log?format=csv`,
    expect: MODERATORS_ONLY(200),
  },
  'POST /contributions/:id/moderation (hide)': {
    method: 'POST',
    path: async (f) => `/contributions/${await f.fresh()}/moderation`,
    body: () => ({ action: 'hide', reason: 'Access table' }),
    expect: MODERATORS_ONLY(200),
  },
  'POST /contributions/:id/moderation (lock)': {
    method: 'POST',
    path: async (f) => `/contributions/${await f.fresh()}/moderation`,
    body: () => ({ action: 'lock' }),
    expect: MODERATORS_ONLY(200),
  },
  'POST /contributions/:id/flags': {
    method: 'POST',
    path: async (f) => `/contributions/${await f.fresh()}/flags`,
    body: () => ({ reason: 'abusive' }),
    // any member of the space; the other space's moderator is not one
    expect: { anonymous: 401, participant: 201, otherModerator: 403, moderator: 201, organiser: 201 },
  },
  'POST /spaces/:id/suspensions': {
    method: 'POST',
    path: (f) => `/spaces/${f.spaceA}/suspensions`,
    body: (f) => ({ userId: f.target.id, until: soon(), reason: 'Access table' }),
    expect: MODERATORS_ONLY(201),
  },
  'GET /spaces/:id/suspensions': {
    method: 'GET',
    path: (f) => `/spaces/${f.spaceA}/suspensions`,
    expect: MODERATORS_ONLY(200),
  },
  'POST /spaces/:id/suspensions/:suspensionId/lift': {
    method: 'POST',
    path: async (f) => {
      const suspension = await f.organiser.client.post(`/spaces/${f.spaceA}/suspensions`, {
        userId: f.target.id,
        until: soon(),
        reason: 'To be lifted',
      });
      return `/spaces/${f.spaceA}/suspensions/${expectStatus(suspension, 201, 'suspend').body.id}/lift`;
    },
    body: () => ({ reason: 'Access table' }),
    expect: MODERATORS_ONLY(200),
  },
  'GET /spaces/:id/members': {
    method: 'GET',
    path: (f) => `/spaces/${f.spaceA}/members?q=test`,
    expect: MODERATORS_ONLY(200),
  },
  'POST /spaces/:id/warnings': {
    method: 'POST',
    path: (f) => `/spaces/${f.spaceA}/warnings`,
    body: (f) => ({ userId: f.target.id, reason: 'Access table' }),
    expect: MODERATORS_ONLY(201),
  },
  'GET /me/moderation': {
    method: 'GET',
    path: () => '/me/moderation',
    expect: { anonymous: 401, participant: 200, otherModerator: 200, moderator: 200, organiser: 200 },
  },
};

describe('moderation routes × callers (table-driven)', () => {
  let api: TestApi;
  let f: Fixtures;
  let clients: Record<Caller, Client>;

  beforeAll(async () => {
    api = await startTestApi({
      POST_MIN_INTERVAL_MS: '0',
      POSTS_PER_MINUTE: '100000',
      REGISTRATIONS_PER_HOUR: '100000',
    });
    const world = await buildWorld(api);
    const [author, target, otherModerator] = await Promise.all(
      ['author', 'target', 'other-moderator'].map((tag) => registerUser(api.url, { tag })),
    );
    expectStatus(await author.client.post(`/spaces/${world.spaceA}/members`), 201, 'author joins A');
    expectStatus(await target.client.post(`/spaces/${world.spaceA}/members`), 201, 'target joins A');
    expectStatus(
      await world.organiser.client.put(`/spaces/${world.spaceB}/roles/${otherModerator.id}`, { role: 'moderator' }),
      200,
      'moderator of B',
    );
    let n = 0;
    f = {
      ...world,
      author,
      target,
      otherModerator,
      fresh: async () =>
        expectStatus(
          await author.client.post(`/spaces/${world.spaceA}/contributions`, {
            body: `Access table contribution ${(n += 1)}`,
          }),
          201,
        ).body.id,
    };
    clients = {
      anonymous: new Client(api.url),
      participant: world.participant.client,
      otherModerator: otherModerator.client,
      moderator: world.moderator.client,
      organiser: world.organiser.client,
    };
  });
  afterAll(() => api?.close());

  it('gives each caller exactly the expected status on every moderation route', async () => {
    const problems: string[] = [];
    for (const [name, row] of Object.entries(TABLE)) {
      for (const caller of CALLERS) {
        const res: Reply = await clients[caller].request(row.method, await row.path(f), row.body?.(f));
        if (res.status !== row.expect[caller])
          problems.push(
            `${name} as ${caller}: expected ${row.expect[caller]}, got ${res.status} ${JSON.stringify(res.body).slice(0, 160)}`,
          );
        else if (res.status >= 400) expectErrorShape(res, res.status);
      }
    }
    expect(problems).toEqual([]);
  });

  it('keeps the moderator of space A out of space B, and shows no queue contents to those refused', async () => {
    const inB = expectStatus(
      await f.organiser.client.post(`/spaces/${f.spaceB}/contributions`, { body: 'Only B moderates this' }),
      201,
    ).body.id;
    expectErrorShape(
      await f.moderator.client.post(`/contributions/${inB}/moderation`, { action: 'hide', reason: 'Not mine' }),
      403,
    );
    expectErrorShape(await f.moderator.client.get(`/spaces/${f.spaceB}/moderation/queue`), 403);
    expectStatus(
      await f.otherModerator.client.post(`/contributions/${inB}/moderation`, { action: 'hide', reason: 'Mine' }),
      200,
      'B moderator hides',
    );
    const refused = await f.participant.client.get(`/spaces/${f.spaceA}/moderation/queue`);
    expect(JSON.stringify(refused.body)).not.toContain('Access table contribution');
  });
});
