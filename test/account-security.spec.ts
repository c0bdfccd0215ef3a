import { generateSync } from 'otplib';
import { AppConfig } from '@roundtable/core';
import { participationFigures } from '../libs/stocktaking/src/compile/participation';
import { CATALOGUES } from '../libs/stocktaking/src/i18n/catalogue';
import { DigestStack, startDigestStack } from './support/digest-email-harness';
import { LiveClient } from './support/live-client';
import {
  Client,
  eventually,
  organiser,
  registerUser,
  startTestApi,
  TestApi,
  TestUser,
  uniqueEmail,
} from './support/test-api';
import { createConsultation, createRoundtable, createSpace, expectStatus, messageOf } from './support/world';

/**
 * Accounts people can trust, against the real stack (PostgreSQL, Redis, a real SMTP
 * server, the worker): signed-in devices whose refresh tokens rotate, sign-out everywhere,
 * password change and reset, email verification before posting, two-factor sign-in
 * required of staff, and verified affiliations in participation figures.
 */
const APP_URL = 'http://web.roundtable.test';
const RESET_LINK = /\/reset-password\/([A-Za-z0-9_-]+)/;
const VERIFY_LINK = /\/verify-email\/([A-Za-z0-9_-]+)/;

interface CookieAnswer {
  status: number;
  body: any;
  /** The refresh cookie the answer set, `rt_refresh=…` (empty when cleared). */
  cookie: string | null;
  setCookie: string;
}

/** What a browser says of a request from the app's own page (`Sec-Fetch-Site`, which no page script can set). */
const SAME_ORIGIN = { 'sec-fetch-site': 'same-origin' };

/** A request as the web app sends it by default: same origin, with the refresh cookie. */
async function cookieRequest(
  base: string,
  path: string,
  cookie: string | null,
  headers: Record<string, string> = SAME_ORIGIN,
): Promise<CookieAnswer> {
  const res = await fetch(`${base}/api/v1${path}`, {
    method: 'POST',
    headers: { ...(cookie ? { cookie } : {}), ...headers },
  });
  const setCookie = res.headers.get('set-cookie') ?? '';
  const value = /rt_refresh=([^;]*)/.exec(setCookie)?.[1];
  return {
    status: res.status,
    body: await res.json().catch(() => null),
    cookie: value ? `rt_refresh=${value}` : null,
    setCookie,
  };
}

async function signIn(
  base: string,
  user: TestUser,
  userAgent = 'account-security-spec',
): Promise<{ token: string; cookie: string; setCookie: string }> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'user-agent': userAgent },
    body: JSON.stringify({ email: user.email, password: user.password }),
  });
  expect(res.status).toBe(200);
  const setCookie = res.headers.get('set-cookie') ?? '';
  return {
    token: (await res.json()).accessToken,
    cookie: `rt_refresh=${/rt_refresh=([^;]*)/.exec(setCookie)![1]}`,
    setCookie,
  };
}

describe('sessions, sign-out everywhere and password change', () => {
  let api: TestApi;
  let second: TestApi;

  beforeAll(async () => {
    api = await startTestApi();
    second = await startTestApi();
  });
  afterAll(async () => {
    await second?.close();
    await api?.close();
  });

  it('keeps the refresh token in an HttpOnly, SameSite=Strict cookie scoped to the auth routes, and the API answer unchanged', async () => {
    const user = await registerUser(api.url, { tag: 'cookie' });
    const { setCookie, token } = await signIn(api.url, user);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    expect(setCookie).toMatch(/Path=\/api\/v1\/auth/);
    expect(setCookie).not.toMatch(/Secure/); // APP_URL is http here; https turns it on
    expectStatus(await new Client(api.url, token).get('/me'), 200, 'the bearer token works for API clients');
  });

  it('refuses a refresh that is not a same-origin request', async () => {
    const user = await registerUser(api.url, { tag: 'csrf' });
    const { cookie } = await signIn(api.url, user);
    const forged = await cookieRequest(api.url, '/auth/refresh', cookie, {
      origin: 'https://evil.example',
      'sec-fetch-site': 'cross-site',
    });
    expect(forged.status).toBe(403);
    expect(forged.body.message).toMatch(/web app itself/);
    const bare = await cookieRequest(api.url, '/auth/refresh', cookie, {});
    expect(bare.status).toBe(403);
    // an origin the api serves (ALLOWED_ORIGINS) passes without the browser's header
    const config = api.app.get(AppConfig);
    expect((await cookieRequest(api.url, '/auth/refresh', cookie, { origin: config.ALLOWED_ORIGINS[0] })).status).toBe(
      200,
    );
  });

  it('rotates the refresh token, and a refresh token used twice ends its whole session (every token of it)', async () => {
    const user = await registerUser(api.url, { tag: 'rotate' });
    const first = await signIn(api.url, user);
    const renewed = await cookieRequest(api.url, '/auth/refresh', first.cookie);
    expect(renewed.status).toBe(200);
    expect(renewed.body.user).toMatchObject({ id: user.id, email: user.email });
    expect(renewed.cookie).not.toBe(first.cookie);
    const access = renewed.body.accessToken as string;
    expectStatus(await new Client(api.url, access).get('/me'), 200, 'renewed token works');

    // the old refresh token again: a copy exists somewhere, so the session ends
    const replay = await cookieRequest(api.url, '/auth/refresh', first.cookie);
    expect(replay.status).toBe(401);
    expect(replay.setCookie).toMatch(/rt_refresh=;/);
    expect((await cookieRequest(api.url, '/auth/refresh', renewed.cookie)).status).toBe(401);
    expectStatus(await new Client(api.url, access).get('/me'), 401, 'access token of the ended session');
    expectStatus(await new Client(second.url, first.token).get('/me'), 401, 'first token, on the other api process');
    const log = expectStatus(await user.client.get('/me/security-log'), 200, 'security log').body.items.map(
      (e: { kind: string }) => e.kind,
    );
    expect(log).toContain('refresh_reuse');
  });

  it('lists devices with their last use and ends one of them', async () => {
    const user = await registerUser(api.url, { tag: 'devices' });
    const laptop = await signIn(api.url, user, 'Laptop browser');
    const phone = await signIn(api.url, user, 'Phone browser');
    const list = expectStatus(await new Client(api.url, laptop.token).get('/me/sessions'), 200, 'sessions').body.items;
    expect(list.map((s: { device: string }) => s.device)).toEqual(
      expect.arrayContaining(['Laptop browser', 'Phone browser']),
    );
    const current = list.find((s: { current: boolean }) => s.current);
    expect(current.device).toBe('Laptop browser');
    expect(Date.parse(current.lastUsedAt)).toBeGreaterThan(Date.now() - 60_000);
    const phoneSession = list.find((s: { device: string }) => s.device === 'Phone browser');
    expectStatus(
      await new Client(api.url, laptop.token).delete(`/me/sessions/${phoneSession.id}`),
      204,
      'end the phone',
    );
    expectStatus(await new Client(api.url, phone.token).get('/me'), 401, 'phone token');
    expectStatus(await new Client(api.url, laptop.token).get('/me'), 200, 'laptop token');
    expectStatus(
      await new Client(api.url, laptop.token).delete(`/me/sessions/${phoneSession.id}`),
      404,
      'already ended',
    );
    const stranger = await registerUser(api.url, { tag: 'stranger' });
    expectStatus(await stranger.client.delete(`/me/sessions/${current.id}`), 404, 'another member’s device');
  });

  it('signs out everywhere: every access token fails on every api process and live sockets close at once', async () => {
    const user = await registerUser(api.url, { tag: 'everywhere' });
    const a = await signIn(api.url, user, 'Device A');
    const b = await signIn(api.url, user, 'Device B');
    const socketHere = await LiveClient.connect(api.url, a.token);
    const socketThere = await LiveClient.connect(second.url, b.token);
    expectStatus(
      await new Client(second.url, b.token).get('/me'),
      200,
      'token B on the second process (now cached there)',
    );

    expectStatus(await new Client(api.url, a.token).delete('/me/sessions'), 204, 'sign out everywhere');
    for (const [base, token, what] of [
      [api.url, a.token, 'A here'],
      [second.url, b.token, 'B there'],
      [second.url, user.token, 'registration token there'],
    ] as const) {
      expectStatus(await new Client(base, token).get('/me'), 401, what);
    }
    await eventually(
      () => socketHere.disconnectReason !== undefined && socketThere.disconnectReason !== undefined,
      10_000,
      'both sockets to be closed by the server',
    );
    expect(socketHere.disconnectReason).toBe('io server disconnect');
    expect(socketThere.disconnectReason).toBe('io server disconnect');
    expect((await cookieRequest(api.url, '/auth/refresh', b.cookie)).status).toBe(401);
    // signing in again works at once
    const again = await signIn(api.url, user, 'Device A');
    expectStatus(await new Client(api.url, again.token).get('/me'), 200, 'new sign-in');
  });

  it('changes the password: this device stays signed in, the others end; the old password no longer works', async () => {
    const user = await registerUser(api.url, { tag: 'change' });
    const here = await signIn(api.url, user, 'Desk');
    const there = await signIn(api.url, user, 'Tablet');
    const wrong = await new Client(api.url, here.token).post('/me/password', {
      currentPassword: 'not-my-password-1',
      newPassword: 'a-new-password-42',
    });
    expect(wrong.status).toBe(403);
    const weak = await new Client(api.url, here.token).post('/me/password', {
      currentPassword: user.password,
      newPassword: 'short',
    });
    expect(weak.status).toBe(400);
    expect(messageOf(weak)).toMatch(/password must be 10–200 characters/);

    expectStatus(
      await new Client(api.url, here.token).post('/me/password', {
        currentPassword: user.password,
        newPassword: 'a-new-password-42',
      }),
      204,
      'change',
    );
    expectStatus(await new Client(api.url, here.token).get('/me'), 200, 'this device');
    expectStatus(await new Client(second.url, there.token).get('/me'), 401, 'the other device');
    expect((await cookieRequest(api.url, '/auth/refresh', there.cookie)).status).toBe(401);
    expect((await new Client(api.url).post('/auth/login', { email: user.email, password: user.password })).status).toBe(
      401,
    );
    expectStatus(
      await new Client(api.url).post('/auth/login', { email: user.email, password: 'a-new-password-42' }),
      200,
      'new password',
    );
    const log = (await new Client(api.url, here.token).get('/me/security-log')).body.items.map(
      (e: { kind: string }) => e.kind,
    );
    expect(log).toEqual(expect.arrayContaining(['password_changed', 'sign_in']));
  });

  it('signs one device out with POST /auth/logout (bearer or cookie)', async () => {
    const user = await registerUser(api.url, { tag: 'logout' });
    const web = await signIn(api.url, user, 'Browser');
    const out = await cookieRequest(api.url, '/auth/logout', web.cookie);
    expect(out.status).toBe(204);
    expect(out.setCookie).toMatch(/rt_refresh=;/);
    expectStatus(await new Client(api.url, web.token).get('/me'), 401, 'web token after logout');
    const script = await signIn(api.url, user, 'Script');
    expectStatus(await new Client(api.url, script.token).post('/auth/logout'), 204, 'bearer logout');
    expectStatus(await new Client(api.url, script.token).get('/me'), 401, 'script token after logout');
    expectStatus(await user.client.get('/me'), 200, 'the registration session is another device');
  });
});

describe('email verification and password reset through a real SMTP server', () => {
  let stack: DigestStack;

  /** The link of the newest email to `address` matching `kind`'s link. */
  async function linkTo(address: string, link: RegExp, count = 1): Promise<string> {
    return eventually(
      async () => {
        await stack.sink.settled();
        const mails = stack.sink.to(address).filter((m) => link.test(m.text));
        return mails.length >= count ? link.exec(mails[count - 1].text)![1] : null;
      },
      30_000,
      `email ${count} to ${address}`,
    );
  }

  beforeAll(async () => {
    stack = await startDigestStack({ APP_URL, EMAIL_VERIFICATION: 'required', PASSWORD_RESETS_PER_HOUR: '3' });
    await stack.startWorker();
  }, 90_000);
  afterAll(async () => {
    await stack?.close();
  });

  it('lets an unverified account read but not post (403 saying why, in its language), and the emailed link verifies it', async () => {
    const org = stack.org.client;
    const consultation = await createConsultation(org, 'Verified voices');
    const roundtable = await createRoundtable(org, consultation.id);
    const space = await createSpace(org, roundtable.id);
    const amelie = await registerUser(stack.api.url, {
      tag: 'unverified',
      preferredLanguage: 'fr',
      displayName: 'Amélie',
    });
    expect((await amelie.client.get('/me')).body.emailVerified).toBe(false);
    expectStatus(await amelie.client.post(`/spaces/${space.id}/members`), 201, 'join');
    expectStatus(await amelie.client.get(`/spaces/${space.id}/contributions`), 200, 'read');
    const refused = await amelie.client.post(`/spaces/${space.id}/contributions`, {
      body: 'Nous avons besoin de digues plus hautes.',
    });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'email_unverified' });
    expect(messageOf(refused)).toMatch(/^Confirmez votre adresse e-mail avant de publier/);

    const token = await linkTo(amelie.email, VERIFY_LINK);
    const mail = stack.sink.to(amelie.email).find((m) => VERIFY_LINK.test(m.text))!;
    expect(mail.subject).toBe('Confirmez votre adresse e-mail pour Roundtable');
    expect(mail.text).toContain(`${APP_URL}/verify-email/${token}`);
    expectStatus(await new Client(stack.api.url).post('/auth/verify-email', { token }), 204, 'verify');
    expect((await new Client(stack.api.url).post('/auth/verify-email', { token })).status).toBe(400);
    expect((await amelie.client.get('/me')).body.emailVerified).toBe(true);
    expectStatus(
      await amelie.client.post(`/spaces/${space.id}/contributions`, {
        body: 'Nous avons besoin de digues plus hautes.',
      }),
      201,
      'post once verified',
    );
  });

  it('resets a forgotten password end to end: one email with a single-use link, every device signed out', async () => {
    const user = await registerUser(stack.api.url, { tag: 'reset' });
    const other = await signIn(stack.api.url, user, 'Old laptop');
    const asked = await new Client(stack.api.url).post('/auth/password-reset', { email: user.email.toUpperCase() });
    expect(asked.status).toBe(202);
    const token = await linkTo(user.email, RESET_LINK);
    const mail = stack.sink.to(user.email).find((m) => RESET_LINK.test(m.text))!;
    expect(mail.subject).toBe('Reset your Roundtable password');
    expect(mail.text).toContain(`${APP_URL}/reset-password/${token}`);
    const stored = await stack.pg.query(`SELECT token_hash FROM account_emails WHERE user_id = $1 AND kind = 'reset'`, [
      user.id,
    ]);
    expect(stored.rows[0].token_hash).not.toContain(token); // only its hash is kept

    const weak = await new Client(stack.api.url).post('/auth/password-reset/confirm', { token, newPassword: 'short' });
    expect(weak.status).toBe(400);
    expectStatus(
      await new Client(stack.api.url).post('/auth/password-reset/confirm', { token, newPassword: 'harbour-lights-77' }),
      204,
      'reset',
    );
    const again = await new Client(stack.api.url).post('/auth/password-reset/confirm', {
      token,
      newPassword: 'another-one-88',
    });
    expect(again.status).toBe(400);
    expect(messageOf(again)).toMatch(/already used or has expired/);

    expectStatus(await user.client.get('/me'), 401, 'registration token after reset');
    expectStatus(await new Client(stack.api.url, other.token).get('/me'), 401, 'other device after reset');
    expect(
      (await new Client(stack.api.url).post('/auth/login', { email: user.email, password: user.password })).status,
    ).toBe(401);
    const fresh = expectStatus(
      await new Client(stack.api.url).post('/auth/login', { email: user.email, password: 'harbour-lights-77' }),
      200,
      'new password',
    );
    expect(fresh.body.user.emailVerified).toBe(true); // the link proved the address
  });

  it('answers a reset request the same for a known and an unknown address (status, body, timing), emails only the known one, and limits requests per address', async () => {
    // eight of each, asked twice in turn: sixteen answers of each kind, so the noise of a busy machine widens both ranges
    const ids = [1, 2, 3, 4, 5, 6, 7, 8];
    const known = await Promise.all(ids.map((i) => registerUser(stack.api.url, { tag: `reset-known-${i}` })));
    const unknown = ids.map((i) => uniqueEmail(`reset-unknown-${i}`));
    const timings = { known: [] as number[], unknown: [] as number[] };
    const bodies = new Set<string>();
    let client = 0;
    const ask = async (email: string, kind: 'known' | 'unknown') => {
      client += 1;
      const started = performance.now();
      const res = await new Client(stack.api.url).request(
        'POST',
        '/auth/password-reset',
        { email },
        { 'x-forwarded-for': `198.51.100.${client}` },
      );
      timings[kind].push(performance.now() - started);
      expect(res.status).toBe(202);
      bodies.add(JSON.stringify(res.body));
    };
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < ids.length; i++) {
        await ask(known[i].email, 'known');
        await ask(unknown[i], 'unknown');
      }
    }
    expect(bodies.size).toBe(1);
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const [k, u] = [median(timings.known), median(timings.unknown)];
    // a leak (the known address doing visible work before answering) puts one median above every
    // answer of the other kind; machine noise (other processes) only widens both ranges
    expect(k).toBeLessThanOrEqual(Math.max(...timings.unknown));
    expect(u).toBeLessThanOrEqual(Math.max(...timings.known));

    await linkTo(known[3].email, RESET_LINK, 2);
    // the unknown addresses' jobs run beside the known ones': wait for all sixteen to be settled as skipped
    const skipped = await eventually(
      async () => {
        const { rows } = await stack.pg.query(
          `SELECT count(*)::int AS n FROM account_emails WHERE email = ANY($1) AND status = 'skipped'`,
          [unknown],
        );
        return rows[0].n >= 16 ? rows[0].n : null;
      },
      30_000,
      'the sixteen requests for unknown addresses settled as skipped',
    );
    expect(skipped).toBe(16);
    for (const email of unknown) expect(stack.sink.to(email)).toHaveLength(0);

    // the third request for one address in the hour is the last (PASSWORD_RESETS_PER_HOUR=3)
    expect(
      (
        await new Client(stack.api.url).request(
          'POST',
          '/auth/password-reset',
          { email: unknown[0] },
          { 'x-forwarded-for': '203.0.113.9' },
        )
      ).status,
    ).toBe(202);
    const limited = await new Client(stack.api.url).request(
      'POST',
      '/auth/password-reset',
      { email: unknown[0] },
      { 'x-forwarded-for': '203.0.113.10' },
    );
    expect(limited.status).toBe(429);
  });

  it('emails a notice when an account signs in from a device it never used', async () => {
    const user = await registerUser(stack.api.url, { tag: 'new-device' });
    await stack.pg.query(`UPDATE users SET email_verified_at = now() WHERE id = $1`, [user.id]);
    await signIn(stack.api.url, user, 'Unfamiliar tablet');
    await eventually(
      async () => {
        await stack.sink.settled();
        return stack.sink
          .to(user.email)
          .some((m) => m.subject === 'New sign-in to your Roundtable account' && m.text.includes('Unfamiliar tablet'));
      },
      30_000,
      'the new-device email',
    );
    const kinds = (await user.client.get('/me/security-log')).body.items.map((e: { kind: string }) => e.kind);
    expect(kinds).toContain('new_device');
  });
});

describe('two-factor sign-in required of staff (STAFF_TWO_FACTOR=required)', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi({ STAFF_TWO_FACTOR: 'required' });
  });
  afterAll(() => api?.close());

  it('blocks an organiser without two-factor sign-in from staff actions until they enrol; sign-in then asks for the code', async () => {
    const org = await organiser(api);
    const blocked = await org.client.post('/consultations', {
      title: { en: 'Two keys', fr: 'Deux clés', es: 'Dos llaves' },
      timezone: 'UTC',
    });
    expect(blocked.status).toBe(403);
    expect(blocked.body.code).toBe('two_factor_required');
    expectStatus(await org.client.get('/consultations'), 200, 'reading stays open');

    const enrolment = expectStatus(await org.client.post('/me/two-factor'), 201, 'enrol').body;
    expect(enrolment.qrCode).toMatch(/^data:image\/png;base64,/);
    expect(enrolment.otpauthUrl).toContain('otpauth://totp/');
    expect((await org.client.post('/me/two-factor/confirm', { code: '000000' })).status).toBe(400);
    const confirmed = expectStatus(
      await org.client.post('/me/two-factor/confirm', { code: generateSync({ secret: enrolment.secret }) }),
      200,
      'confirm',
    );
    expect(confirmed.body.recoveryCodes).toHaveLength(10);
    expectStatus(
      await org.client.post('/consultations', {
        title: { en: 'Two keys', fr: 'Deux clés', es: 'Dos llaves' },
        timezone: 'UTC',
      }),
      201,
      'staff action once enrolled',
    );

    const noCode = await new Client(api.url).post('/auth/login', { email: org.email, password: org.password });
    expect(noCode.status).toBe(401);
    expect(noCode.body.code).toBe('two_factor_required');
    expect(
      (await new Client(api.url).post('/auth/login', { email: org.email, password: org.password, code: '123456' }))
        .status,
    ).toBe(401);
    expectStatus(
      await new Client(api.url).post('/auth/login', {
        email: org.email,
        password: org.password,
        code: generateSync({ secret: enrolment.secret }),
      }),
      200,
      'with the code',
    );
    const recovery = confirmed.body.recoveryCodes[0];
    expectStatus(
      await new Client(api.url).post('/auth/login', { email: org.email, password: org.password, code: recovery }),
      200,
      'with a recovery code',
    );
    expect(
      (await new Client(api.url).post('/auth/login', { email: org.email, password: org.password, code: recovery }))
        .status,
    ).toBe(401);
  });

  it('lets a participant without two-factor sign-in post (only staff must enrol)', async () => {
    const org = await organiser(api);
    const secret = expectStatus(await org.client.post('/me/two-factor'), 201, 'enrol').body.secret;
    expectStatus(await org.client.post('/me/two-factor/confirm', { code: generateSync({ secret }) }), 200, 'confirm');
    const consultation = await createConsultation(org.client, 'Open floor');
    const roundtable = await createRoundtable(org.client, consultation.id);
    const space = await createSpace(org.client, roundtable.id);
    const member = await registerUser(api.url, { tag: 'no-2fa-participant' });
    expectStatus(await member.client.post(`/spaces/${space.id}/members`), 201, 'join');
    expectStatus(
      await member.client.post(`/spaces/${space.id}/contributions`, { body: 'Participants need no second factor.' }),
      201,
      'post',
    );
    const moderator = await registerUser(api.url, { tag: 'no-2fa-moderator' });
    expectStatus(
      await org.client.put(`/spaces/${space.id}/roles/${moderator.id}`, { role: 'moderator' }),
      200,
      'make a moderator',
    );
    const queue = await moderator.client.get(`/spaces/${space.id}/moderation/queue`);
    expect(queue.status).toBe(403);
    expect(queue.body.code).toBe('two_factor_required');
  });
});

describe('verified affiliations', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api?.close());

  it('starts self-declared; an organiser confirms it (and only an organiser)', async () => {
    const org = await organiser(api);
    const member = await registerUser(api.url, { tag: 'affiliation', organisation: 'Ministry of Water' });
    expect((await member.client.get('/me')).body.affiliationVerified).toBe(false);
    expect((await member.client.put(`/users/${member.id}/affiliation`, { verified: true })).status).toBe(403);
    expectStatus(await org.client.put(`/users/${member.id}/affiliation`, { verified: true }), 200, 'confirm');
    expect((await member.client.get('/me')).body.affiliationVerified).toBe(true);
    expectStatus(await org.client.put(`/users/${member.id}/affiliation`, { verified: false }), 200, 'withdraw');
    expect((await member.client.get('/me')).body.affiliationVerified).toBe(false);
    expect(
      (await org.client.put(`/users/00000000-0000-4000-8000-000000000000/affiliation`, { verified: true })).status,
    ).toBe(404);
  });

  it('counts verified and self-declared participants apart, and says how many are verified', () => {
    const space = { id: 's1', number: 1, prompt: { en: 'Q', fr: 'Q', es: 'Q' }, members: 5, digests: 1 };
    const person = (authorId: string, verified: boolean) => ({
      spaceId: 's1',
      authorId,
      byModerator: false,
      constituency: 'state' as const,
      country: `C${authorId}`,
      organisation: null,
      contributions: 1,
      replies: 0,
      verified,
    });
    const { participation } = participationFigures(
      [person('a', true), person('b', true), person('c', false)],
      [space],
      {},
    );
    expect(participation).toMatchObject({ participants: 3, verified: 2 });
    expect(CATALOGUES.en.participants(3, [], 2)).toBe('3 participants took part (2 verified).');
    expect(CATALOGUES.fr.participants(3, [], 2)).toBe('3 participants ont pris part (2 vérifiés).');
    expect(CATALOGUES.es.participants(3, [], 2)).toBe('Participaron 3 personas (2 verificadas).');
  });
});
