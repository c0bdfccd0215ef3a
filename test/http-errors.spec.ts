import { Client, eventually, registerUser, Reply, startTestApi, TestApi, TestUser } from './support/test-api';
import { CompiledApi, startCompiledApi } from './support/compiled-api';
import { expectErrorShape, messageOf } from './support/world';

/** JSON larger than any body limit the api accepts (the default is 256 KiB). */
const twoMegabytes = () => JSON.stringify({ displayName: 'x'.repeat(2 * 1024 * 1024) });

/**
 * Bad requests a client can send. Each gets a 4xx in the API's error shape, never a 500.
 * `token` is the token to send (some checks only happen after authentication).
 */
function badRequests(token: string) {
  const auth = { authorization: `Bearer ${token}` };
  return [
    {
      name: '2 MB JSON body',
      method: 'PATCH',
      path: '/api/v1/me',
      body: twoMegabytes(),
      headers: { ...auth, 'content-type': 'application/json' },
      status: 413,
    },
    {
      name: '2 MB JSON body, anonymous',
      method: 'POST',
      path: '/api/v1/auth/register',
      body: twoMegabytes(),
      headers: { 'content-type': 'application/json' },
      status: 413,
    },
    {
      name: 'malformed JSON',
      method: 'POST',
      path: '/api/v1/auth/login',
      body: '{"email": "a@example.org", "password": ',
      headers: { 'content-type': 'application/json' },
      status: 400,
    },
    {
      name: 'malformed JSON, signed in',
      method: 'PATCH',
      path: '/api/v1/me',
      body: '{not json}',
      headers: { ...auth, 'content-type': 'application/json' },
      status: 400,
    },
    {
      name: 'an unknown field',
      method: 'PATCH',
      path: '/api/v1/me',
      body: JSON.stringify({ displayName: 'Ok', favouriteColour: 'teal' }),
      headers: { ...auth, 'content-type': 'application/json' },
      status: 400,
    },
    {
      name: 'a wrongly typed field',
      method: 'POST',
      path: '/api/v1/auth/login',
      body: JSON.stringify({ email: ['a'], password: { $ne: null } }),
      headers: { 'content-type': 'application/json' },
      status: 400,
    },
    {
      name: 'a JSON array instead of an object',
      method: 'POST',
      path: '/api/v1/auth/login',
      body: '[1,2,3]',
      headers: { 'content-type': 'application/json' },
      status: 400,
    },
    {
      name: 'JSON null',
      method: 'POST',
      path: '/api/v1/auth/login',
      body: 'null',
      headers: { 'content-type': 'application/json' },
      status: 400,
    },
    { name: 'an unknown route', method: 'GET', path: '/api/v1/no-such-route', headers: {}, status: 404 },
    {
      name: 'an unknown route, signed in',
      method: 'POST',
      path: '/api/v1/spaces/nope/nothing-here',
      body: '{}',
      headers: { ...auth, 'content-type': 'application/json' },
      status: 404,
    },
    { name: 'a malformed id', method: 'GET', path: '/api/v1/spaces/not-a-uuid', headers: auth, status: [400, 404] },
    {
      name: 'an id that does not exist',
      method: 'GET',
      path: '/api/v1/consultations/00000000-0000-4000-8000-000000000000',
      headers: auth,
      status: 404,
    },
    {
      name: 'null for a required profile field',
      method: 'PATCH',
      path: '/api/v1/me',
      body: JSON.stringify({ displayName: null }),
      headers: { ...auth, 'content-type': 'application/json' },
      status: 400,
    },
    {
      name: 'an out-of-range page size',
      method: 'GET',
      path: '/api/v1/consultations?limit=100000',
      headers: auth,
      status: 400,
    },
  ] as Array<{
    name: string;
    method: string;
    path: string;
    body?: string;
    headers: Record<string, string>;
    status: number | number[];
  }>;
}

async function send(base: string, req: ReturnType<typeof badRequests>[number]): Promise<Reply> {
  const res = await fetch(`${base}${req.path}`, { method: req.method, headers: req.headers, body: req.body });
  const text = await res.text();
  let body: any = text;
  try {
    body = JSON.parse(text);
  } catch {
    // left as text: the assertion on the shape will fail and show it
  }
  return { status: res.status, body, headers: res.headers };
}

describe('bad requests get 4xx in the error shape, never a 500', () => {
  let api: TestApi;
  let user: TestUser;

  beforeAll(async () => {
    api = await startTestApi();
    user = await registerUser(api.url);
  });
  afterAll(() => api.close());

  it.each(badRequests('token').map((req, i) => [req.name, i] as const))('%s', async (_name, i) => {
    const req = badRequests(user.token)[i];
    const res = await send(api.url, req);
    const expected = Array.isArray(req.status) ? req.status : [req.status];
    if (!expected.includes(res.status)) {
      throw new Error(
        `${req.name}: expected ${expected.join(' or ')}, got ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`,
      );
    }
    expectErrorShape(res);
  });

  it('says what was wrong: body too large, malformed JSON, which field is unknown, which route is missing', async () => {
    const reqs = badRequests(user.token);
    const byName = async (name: string) =>
      send(
        api.url,
        reqs.find((r) => r.name === name)!,
      );
    const [big, malformed, unknown, route] = await Promise.all(
      ['2 MB JSON body', 'malformed JSON', 'an unknown field', 'an unknown route'].map(byName),
    );
    expect(big.body).toMatchObject({ statusCode: 413, error: 'Payload Too Large' });
    expect(messageOf(big)).toMatch(/too large/i);
    expect(malformed.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect(messageOf(malformed)).toMatch(/JSON/);
    expect(messageOf(unknown)).toMatch(/favouriteColour/);
    expect(route.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
  });

  it('answers every upload past the limit with 413 and keeps the connection usable', async () => {
    const big = badRequests(user.token).find((r) => r.name === '2 MB JSON body')!;
    const replies = await Promise.allSettled(Array.from({ length: 12 }, () => send(api.url, big)));
    expect(
      replies.map((r) => (r.status === 'fulfilled' ? r.value.status : String(r.reason?.cause ?? r.reason))),
    ).toEqual(Array(12).fill(413));
    // the body was read to its end, so the connection can carry the client's next request
    const last = replies[replies.length - 1] as PromiseFulfilledResult<Reply>;
    expect(last.value.headers.get('connection')).not.toBe('close');
  });

  it('leaves the profile unchanged after a refused update', async () => {
    const res = await new Client(api.url, user.token).patch('/me', { displayName: 'Changed', favouriteColour: 'teal' });
    expectErrorShape(res, 400);
    expect((await user.client.get('/me')).body.displayName).toBe('Test Person');
  });
});

describe('bad requests are not logged as errors (compiled api, LOG_LEVEL=info)', () => {
  let proc: CompiledApi;
  let user: TestUser;

  beforeAll(async () => {
    proc = await startCompiledApi({ LOG_LEVEL: 'info' });
    await proc.ready();
    user = await registerUser(proc.url);
  }, 150_000);
  afterAll(() => proc?.stop());

  it('logs no line at level error or above and no stack trace for any bad request', async () => {
    const requests = badRequests(user.token);
    const marker = `bad-requests-${Date.now()}`;
    const answers: string[] = [];
    for (const req of requests) {
      const res = await send(proc.url, {
        ...req,
        headers: { ...req.headers, 'x-request-id': `${marker}-${requests.indexOf(req)}` },
      });
      answers.push(`${req.name}: ${res.status}`);
    }
    // pino writes asynchronously: wait until the request log lines for all of them are there
    await eventually(
      () => requests.every((_, i) => proc.stdout.some((line) => line.includes(`${marker}-${i}`))),
      10_000,
      'a log line for every bad request',
    ).catch(() => undefined); // a request that is not logged at all is fine; we check what was logged
    const records = proc.logRecords();
    expect(records.length).toBeGreaterThan(0); // the logger does write JSON lines at info
    const errors = records.filter((r) => typeof r.level === 'number' && r.level >= 50);
    expect(errors.map((r) => JSON.stringify(r).slice(0, 500))).toEqual([]);
    const stacks = [...proc.stdout, ...proc.stderr].filter((line) => /\n?\s+at .+\(.+:\d+:\d+\)|"stack":/.test(line));
    expect(stacks.map((l) => l.slice(0, 500))).toEqual([]);
    expect(answers.filter((a) => !/: 4\d\d$/.test(a))).toEqual([]);
  });
});
