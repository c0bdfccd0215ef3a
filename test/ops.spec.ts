import { LiveClient } from './support/live-client';
import { startCompiledApi } from './support/compiled-api';
import { Client, eventually, registerUser, startTestApi, TestApi, uniqueEmail } from './support/test-api';
import { buildWorld, expectErrorShape, expectStatus, World } from './support/world';

/** Every series /metrics must expose (acceptance 5), by name. */
const SERIES = [
  'roundtable_http_request_duration_seconds',
  'roundtable_http_requests_in_flight',
  'roundtable_socket_connections',
  'roundtable_outbox_events_relayed_total',
  'roundtable_outbox_events_deferred_total',
  'roundtable_outbox_unpublished_events',
  'roundtable_outbox_oldest_unpublished_age_seconds',
  'roundtable_queue_jobs',
  'roundtable_queue_jobs_processed_total',
  'roundtable_translation_duration_seconds',
  'roundtable_digest_emails_total',
  'roundtable_redis_up',
  'roundtable_process_resident_memory_bytes',
  'roundtable_nodejs_eventloop_lag_seconds',
];

/** GET /metrics (outside /api/v1) as text. */
async function scrape(
  base: string,
  token?: string,
): Promise<{ status: number; text: string; type: string | null; body: any }> {
  const res = await fetch(`${base}/metrics`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const text = await res.text();
  let body: any = text;
  try {
    body = JSON.parse(text);
  } catch {
    // the exposition format is not JSON
  }
  return { status: res.status, text, type: res.headers.get('content-type'), body };
}

/** The value of one sample line `name{labels} value` whose labels include all of `labels`. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    if (Object.entries(labels).every(([k, v]) => line.includes(`${k}="${v}"`))) return Number(line.split(' ').pop());
  }
  return undefined;
}

/**
 * What operators and members rely on besides the main features: Prometheus metrics, the
 * queue dashboard behind organiser auth, security headers and CORS, the registration
 * limit, the audit of one's own data and account deletion.
 */
describe('operations and security', () => {
  let api: TestApi;
  let world: World;

  beforeAll(async () => {
    api = await startTestApi({ POST_MIN_INTERVAL_MS: '0', POSTS_PER_MINUTE: '100000' });
    world = await buildWorld(api);
  });
  afterAll(() => api?.close());

  describe('GET /metrics', () => {
    it('exposes HTTP latency, sockets, the outbox, queues, translation and digest series, counting what happens', async () => {
      const listener = await LiveClient.connect(api.url, world.participant.token);
      try {
        expect((await listener.join(world.spaceA, 0)).ok).toBe(true);
        const before = (await scrape(api.url)).text;
        const posted = expectStatus(
          await world.participant.client.post(`/spaces/${world.spaceA}/contributions`, {
            body: 'Counted by the metrics',
          }),
          201,
        ).body;
        await listener.waitForSeq(world.spaceA, posted.seq);
        const res = await eventually(
          async () => {
            const r = await scrape(api.url);
            return (sample(r.text, 'roundtable_outbox_events_relayed_total', { via: 'relay' }) ?? 0) >
              (sample(before, 'roundtable_outbox_events_relayed_total', { via: 'relay' }) ?? 0)
              ? r
              : undefined;
          },
          5000,
          'the relayed counter to rise',
        );
        expect(res.type).toMatch(/^text\/plain/);
        const text = res.text;
        for (const name of SERIES) expect(text).toContain(`# TYPE ${name} `);
        expect(sample(text, 'roundtable_socket_connections', { process: 'api' })).toBeGreaterThanOrEqual(1);
        expect(
          sample(text, 'roundtable_http_request_duration_seconds_count', {
            route: '/api/v1/spaces/:id/contributions',
            method: 'POST',
            status_code: '201',
          }),
        ).toBeGreaterThanOrEqual(1);
        expect(sample(text, 'roundtable_queue_jobs', { queue: 'space-events', state: 'failed' })).toBe(0);
        expect(sample(text, 'roundtable_digest_emails_total', { outcome: 'bounced' })).toBe(0); // present, and nothing bounced here
        expect(sample(text, 'roundtable_redis_up')).toBe(1);
        // route templates, never raw ids: no label carries a uuid
        expect(text).not.toMatch(/route="[^"]*[0-9a-f]{8}-[0-9a-f]{4}-/);
      } finally {
        listener.close();
      }
    });

    it('asks for METRICS_TOKEN when one is configured', async () => {
      const guarded = await startTestApi({ METRICS_TOKEN: 'metrics-token-for-the-test-0001' });
      try {
        for (const token of [undefined, 'metrics-token-for-the-test-0002']) {
          const refused = await scrape(guarded.url, token);
          expect(refused.status).toBe(401);
          expect(refused.body).toEqual({
            statusCode: 401,
            error: 'Unauthorized',
            message: expect.any(String),
            code: 'unauthenticated',
          });
        }
        const ok = await scrape(guarded.url, 'metrics-token-for-the-test-0001');
        expect(ok.status).toBe(200);
        expect(ok.text).toContain('roundtable_http_request_duration_seconds');
      } finally {
        await guarded.close();
      }
    });
  });

  describe('the queue dashboard (Bull Board) at /admin/queues', () => {
    const board = (token?: string, path = '/admin/queues') =>
      fetch(`${api.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {}, redirect: 'manual' });

    it('is refused without a token (401), with a bad token (401) and to members and staff who are not organisers (403)', async () => {
      for (const path of ['/admin/queues', '/admin/queues/api/queues']) {
        expect((await board(undefined, path)).status).toBe(401);
        expect((await board('not-a-token', path)).status).toBe(401);
        for (const user of [world.participant, world.moderator, world.rapporteur]) {
          const res = await board(user.token, path);
          expect(res.status).toBe(403);
          expect(await res.json()).toEqual({ statusCode: 403, error: 'Forbidden', message: expect.any(String) });
        }
      }
    });

    it('opens for an organiser and lists every queue; a browser link with ?token= becomes a cookie', async () => {
      const page = await board(world.organiser.token);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('Roundtable queues');
      const queues = (await (await board(world.organiser.token, '/admin/queues/api/queues')).json()) as {
        queues: Array<{ name: string }>;
      };
      expect(queues.queues.map((q: { name: string }) => q.name)).toContain('space-events');

      const link = await fetch(`${api.url}/admin/queues?token=${world.organiser.token}`, { redirect: 'manual' });
      expect(link.status).toBe(303);
      expect(link.headers.get('location')).toBe('/admin/queues');
      const cookie = link.headers.get('set-cookie')!;
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Strict/);
      expect(cookie).toMatch(/Path=\/admin\/queues/);
      const withCookie = await fetch(`${api.url}/admin/queues/api/queues`, {
        headers: { cookie: cookie.split(';')[0] },
      });
      expect(withCookie.status).toBe(200);
    });
  });

  describe('security headers, CORS and limits', () => {
    it('sends CSP with frame-ancestors, nosniff and frame denial; no HSTS outside production', async () => {
      const res = await world.participant.client.get('/me');
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('strict-transport-security')).toBeNull();
    });

    it('sends HSTS in production', async () => {
      const prod = await startTestApi({ NODE_ENV: 'production' });
      try {
        const res = await new Client(prod.url).get('/health/live');
        expect(res.headers.get('strict-transport-security')).toMatch(/max-age=31536000; includeSubDomains/);
      } finally {
        await prod.close();
      }
    });

    it('allows CORS only for configured origins', async () => {
      const preflight = (origin: string) =>
        fetch(`${api.url}/api/v1/me`, {
          method: 'OPTIONS',
          headers: {
            origin,
            'access-control-request-method': 'PATCH',
            'access-control-request-headers': 'authorization,content-type',
          },
        });
      const allowed = await preflight('http://localhost:3000');
      expect(allowed.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
      const evil = await preflight('https://evil.example');
      expect(evil.headers.get('access-control-allow-origin')).toBeNull();
    });

    it('limits registrations per address per hour (429 with Retry-After), per address', async () => {
      const limited = await startTestApi({ REGISTRATIONS_PER_HOUR: '3' });
      try {
        const address = `198.51.100.${Math.floor(Math.random() * 200) + 1}`;
        const register = (ip: string) =>
          new Client(limited.url).request(
            'POST',
            '/auth/register',
            {
              email: uniqueEmail('reglimit'),
              password: 'register-limit-9',
              displayName: 'Limit',
              constituency: 'other',
              preferredLanguage: 'en',
            },
            { 'x-forwarded-for': ip },
          );
        for (let i = 0; i < 3; i += 1) expectStatus(await register(address), 201);
        const refused = await register(address);
        expectErrorShape(refused, 429);
        expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
        expectStatus(await register('203.0.113.7'), 201); // another address is not affected
      } finally {
        await limited.close();
      }
    });
  });

  describe("a member's own data", () => {
    it('GET /me/export returns everything held about the member and nothing about others', async () => {
      const member = await registerUser(api.url, {
        tag: 'export',
        displayName: 'Export Person',
        organisation: 'Export Org',
        country: 'PE',
      });
      expectStatus(await member.client.post(`/spaces/${world.spaceA}/members`), 201);
      const first = expectStatus(
        await member.client.post(`/spaces/${world.spaceA}/contributions`, { body: 'First version' }),
        201,
      ).body;
      expectStatus(await member.client.patch(`/contributions/${first.id}`, { body: 'Second version' }), 200);
      const other = expectStatus(
        await world.participant.client.post(`/spaces/${world.spaceA}/contributions`, { body: 'Not the member’s' }),
        201,
      ).body;
      await member.client.post(`/contributions/${other.id}/flags`, { reason: 'off_topic' }); // where moderation exists

      const res = expectStatus(await member.client.get('/me/export'), 200);
      expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="roundtable-account-/);
      const data = res.body;
      expect(data.profile).toMatchObject({
        id: member.id,
        email: member.email,
        displayName: 'Export Person',
        organisation: 'Export Org',
        country: 'PE',
      });
      expect(data.memberships).toEqual([expect.objectContaining({ spaceId: world.spaceA, role: 'participant' })]);
      expect(data.contributions).toEqual([
        expect.objectContaining({
          id: first.id,
          body: 'Second version',
          version: 2,
          earlierVersions: [expect.objectContaining({ version: 1, body: 'First version' })],
        }),
      ]);
      const text = JSON.stringify(data);
      expect(text).not.toContain('Not the member’s');
      expect(text).not.toMatch(/argon2|password_hash|passwordHash/);
      if (data.other.contribution_flags)
        expect(data.other.contribution_flags).toEqual([
          expect.objectContaining({ contribution_id: other.id, user_id: member.id }),
        ]);
      expectErrorShape(await new Client(api.url).get('/me/export'), 401);
    });

    it('DELETE /me anonymises the account: contributions stay in their threads, the person and the token are gone', async () => {
      const member = await registerUser(api.url, {
        tag: 'delete',
        displayName: 'Leaving Person',
        organisation: 'Leaving Org',
        country: 'NO',
      });
      expectStatus(await member.client.post(`/spaces/${world.spaceA}/members`), 201);
      const mine = expectStatus(
        await member.client.post(`/spaces/${world.spaceA}/contributions`, { body: 'I said this before leaving' }),
        201,
      ).body;
      const reply = expectStatus(
        await world.participant.client.post(`/spaces/${world.spaceA}/contributions`, {
          body: 'A reply that keeps its context',
          parentId: mine.id,
        }),
        201,
      ).body;

      expectErrorShape(await member.client.request('DELETE', '/me', {}), 400);
      expectErrorShape(await member.client.request('DELETE', '/me', { password: 'not-the-password-1' }), 403);
      expectErrorShape(
        await world.organiser.client.request('DELETE', '/me', { password: world.organiser.password }),
        409,
      );
      const deleted = expectStatus(
        await member.client.request('DELETE', '/me', { password: member.password }),
        200,
      ).body;
      expect(deleted).toEqual({ id: member.id, shownAs: 'Deleted member', contributionsKept: 1 });

      expectErrorShape(await member.client.get('/me'), 401);
      expectErrorShape(
        await new Client(api.url).post('/auth/login', { email: member.email, password: member.password }),
        401,
      );
      const seen = expectStatus(await world.participant.client.get(`/contributions/${mine.id}`), 200).body;
      expect(seen.body).toBe('I said this before leaving');
      expect(seen.author).toMatchObject({ displayName: 'Deleted member', organisation: null, country: null });
      expect(expectStatus(await world.participant.client.get(`/contributions/${reply.id}`), 200).body.parentId).toBe(
        mine.id,
      );
      // catch-up replays show the anonymised author too
      const log = expectStatus(
        await world.participant.client.get(`/spaces/${world.spaceA}/events?afterSeq=${mine.seq - 1}`),
        200,
      ).body;
      const event = log.items.find((e: any) => e.payload?.contribution?.id === mine.id);
      expect(event.payload.contribution.author.displayName).toBe('Deleted member');
      expect(JSON.stringify(log)).not.toContain('Leaving Person');
      // the email is free again
      expectStatus(
        await new Client(api.url).post('/auth/register', {
          email: member.email,
          password: 'a-new-start-9',
          displayName: 'New',
          constituency: 'other',
          preferredLanguage: 'en',
        }),
        201,
      );
    });
  });

  it('never writes passwords to the logs, even at trace level', async () => {
    const compiled = await startCompiledApi({ LOG_LEVEL: 'trace' });
    try {
      await compiled.ready();
      const password = `Never-Logged-${Date.now()}-pw`;
      const email = uniqueEmail('nolog');
      const c = new Client(compiled.url);
      expectStatus(
        await c.post('/auth/register', {
          email,
          password,
          displayName: 'No Log',
          constituency: 'other',
          preferredLanguage: 'en',
        }),
        201,
      );
      await c.post('/auth/login', { email, password: `${password}-wrong` });
      const login = expectStatus(await c.post('/auth/login', { email, password }), 200);
      await new Client(compiled.url, login.body.accessToken).request('DELETE', '/me', {
        password: `${password}-wrong`,
      });
      await eventually(() => compiled.stdout.some((l) => l.includes('/api/v1/me')), 5000, 'the request log lines');
      const all = [...compiled.stdout, ...compiled.stderr].join('\n');
      expect(all).not.toContain(password);
      expect(all).not.toContain(login.body.accessToken);
      // every request line carries its request id
      const requestLines = compiled.logRecords().filter((r) => r.req);
      expect(requestLines.length).toBeGreaterThan(0);
      for (const r of requestLines) expect(r.req.id).toEqual(expect.any(String));
    } finally {
      await compiled.stop();
    }
  }, 150_000);
});
