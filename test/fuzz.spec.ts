import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { Client as Pg } from 'pg';
import { loadConfig, migrateDatabase } from '@roundtable/core';
import { adminDatabaseUrl, databaseUrl } from './support/compiled-api';
import { changedTables, fingerprint } from './support/db-fingerprint';
import { Client, startTestApi, TestApi } from './support/test-api';
import { buildWorld, expectStatus, World } from './support/world';

/**
 * Acceptance 4, input fuzzing: fast-check generates requests for every operation in the
 * OpenAPI document — path ids (real fixtures, random uuids, junk), query strings, JSON
 * bodies shaped by the route's schema or not at all, malformed and oversized bodies, odd
 * headers — sent as each role. No answer may be a 5xx, and a refused request (4xx) must
 * leave the database exactly as it was. The spec has a database and Redis prefix of its
 * own, so the fingerprint sees nobody else's writes.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 2200);
const ROLES = ['anonymous', 'bad-token', 'participant', 'moderator', 'rapporteur', 'organiser', 'outsider'] as const;
type Role = (typeof ROLES)[number];
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
const PREFIX = '/api/v1';

interface Operation {
  method: string;
  path: string;
  pathParams: string[];
  query: Array<{ name: string; schema: any }>;
  body?: any;
}

const JUNK_STRINGS = [
  '',
  ' ',
  '0',
  '-1',
  'null',
  'undefined',
  'NaN',
  "' OR 1=1 --",
  '"; DROP TABLE users; --',
  '../../../etc/passwd',
  '%00',
  '\u0000',
  '<script>alert(1)</script>',
  '𝕏'.repeat(40),
  'a'.repeat(5000),
  '{{7*7}}',
  '${jndi:ldap://x}',
  '1e309',
  '9'.repeat(40),
];

describe('fuzzing every OpenAPI route as every role: no 5xx, refused requests change nothing', () => {
  const runId = `${Date.now()}_${process.pid}_${randomBytes(3).toString('hex')}`;
  const dbName = `rt_fuzz_${runId}`;
  let api: TestApi;
  let pg: Pg;
  let world: World;
  let ops: Operation[];
  let doc: any;
  const ids: string[] = [];

  beforeAll(async () => {
    const admin = new Pg({ connectionString: adminDatabaseUrl() });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${dbName}`);
    await admin.end();
    const env = {
      DATABASE_URL: databaseUrl(dbName),
      REDIS_PREFIX: `${process.env.REDIS_PREFIX ?? 'rt-test'}-fuzz-${runId}`,
      POSTS_PER_MINUTE: '100000',
      POST_MIN_INTERVAL_MS: '0',
      DUPLICATE_POST_WINDOW_SECONDS: '0',
      FLAGS_PER_MINUTE: '100000',
      MODERATION_ACTIONS_PER_MINUTE: '100000',
    };
    await migrateDatabase(loadConfig({ ...process.env, ...env }));
    api = await startTestApi(env);
    pg = new Pg({ connectionString: databaseUrl(dbName) });
    await pg.connect();
    world = await buildWorld(api);
    const post = async (c: Client, space: string) =>
      expectStatus(await c.post(`/spaces/${space}/contributions`, { body: `Fuzz fixture ${ids.length}` }), 201).body
        .id as string;
    ids.push(
      await post(world.participant.client, world.spaceA),
      await post(world.organiser.client, world.spaceB),
      await post(world.moderator.client, world.spaceA),
    );
    doc = expectStatus(await new Client(api.url).get('/api/docs-json'), 200).body;
    ops = operations(doc);
  }, 120_000);

  afterAll(async () => {
    await api?.close();
    await pg?.end().catch(() => undefined);
    const admin = new Pg({ connectionString: adminDatabaseUrl() });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => undefined);
    await admin.end();
  });

  function operations(openapi: any): Operation[] {
    return Object.entries<Record<string, any>>(openapi.paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([m]) => METHODS.includes(m))
        .map(([method, op]) => ({
          method: method.toUpperCase(),
          path,
          pathParams: (op.parameters ?? []).filter((p: any) => p.in === 'path').map((p: any) => p.name),
          query: (op.parameters ?? [])
            .filter((p: any) => p.in === 'query')
            .map((p: any) => ({ name: p.name, schema: p.schema ?? {} })),
          body: op.requestBody?.content?.['application/json']?.schema,
        })),
    );
  }

  /** Routes that end the caller's sessions when they succeed: the role signs in again, so later requests still reach deep. */
  const ENDS_SESSIONS = /^(DELETE \/api\/v1\/me\/sessions|POST \/api\/v1\/auth\/logout|POST \/api\/v1\/me\/password)$/;

  async function signInAgain(role: Role): Promise<void> {
    if (role === 'anonymous' || role === 'bad-token') return;
    const user = world[role];
    const res = expectStatus(
      await new Client(api.url).post('/auth/login', { email: user.email, password: user.password }),
      200,
      `${role} signs in again`,
    );
    world[role] = { ...user, token: res.body.accessToken, client: new Client(api.url, res.body.accessToken) };
  }

  const tokens = (): Record<Role, string | undefined> => ({
    anonymous: undefined,
    'bad-token': 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.',
    participant: world.participant.token,
    moderator: world.moderator.token,
    rapporteur: world.rapporteur.token,
    organiser: world.organiser.token,
    outsider: world.outsider.token,
  });

  /** Ids that exist (so generated requests reach deep into the handlers) plus ones that do not. */
  const anId = () =>
    fc.oneof(
      {
        weight: 6,
        arbitrary: fc.constantFrom(
          world.spaceA,
          world.spaceB,
          world.draftSpace,
          world.roundtableA,
          world.roundtableB,
          world.consultationId,
          world.participant.id,
          world.moderator.id,
          world.organiser.id,
          ...ids,
        ),
      },
      { weight: 2, arbitrary: fc.uuid() },
      { weight: 2, arbitrary: fc.oneof(fc.constantFrom(...JUNK_STRINGS), fc.string({ maxLength: 40 })) },
    );

  /** Mostly an id of the kind the path names (so requests get past the 404s), sometimes any id or junk. */
  function idFor(path: string, param: string): fc.Arbitrary<string> {
    const collection = param === 'id' ? /\/([a-z-]+)\/\{id\}/.exec(path)?.[1] : param;
    const fitting: Record<string, string[]> = {
      spaces: [world.spaceA, world.spaceA, world.spaceB, world.draftSpace],
      contributions: ids,
      roundtables: [world.roundtableA, world.roundtableB],
      consultations: [world.consultationId],
      userId: [world.participant.id, world.moderator.id, world.outsider.id, world.rapporteur.id],
    };
    const own = fitting[collection ?? ''];
    return own ? fc.oneof({ weight: 7, arbitrary: fc.constantFrom(...own) }, { weight: 3, arbitrary: anId() }) : anId();
  }

  function fromSchema(schema: any, depth = 0): fc.Arbitrary<unknown> {
    if (!schema || depth > 5) return fc.jsonValue({ maxDepth: 2 });
    if (schema.$ref) return fromSchema(doc.components?.schemas?.[schema.$ref.split('/').pop()], depth + 1);
    if (schema.allOf)
      return fromSchema(
        Object.assign(
          {},
          ...schema.allOf.map((s: any) => (s.$ref ? doc.components.schemas[s.$ref.split('/').pop()] : s)),
        ),
        depth + 1,
      );
    if (schema.oneOf || schema.anyOf)
      return fc.oneof(...(schema.oneOf ?? schema.anyOf).map((s: any) => fromSchema(s, depth + 1)));
    const wrong = fc.oneof(
      fc.constant(null),
      fc.integer(),
      fc.boolean(),
      fc.string({ maxLength: 20 }),
      fc.constant({}),
      fc.constant([]),
    );
    const right = (() => {
      if (schema.enum) return fc.constantFrom(...schema.enum);
      switch (schema.type) {
        case 'string':
          if (schema.format === 'uuid') return anId();
          if (schema.format === 'date-time')
            return fc.oneof(
              fc
                .date({ min: new Date('1900-01-01'), max: new Date('2200-01-01'), noInvalidDate: true })
                .map((d) => d.toISOString()),
              fc.constantFrom('2026-13-45T99:99:99Z', 'yesterday', ''),
            );
          return fc.oneof(
            {
              weight: 4,
              arbitrary: fc.string({ maxLength: schema.maxLength ? Math.min(schema.maxLength + 5, 400) : 80 }),
            },
            { weight: 1, arbitrary: fc.constantFrom(...JUNK_STRINGS) },
            {
              weight: 2,
              arbitrary: fc.constantFrom(
                'en',
                'fr',
                'es',
                'post',
                'pre',
                'open',
                'closed',
                'weekly',
                'moderator',
                'participant',
                'off_topic',
                'approve',
                'hide',
                'json',
                'csv',
                'Europe/Zurich',
              ),
            },
          );
        case 'integer':
        case 'number':
          return fc.oneof(fc.integer({ min: -5, max: 200 }), fc.constantFrom(0, -1, 2 ** 31, 2 ** 53 + 1, 1.5, -0));
        case 'boolean':
          return fc.boolean();
        case 'array':
          return fc.array(fromSchema(schema.items, depth + 1), { maxLength: 4 });
        case 'object':
        default: {
          const props: Record<string, any> = schema.properties ?? {};
          const keys = Object.keys(props);
          if (keys.length === 0)
            return fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 });
          return fc
            .record(Object.fromEntries(keys.map((k) => [k, fromSchema(props[k], depth + 1)])), { requiredKeys: [] })
            .chain((obj) =>
              fc
                .option(fc.tuple(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 1 })), { freq: 5 })
                .map((extra) => (extra ? { ...obj, [extra[0]]: extra[1] } : obj)),
            );
        }
      }
    })();
    return fc.oneof({ weight: 9, arbitrary: right }, { weight: 1, arbitrary: wrong });
  }

  /** A whole request: route, role, path ids, query, body (schema-shaped, junk, malformed, oversized) and headers. */
  function request(): fc.Arbitrary<{ op: Operation; role: Role; url: string; init: RequestInit }> {
    return fc.constantFrom(...ops).chain((op) =>
      fc
        .record({
          role: fc.constantFrom(...ROLES),
          params: fc.tuple(...op.pathParams.map((name) => idFor(op.path, name)), fc.constant(null)),
          query: fc.array(
            fc.oneof(
              ...(op.query.length
                ? [
                    fc
                      .constantFrom(...op.query)
                      .chain((q) =>
                        fromSchema(q.schema).map(
                          (v) => [q.name, typeof v === 'string' ? v : JSON.stringify(v)] as [string, string],
                        ),
                      ),
                  ]
                : []),
              fc.tuple(
                fc.constantFrom(
                  'limit',
                  'cursor',
                  'afterSeq',
                  'lang',
                  'format',
                  'sort',
                  'status',
                  'token',
                  '__proto__',
                  'constructor',
                ),
                fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom(...JUNK_STRINGS)),
              ),
            ),
            { maxLength: 3 },
          ),
          body: fc.oneof(
            {
              weight: 6,
              arbitrary: (op.body ? fromSchema(op.body) : fc.constant({})).map((v) => ({
                kind: 'json',
                text: JSON.stringify(v),
              })),
            },
            {
              weight: 2,
              arbitrary: fc
                .jsonValue({ maxDepth: 3 })
                .map((v) => ({ kind: 'json', text: JSON.stringify(v) ?? 'null' })),
            },
            {
              weight: 1,
              arbitrary: fc
                .oneof(
                  fc.string({ maxLength: 60 }),
                  fc.constantFrom(
                    '{',
                    '{"a":',
                    '[1,2',
                    'null',
                    '"x"',
                    '{"__proto__":{"isOrganiser":true}}',
                    '{"constructor":{"prototype":{"x":1}}}',
                  ),
                )
                .map((text) => ({ kind: 'raw', text })),
            },
            { weight: 1, arbitrary: fc.constant({ kind: 'none', text: '' }) },
            {
              weight: 1,
              arbitrary: fc.constant({ kind: 'huge', text: JSON.stringify({ body: 'x'.repeat(300 * 1024) }) }),
            },
          ),
          contentType: fc.constantFrom(
            'application/json',
            'application/json',
            'application/json; charset=utf-8',
            'text/plain',
            'application/x-www-form-urlencoded',
            'multipart/form-data; boundary=x',
            '',
          ),
          extraHeaders: fc.dictionary(
            fc.constantFrom(
              'accept-language',
              'x-request-id',
              'x-forwarded-for',
              'accept',
              'origin',
              'if-none-match',
              'range',
            ),
            fc.oneof(
              fc.string({ maxLength: 40 }).filter((s) => /^[\x20-\x7e]*$/.test(s)),
              fc.constantFrom('*', 'fr-CH, fr;q=0.9', '../..', 'bytes=0-1', 'http://evil.example'),
            ),
            { maxKeys: 3 },
          ),
        })
        .map(({ role, params, query, body, contentType, extraHeaders }) => {
          let i = 0;
          const path = op.path.replace(/\{(\w+)\}/g, () => encodeURIComponent(String(params[i++] ?? 'x')));
          const qs = new URLSearchParams(query).toString();
          const token = tokens()[role];
          const headers: Record<string, string> = { ...extraHeaders };
          if (token) headers.authorization = `Bearer ${token}`;
          const sendsBody = op.method !== 'GET' && body.kind !== 'none';
          if (sendsBody && contentType) headers['content-type'] = contentType;
          return {
            op,
            role,
            url: `${api.url}${path}${qs ? `?${qs}` : ''}`,
            init: { method: op.method, headers, body: sendsBody ? body.text : undefined },
          };
        }),
    );
  }

  it(
    `sends ≥ 2,000 generated requests over every route; none gets a 5xx; no refused request changes the database`,
    async () => {
      expect(ops.length).toBeGreaterThan(20);
      expect(ops.every((o) => o.path.startsWith(PREFIX) || o.path.startsWith('/health') || o.path === '/metrics')).toBe(
        true,
      );
      const statuses = new Map<number, number>();
      const routesSeen = new Set<string>();
      let sent = 0;
      let before = await fingerprint(pg);
      const problems: string[] = [];
      await fc
        .assert(
          fc.asyncProperty(request(), async ({ op, role, url, init }) => {
            const res = await fetch(url, init);
            await res.arrayBuffer();
            sent += 1;
            if (res.status < 300 && ENDS_SESSIONS.test(`${op.method} ${op.path}`)) await signInAgain(role);
            routesSeen.add(`${op.method} ${op.path}`);
            statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
            const what = `${init.method} ${url.slice(api.url.length, api.url.length + 160)} as ${role} body=${String(init.body ?? '').slice(0, 160)}`;
            if (res.status >= 500) problems.push(`${res.status}: ${what}`);
            const after = await fingerprint(pg);
            if (res.status >= 400) {
              const changed = changedTables(before, after);
              if (changed.length) problems.push(`${res.status} but changed ${changed.join(', ')}: ${what}`);
            }
            before = after;
            return problems.length === 0;
          }),
          { numRuns: RUNS, endOnFailure: true },
        )
        .catch((err) => {
          throw new Error(`${problems.join('\n')}\n${(err as Error).message.split('\n').slice(0, 6).join('\n')}`);
        });
      console.log(
        `fuzzer: ${sent} requests over ${routesSeen.size}/${ops.length} operations; statuses ${[...statuses.entries()]
          .sort((a, b) => a[0] - b[0])
          .map(([s, n]) => `${s}×${n}`)
          .join(' ')}`,
      );
      expect(problems).toEqual([]);
      expect(sent).toBeGreaterThanOrEqual(Math.min(RUNS, 2000));
      expect(routesSeen.size).toBe(ops.length);
      expect([...statuses.keys()].every((s) => s < 500)).toBe(true);
    },
    15 * 60_000,
  );
});
