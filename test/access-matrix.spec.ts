import { Client, Reply, registerUser, startTestApi, TestApi, TestUser, uniqueEmail } from './support/test-api';
import { buildWorld, createSpace, expectErrorShape, expectStatus, nextNumber, World } from './support/world';

/**
 * Who may call which route. Every route in the OpenAPI document must have a row here: a
 * new route fails this test until someone decides, explicitly, who may call it.
 *
 * Callers (fixtures are in `buildWorld`): anonymous; a participant who joined space A; the
 * moderator and the rapporteur of space A (space-level roles); a global organiser. Path ids
 * are space A, its roundtable and consultation, and a contribution in space A written by
 * the participant; `{userId}` is a bystander account.
 *
 * A refused caller must get 401 (anonymous) or 403/404 (signed in), in the error shape and
 * nothing more. An allowed caller must get anything but 401/403 and never a 5xx (a 400,
 * 404 or 409 for the request as sent is fine).
 */
const ROLES = ['anonymous', 'participant', 'moderator', 'rapporteur', 'organiser'] as const;
type Role = (typeof ROLES)[number];

const EVERYONE: Role[] = [...ROLES];
const SIGNED_IN: Role[] = ['participant', 'moderator', 'rapporteur', 'organiser'];
const MEMBERS_OF_A: Role[] = ['participant', 'moderator', 'rapporteur', 'organiser'];
const STAFF_OF_A: Role[] = ['moderator', 'rapporteur', 'organiser'];
const MODERATORS_OF_A: Role[] = ['moderator', 'organiser'];
const ORGANISER: Role[] = ['organiser'];

interface Fixtures extends World {
  bystander: TestUser;
  /** a contribution in space A by the participant (when the contributions routes exist) */
  contributionA?: string;
  /** a contribution in space B by the organiser */
  contributionB?: string;
  /** a fresh contribution in space A by the participant, for destructive calls */
  freshContribution(): Promise<string>;
}

interface Row {
  allowed: Role[];
  /** The request body; default `{}` for POST/PUT/PATCH. */
  body?: (f: Fixtures) => unknown;
  query?: string;
  /** Path parameters when the defaults (space A, its roundtable, …) do not fit. */
  params?: (f: Fixtures) => Promise<Record<string, string>> | Record<string, string>;
  /**
   * The route acts inside one space (the id is a space or a contribution) and needs a role
   * there: the moderator of space A calling it on space B must get 403.
   */
  spaceScoped?: boolean;
  /**
   * For routes that end the caller's own sessions: signed-in callers are a fresh sign-in of
   * an account of their own, so the fixtures' tokens keep working (the rule is the same
   * for every signed-in role). `headers` are what its browser would send (refresh cookie).
   */
  ownSession?: (f: Fixtures) => Promise<{ client: Client; headers?: Record<string, string> }>;
}

const TABLE: Record<string, Row> = {
  // accounts
  'POST /auth/register': {
    allowed: EVERYONE,
    body: () => ({
      email: uniqueEmail('matrix'),
      password: 'matrix-pass-9',
      displayName: 'M',
      constituency: 'other',
      preferredLanguage: 'en',
    }),
  },
  'POST /auth/login': {
    allowed: EVERYONE,
    body: (f) => ({ email: f.bystander.email, password: f.bystander.password }),
  },
  'GET /me': { allowed: SIGNED_IN },
  'PATCH /me': { allowed: SIGNED_IN, body: () => ({ digest: 'weekly' }) },
  'GET /me/export': { allowed: SIGNED_IN },
  // without the password the account is not deleted (400): the row checks who may ask
  'DELETE /me': { allowed: SIGNED_IN, body: () => ({}) },
  // finding any account (with its email) to give it a role
  'GET /users': { allowed: ORGANISER, query: 'q=matrix' },
  'PUT /users/{id}/affiliation': {
    allowed: ORGANISER,
    body: () => ({ verified: true }),
    params: (f) => ({ id: f.bystander.id }),
  },

  // account security: devices, password, two-factor sign-in, email links (a token nobody was given: 400)
  'POST /auth/refresh': { allowed: SIGNED_IN, ownSession: freshSession },
  'POST /auth/logout': { allowed: EVERYONE, ownSession: freshSession },
  'POST /auth/password-reset': { allowed: EVERYONE, body: () => ({ email: uniqueEmail('matrix-reset') }) },
  'POST /auth/password-reset/confirm': {
    allowed: EVERYONE,
    body: () => ({ token: 'M'.repeat(43), newPassword: 'matrix-pass-10' }),
  },
  'POST /auth/verify-email': { allowed: EVERYONE, body: () => ({ token: 'M'.repeat(43) }) },
  // without the current password nothing changes (400)
  'POST /me/password': { allowed: SIGNED_IN, body: () => ({}) },
  'GET /me/sessions': { allowed: SIGNED_IN },
  'DELETE /me/sessions': { allowed: SIGNED_IN, ownSession: freshSession },
  // a device that is not the caller's: 404
  'DELETE /me/sessions/{id}': { allowed: SIGNED_IN, params: () => ({ id: '00000000-0000-4000-8000-000000000000' }) },
  'GET /me/security-log': { allowed: SIGNED_IN },
  'POST /me/two-factor': { allowed: SIGNED_IN },
  'POST /me/two-factor/confirm': { allowed: SIGNED_IN, body: () => ({ code: '000000' }) },
  'DELETE /me/two-factor': { allowed: SIGNED_IN, body: () => ({}) },
  'POST /me/email-verification': { allowed: SIGNED_IN },

  // structure
  'POST /consultations': {
    allowed: ORGANISER,
    body: () => ({ title: { en: 'Matrix consultation' }, timezone: 'UTC' }),
  },
  'GET /consultations': { allowed: SIGNED_IN },
  'GET /consultations/{id}': { allowed: SIGNED_IN },
  'PATCH /consultations/{id}': { allowed: ORGANISER, body: () => ({ description: { en: 'Matrix description' } }) },
  'PATCH /roundtables/{id}': { allowed: ORGANISER, body: () => ({ objectives: ['Matrix objective'] }) },
  'GET /consultations/{id}/figures': { allowed: ORGANISER },
  'POST /consultations/{id}/roundtables': {
    allowed: ORGANISER,
    body: () => ({ number: nextNumber(), title: { en: 'Matrix roundtable' } }),
  },
  'GET /roundtables/{id}': { allowed: SIGNED_IN },
  'POST /roundtables/{id}/spaces': {
    allowed: ORGANISER,
    body: () => ({ number: nextNumber(), prompt: { en: 'Matrix?' }, moderation: 'post' }),
  },
  'PUT /roundtables/{id}/roles/{userId}': { allowed: ORGANISER, body: () => ({ role: 'none' }) },
  'GET /spaces/{id}': { allowed: SIGNED_IN },
  'PATCH /spaces/{id}': { allowed: ORGANISER, body: () => ({ moderation: 'post' }) },
  'POST /spaces/{id}/members': { allowed: SIGNED_IN },
  'PUT /spaces/{id}/roles/{userId}': { allowed: ORGANISER, body: () => ({ role: 'participant' }) },

  // contributions
  'POST /spaces/{id}/contributions': {
    allowed: MEMBERS_OF_A,
    body: () => ({ body: 'A contribution from the access matrix' }),
    spaceScoped: true,
  },
  'GET /spaces/{id}/contributions': { allowed: MEMBERS_OF_A, spaceScoped: true },
  'GET /spaces/{id}/events': { allowed: MEMBERS_OF_A, spaceScoped: true },
  'GET /contributions/{id}': { allowed: MEMBERS_OF_A, spaceScoped: true },
  // the author only (the participant wrote it)
  'PATCH /contributions/{id}': {
    allowed: ['participant'],
    body: () => ({ body: 'Edited by the access matrix' }),
    spaceScoped: true,
  },
  // the author or a moderator; each caller gets a contribution of its own to delete
  'DELETE /contributions/{id}': {
    allowed: ['participant', 'moderator', 'organiser'],
    params: async (f) => ({ id: await f.freshContribution() }),
    spaceScoped: true,
  },
  // the author and moderators
  'GET /contributions/{id}/history': { allowed: ['participant', 'moderator', 'organiser'], spaceScoped: true },
  // translations are corrected by the author and the moderators (a fresh post: its language is not known yet, 409)
  'PUT /contributions/{id}/translations/{lang}': {
    allowed: ['participant', 'moderator', 'organiser'],
    body: () => ({ text: 'A correction from the access matrix' }),
    params: () => ({ lang: 'es' }),
    spaceScoped: true,
  },
  'GET /contributions/{id}/translations/{lang}/suggestions': {
    allowed: ['participant', 'moderator', 'organiser'],
    params: () => ({ lang: 'es' }),
    spaceScoped: true,
  },
  'GET /spaces/{id}/export': { allowed: STAFF_OF_A, query: 'format=json', spaceScoped: true },
  'POST /roundtables/{id}/import': { allowed: ORGANISER },

  // moderation (moderators of the space and organisers; flags: any member, not on their own words)
  'POST /contributions/{id}/moderation': {
    allowed: MODERATORS_OF_A,
    body: () => ({ action: 'pin' }),
    params: async (f) => ({ id: await f.freshContribution() }),
    spaceScoped: true,
  },
  'POST /contributions/{id}/flags': {
    allowed: MEMBERS_OF_A,
    body: () => ({ reason: 'spam' }),
    params: async (f) => ({ id: await f.freshContribution() }),
    spaceScoped: true,
  },
  'GET /spaces/{id}/moderation/queue': { allowed: MODERATORS_OF_A, spaceScoped: true },
  'GET /spaces/{id}/moderation/log': { allowed: MODERATORS_OF_A, spaceScoped: true },
  // the member directory: moderators look people up (no emails); participants do not list members
  'GET /spaces/{id}/members': { allowed: MODERATORS_OF_A, query: 'q=test', spaceScoped: true },
  'GET /spaces/{id}/suspensions': { allowed: MODERATORS_OF_A, spaceScoped: true },
  // each caller gets a running suspension of its own to lift (space B: test/moderation-sanctions.spec.ts)
  'POST /spaces/{id}/suspensions/{suspensionId}/lift': {
    allowed: MODERATORS_OF_A,
    body: () => ({ reason: 'Access matrix lift' }),
    params: async (f) => ({ suspensionId: await runningSuspension(f) }),
  },
  'POST /spaces/{id}/suspensions': {
    allowed: MODERATORS_OF_A,
    body: (f) => ({
      userId: f.bystander.id,
      until: new Date(Date.now() + 3600_000).toISOString(),
      reason: 'Access matrix suspension',
    }),
    spaceScoped: true,
  },
  'POST /spaces/{id}/warnings': {
    allowed: MODERATORS_OF_A,
    body: (f) => ({ userId: f.bystander.id, reason: 'Access matrix warning' }),
    spaceScoped: true,
  },
  'GET /me/moderation': { allowed: SIGNED_IN },
  'GET /me/moderation/questions': { allowed: SIGNED_IN },

  // notifications: every signed-in member reads and marks their own (others' ids are ignored: test/notifications.spec.ts)
  'GET /me/notifications': { allowed: SIGNED_IN },
  'GET /me/notifications/unread-count': { allowed: SIGNED_IN },
  'POST /me/notifications/read': { allowed: SIGNED_IN, body: () => ({ all: true }) },

  // member digest emails: a run for a past, empty period (it queues nothing anyone would receive)
  'POST /admin/digest-emails/run': {
    allowed: ORGANISER,
    body: (f) => ({ consultationId: f.consultationId, periodEnd: '2000-01-01T00:00:00.000Z' }),
  },
  // public, the signed token is the credential (none here, so 400 for everyone)
  'GET /unsubscribe': { allowed: EVERYONE },
  'POST /unsubscribe': { allowed: EVERYONE },

  // moderator digests: moderators of the space draft, edit and publish; members read published ones (drafts: staff)
  'POST /spaces/{id}/digests': { allowed: MODERATORS_OF_A, body: () => freshPeriod(), spaceScoped: true },
  'GET /spaces/{id}/digests': { allowed: MEMBERS_OF_A, spaceScoped: true },
  'GET /digests/{id}': { allowed: STAFF_OF_A, params: async (f) => ({ id: await draftDigest(f) }) },
  'PATCH /digests/{id}': {
    allowed: MODERATORS_OF_A,
    body: () => ({ keyPoints: [{ text: 'A point from the access matrix' }] }),
    params: async (f) => ({ id: await draftDigest(f) }),
  },
  'POST /digests/{id}/publish': { allowed: MODERATORS_OF_A, params: async (f) => ({ id: await draftDigest(f) }) },
  // stocktaking: rapporteurs of the roundtable (the rapporteur here holds a space-level role only) and organisers;
  // an unpublished summary exists for them alone
  'POST /roundtables/{id}/stocktaking': { allowed: ORGANISER, body: () => freshPeriod() },
  'GET /roundtables/{id}/stocktaking': { allowed: SIGNED_IN },
  'GET /stocktaking/{id}': { allowed: ORGANISER, params: async (f) => ({ id: await draftSummary(f) }) },
  'PATCH /stocktaking/{id}': {
    allowed: ORGANISER,
    body: () => ({ introduction: 'From the access matrix' }),
    params: async (f) => ({ id: await draftSummary(f) }),
  },
  'POST /stocktaking/{id}/recompile': { allowed: ORGANISER, params: async (f) => ({ id: await draftSummary(f) }) },
  'POST /stocktaking/{id}/publish': { allowed: ORGANISER, params: async (f) => ({ id: await draftSummary(f) }) },
  'GET /stocktaking/{id}/export': {
    allowed: ORGANISER,
    query: 'format=md',
    params: async (f) => ({ id: await draftSummary(f) }),
  },
  // a draft has no published translation to review yet (4xx), but only staff may ask
  'GET /stocktaking/{id}/translations/{lang}': {
    allowed: ORGANISER,
    params: async (f) => ({ id: await draftSummary(f), lang: 'fr' }),
  },
  'POST /stocktaking/{id}/translations/{lang}/review': {
    allowed: ORGANISER,
    body: () => ({ accept: true }),
    params: async (f) => ({ id: await draftSummary(f), lang: 'fr' }),
  },
  'GET /consultations/{id}/stocktaking': { allowed: SIGNED_IN },

  // invitations: organisers invite, list, revoke and resend (each destructive call gets an invitation of its own);
  // the link routes carry the token in the body (a token nobody was given here, so 404 for every allowed caller)
  'POST /roundtables/{id}/invitations': {
    allowed: ORGANISER,
    body: () => ({ emails: [uniqueEmail('matrix-invitee')] }),
  },
  'GET /roundtables/{id}/invitations': { allowed: ORGANISER },
  'POST /invitations/{id}/revoke': { allowed: ORGANISER, params: async (f) => ({ id: await freshInvitation(f) }) },
  'POST /invitations/{id}/resend': { allowed: ORGANISER, params: async (f) => ({ id: await freshInvitation(f) }) },
  'POST /invitations/lookup': { allowed: EVERYONE, body: () => ({ token: 'M'.repeat(43) }) },
  'POST /invitations/accept': { allowed: SIGNED_IN, body: () => ({ token: 'M'.repeat(43) }) },

  // the translation glossary: everyone signed in reads it, organisers edit it (each call gets a term of its own)
  'GET /glossary': { allowed: SIGNED_IN },
  'POST /glossary': { allowed: ORGANISER, body: () => glossaryTerm() },
  'PATCH /glossary/{id}': {
    allowed: ORGANISER,
    body: () => ({ note: 'Edited by the access matrix' }),
    params: async (f) => ({ id: await freshTerm(f) }),
  },
  'DELETE /glossary/{id}': { allowed: ORGANISER, params: async (f) => ({ id: await freshTerm(f) }) },
  // organisers import their translation memory (an empty one here)
  'POST /translation-memory/import': {
    allowed: ORGANISER,
    body: () => ({ tmx: '<tmx version="1.4"><header/><body></body></tmx>' }),
  },

  // operations
  'GET /health/live': { allowed: EVERYONE },
  'GET /health/ready': { allowed: EVERYONE },
  // Prometheus scrapers carry no user token (METRICS_TOKEN, when configured, is checked in test/ops.spec.ts)
  'GET /metrics': { allowed: EVERYONE },
};

/** A new account signed in on a device of its own: its bearer client and its refresh cookie, sent as its page would. */
async function freshSession(f: Fixtures): Promise<{ client: Client; headers: Record<string, string> }> {
  const user = await registerUser(f.bystander.client.base, { tag: 'matrix-session' });
  const res = await fetch(`${f.bystander.client.base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: user.email, password: user.password }),
  });
  const body = await res.json();
  const cookie = /rt_refresh=[^;]*/.exec(res.headers.get('set-cookie') ?? '')?.[0] ?? '';
  return {
    client: new Client(f.bystander.client.base, body.accessToken),
    headers: { cookie, 'sec-fetch-site': 'same-origin' },
  };
}

/** A one-day period no other row uses (digests and summaries are unique per period). */
function freshPeriod(): { periodStart: string; periodEnd: string } {
  const day = Date.UTC(2001, 0, 1) + nextNumber() * 86_400_000;
  return { periodStart: new Date(day).toISOString(), periodEnd: new Date(day + 86_400_000).toISOString() };
}

/** A new, unpublished moderator digest of space A (drafted by the organiser). */
async function draftDigest(f: Fixtures): Promise<string> {
  return expectStatus(
    await f.organiser.client.post(`/spaces/${f.spaceA}/digests`, freshPeriod()),
    201,
    'draft a digest',
  ).body.id;
}

/** A new, unpublished stocktaking summary of roundtable A (compiled by the organiser). */
async function draftSummary(f: Fixtures): Promise<string> {
  return expectStatus(
    await f.organiser.client.post(`/roundtables/${f.roundtableA}/stocktaking`, freshPeriod()),
    201,
    'compile a summary',
  ).body.id;
}

/** A new suspension of the bystander in space A, running for an hour (issued by the organiser). */
async function runningSuspension(f: Fixtures): Promise<string> {
  const until = new Date(Date.now() + 3600_000).toISOString();
  return expectStatus(
    await f.organiser.client.post(`/spaces/${f.spaceA}/suspensions`, {
      userId: f.bystander.id,
      until,
      reason: 'To be lifted',
    }),
    201,
    'suspend the bystander',
  ).body.id;
}

/** A new, pending invitation to roundtable A (sent by the organiser). */
async function freshInvitation(f: Fixtures): Promise<string> {
  const res = expectStatus(
    await f.organiser.client.post(`/roundtables/${f.roundtableA}/invitations`, {
      emails: [uniqueEmail('matrix-invitee')],
    }),
    201,
    'invite',
  );
  return res.body.results[0].invitation.id;
}

/** A glossary term no other call uses (terms are unique per language). */
function glossaryTerm(): { en: string; fr: string; es: string } {
  const n = nextNumber();
  return { en: `matrix term ${n}`, fr: `terme matrice ${n}`, es: `término matriz ${n}` };
}

async function freshTerm(f: Fixtures): Promise<string> {
  return expectStatus(await f.organiser.client.post('/glossary', glossaryTerm()), 201, 'add a glossary term').body.id;
}

const PREFIX = '/api/v1';
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** `GET /spaces/{id}` for each operation in the document. */
function routesOf(doc: any): string[] {
  return Object.entries<Record<string, unknown>>(doc.paths).flatMap(([path, ops]) =>
    Object.keys(ops)
      .filter((m) => METHODS.includes(m))
      .map((m) => `${m.toUpperCase()} ${path.startsWith(`${PREFIX}/`) ? path.slice(PREFIX.length) : path}`),
  );
}

/** The default fixture for each path parameter, by the collection it follows. */
function defaultParams(route: string, f: Fixtures, hasParams = false): Record<string, string> {
  const path = route.split(' ')[1];
  const params: Record<string, string> = {};
  const collection = /^\/([a-z-]+)\/\{id\}/.exec(path)?.[1];
  if (collection) {
    const ids: Record<string, string | undefined> = {
      consultations: f.consultationId,
      roundtables: f.roundtableA,
      spaces: f.spaceA,
      contributions: f.contributionA,
    };
    const id = ids[collection];
    if (!id && !hasParams)
      throw new Error(`${route}: no fixture for /${collection}/{id}; give the row a params() function`);
    if (id) params.id = id;
  }
  if (path.includes('{userId}')) params.userId = f.bystander.id;
  return params;
}

function fill(route: string, params: Record<string, string>): string {
  const path = route.split(' ')[1].replace(/\{(\w+)\}/g, (_, name: string) => {
    if (!params[name]) throw new Error(`${route}: no value for {${name}}`);
    return params[name];
  });
  return path.startsWith('/health') || path === '/metrics' ? path : `${PREFIX}${path}`;
}

const ERROR_KEYS = ['statusCode', 'error', 'message', 'code', 'correlationId'];

/** Why a reply breaks the rule, or null when it keeps it. */
function violation(role: Role, allowed: boolean, res: Reply): string | null {
  if (res.status >= 500) return `${res.status} (never a 5xx): ${JSON.stringify(res.body).slice(0, 200)}`;
  if (allowed) {
    return res.status === 401 || res.status === 403
      ? `allowed, but got ${res.status}: ${JSON.stringify(res.body).slice(0, 200)}`
      : null;
  }
  const expected = role === 'anonymous' ? [401] : [403, 404];
  if (!expected.includes(res.status))
    return `refused, so expected ${expected.join('/')}, got ${res.status}: ${JSON.stringify(res.body).slice(0, 200)}`;
  const body = res.body;
  if (
    !body ||
    typeof body !== 'object' ||
    body.statusCode !== res.status ||
    Object.keys(body).some((k) => !ERROR_KEYS.includes(k))
  ) {
    return `refused with ${res.status} but the body is not just the error shape: ${JSON.stringify(body).slice(0, 200)}`;
  }
  return null;
}

describe('access matrix: every OpenAPI route × {anonymous, participant, moderator, rapporteur, organiser}', () => {
  let api: TestApi;
  let doc: any;
  let routes: string[];
  let f: Fixtures;
  let clients: Record<Role, Client>;

  beforeAll(async () => {
    // posting limits would turn the contribution fixtures into 429s
    api = await startTestApi({ POST_MIN_INTERVAL_MS: '0', POSTS_PER_MINUTE: '100000' });
    doc = expectStatus(await new Client(api.url).get('/api/docs-json'), 200, 'OpenAPI document').body;
    routes = routesOf(doc);
    const world = await buildWorld(api);
    const bystander = await registerUser(api.url, { tag: 'bystander' });
    const canPost = routes.includes('POST /spaces/{id}/contributions');
    const post = async (user: TestUser, spaceId: string) =>
      expectStatus(
        await user.client.post(`/spaces/${spaceId}/contributions`, { body: `Fixture contribution ${nextNumber()}` }),
        201,
        'post a fixture contribution',
      ).body.id as string;
    f = {
      ...world,
      bystander,
      contributionA: canPost ? await post(world.participant, world.spaceA) : undefined,
      contributionB: canPost ? await post(world.organiser, world.spaceB) : undefined,
      freshContribution: () => post(world.participant, world.spaceA),
    };
    clients = {
      anonymous: new Client(api.url),
      participant: world.participant.client,
      moderator: world.moderator.client,
      rapporteur: world.rapporteur.client,
      organiser: world.organiser.client,
    };
  });
  afterAll(() => api?.close());

  it('has a row for every route in the OpenAPI document', () => {
    expect(routes.length).toBeGreaterThan(10);
    const missing = routes.filter((r) => !TABLE[r]);
    if (missing.length > 0) {
      throw new Error(
        `These routes are in /api/docs-json but not in the access table of test/access-matrix.spec.ts.\n` +
          `Add a row for each saying which of ${ROLES.join(', ')} may call it:\n` +
          missing.map((r) => `  '${r}'`).join('\n'),
      );
    }
  });

  it('has no row for a route the OpenAPI document lacks (a stale row would be silently skipped)', () => {
    expect(Object.keys(TABLE).filter((r) => !routes.includes(r))).toEqual([]);
  });

  it('has well-formed rows', () => {
    for (const [route, row] of Object.entries(TABLE)) {
      expect(route).toMatch(/^(GET|POST|PUT|PATCH|DELETE) \/[\w{}/-]+$/);
      expect(row.allowed.every((r) => ROLES.includes(r))).toBe(true);
    }
  });

  it('lets each caller do exactly what its row says, and refuses everyone else without data', async () => {
    const problems: string[] = [];
    let visited = 0;
    for (const route of routes.filter((r) => TABLE[r])) {
      const row = TABLE[route];
      const method = route.split(' ')[0];
      for (const role of ROLES) {
        const params = row.params
          ? { ...defaultParams(route, f, true), ...(await row.params(f)) }
          : defaultParams(route, f);
        const url = fill(route, params) + (row.query ? `?${row.query}` : '');
        const body = row.body ? row.body(f) : ['POST', 'PUT', 'PATCH'].includes(method) ? {} : undefined;
        const own = row.ownSession && role !== 'anonymous' ? await row.ownSession(f) : null;
        const res = await (own?.client ?? clients[role]).request(method, url, body, own?.headers);
        visited += 1;
        const problem = violation(role, row.allowed.includes(role), res);
        if (problem) problems.push(`${route} as ${role}: ${problem}`);
      }
    }
    expect(visited).toBeGreaterThan(50);
    expect(problems).toEqual([]);
  });

  it('refuses the moderator of space A in space B (403), for every route that acts inside a space', async () => {
    const problems: string[] = [];
    const scoped = routes.filter((r) => TABLE[r]?.spaceScoped && TABLE[r].allowed.includes('moderator'));
    expect(scoped.length).toBeGreaterThan(5);
    for (const route of scoped) {
      const method = route.split(' ')[0];
      const onB = route.includes('/contributions/{id}') ? f.contributionB! : f.spaceB;
      const row = TABLE[route];
      const res = await f.moderator.client.request(
        method,
        fill(route, { ...(row.params ? await row.params(f) : {}), id: onB }) + (row.query ? `?${row.query}` : ''),
        row.body ? row.body(f) : method === 'GET' || method === 'DELETE' ? undefined : {},
      );
      if (res.status !== 403)
        problems.push(`${route} on space B: expected 403, got ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
      else expectErrorShape(res, 403);
    }
    // structure changes are the organiser's, in any space
    for (const res of [
      await f.moderator.client.patch(`/spaces/${f.spaceB}`, { status: 'closed' }),
      await f.moderator.client.put(`/spaces/${f.spaceB}/roles/${f.moderator.id}`, { role: 'moderator' }),
      await f.moderator.client.put(`/spaces/${f.spaceA}/roles/${f.participant.id}`, { role: 'moderator' }),
    ]) {
      if (res.status !== 403) problems.push(`structure change by a moderator: expected 403, got ${res.status}`);
    }
    expect(problems).toEqual([]);
    expect((await f.organiser.client.get(`/spaces/${f.spaceB}`)).body.status).toBe('open');
  });

  it('refuses a participant who tries to create a consultation (403), and creates nothing', async () => {
    const title = `Participant consultation ${Date.now()}`;
    const res = await f.participant.client.post('/consultations', { title: { en: title }, timezone: 'UTC' });
    expectErrorShape(res, 403);
    const list = expectStatus(await f.organiser.client.get('/consultations?limit=100'), 200).body;
    expect(JSON.stringify(list)).not.toContain(title);
  });

  it('answers 404 for a draft space to a participant, without data, and shows it to the organiser', async () => {
    const draft = await createSpace(f.organiser.client, f.roundtableA, {
      status: 'draft',
      prompt: { en: 'Confidential draft question' },
    });
    for (const user of [f.participant, f.outsider]) {
      const res = await user.client.get(`/spaces/${draft.id}`);
      expectErrorShape(res, 404);
      expect(JSON.stringify(res.body)).not.toContain('Confidential');
      expect([403, 404]).toContain((await user.client.post(`/spaces/${draft.id}/members`)).status);
      const roundtable = expectStatus(await user.client.get(`/roundtables/${f.roundtableA}`), 200).body;
      expect(JSON.stringify(roundtable)).not.toContain('Confidential');
      expect([403, 404]).toContain((await user.client.get(`/spaces/${draft.id}/contributions`)).status);
    }
    expectErrorShape(await new Client(api.url).get(`/spaces/${draft.id}`), 401);
    const seen = expectStatus(await f.organiser.client.get(`/spaces/${draft.id}`), 200).body;
    expect(seen).toMatchObject({ id: draft.id, status: 'draft', prompt: { en: 'Confidential draft question' } });
  });

  it('refuses a signed-in user who is not a member of the space its contributions (403/404)', async () => {
    expect(routes).toContain('GET /spaces/{id}/contributions');
    const res = await f.outsider.client.get(`/spaces/${f.spaceA}/contributions`);
    expect([403, 404]).toContain(res.status);
    expectErrorShape(res);
    const one = await f.outsider.client.get(`/contributions/${f.contributionA}`);
    expect([403, 404]).toContain(one.status);
    expectErrorShape(one);
  });
});
