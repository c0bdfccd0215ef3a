import { randomBytes } from 'node:crypto';
import { Client, registerUser, startTestApi, TestApi, uniqueEmail } from './support/test-api';
import { expectErrorShape, expectStatus, messageOf } from './support/world';

const ADMIN_EMAIL = `admin-${process.pid}-${Date.now()}@example.org`;
const ADMIN_PASSWORD = 'admin-password-2024';

/** A fresh client address per test, so the per-address login limit of one test never spills into another. */
function fromAddress(client: Client, ip: string) {
  return {
    login: (body: unknown) => client.request('POST', '/auth/login', body, { 'x-forwarded-for': ip }),
  };
}
const randomIp = () => `10.${[...randomBytes(3)].join('.')}`;

function registration(overrides: Record<string, unknown> = {}) {
  return {
    email: uniqueEmail('acct'),
    password: 'kelp-forest-42',
    displayName: 'Amina Diallo',
    organisation: 'Coastal Cities Network',
    constituency: 'local_government',
    country: 'SN',
    preferredLanguage: 'fr',
    ...overrides,
  };
}

describe('accounts', () => {
  let api: TestApi;
  let anon: Client;

  beforeAll(async () => {
    api = await startTestApi({ ADMIN_EMAIL, ADMIN_PASSWORD });
    anon = new Client(api.url);
  });
  afterAll(() => api.close());

  it('registers, signs in and reads the profile with the token', async () => {
    const input = registration();
    const reg = expectStatus(await anon.post('/auth/register', input), 201);
    expect(reg.body.accessToken).toEqual(expect.any(String));
    expect(reg.body.user).toMatchObject({
      email: input.email,
      displayName: 'Amina Diallo',
      organisation: 'Coastal Cities Network',
      constituency: 'local_government',
      country: 'SN',
      preferredLanguage: 'fr',
      digest: 'weekly',
      isOrganiser: false,
    });
    expect(JSON.stringify(reg.body)).not.toContain(input.password);
    expect(JSON.stringify(reg.body)).not.toMatch(/argon2|passwordHash/i);

    const login = expectStatus(
      await fromAddress(anon, randomIp()).login({ email: input.email, password: input.password }),
      200,
    );
    expect(login.body.user.id).toBe(reg.body.user.id);

    const me = expectStatus(await anon.as(login.body.accessToken).get('/me'), 200);
    expect(me.body).toMatchObject({ id: reg.body.user.id, email: input.email, constituency: 'local_government' });
    // the registration token works as well
    expectStatus(await anon.as(reg.body.accessToken).get('/me'), 200);
  });

  it('signs in with the email in another case and with surrounding spaces', async () => {
    const input = registration();
    expectStatus(await anon.post('/auth/register', input), 201);
    const res = await fromAddress(anon, randomIp()).login({
      email: `  ${input.email.toUpperCase()} `,
      password: input.password,
    });
    expectStatus(res, 200);
  });

  it('changes the profile and the digest preference with PATCH /me', async () => {
    const user = await registerUser(api.url);
    const patched = expectStatus(
      await user.client.patch('/me', {
        displayName: 'Amina D.',
        organisation: 'Delta Youth Forum',
        constituency: 'youth',
        country: 'FR',
        preferredLanguage: 'es',
        digest: 'off',
      }),
      200,
    );
    expect(patched.body).toMatchObject({
      displayName: 'Amina D.',
      constituency: 'youth',
      preferredLanguage: 'es',
      digest: 'off',
    });
    const me = expectStatus(await user.client.get('/me'), 200);
    expect(me.body).toMatchObject({
      displayName: 'Amina D.',
      organisation: 'Delta Youth Forum',
      constituency: 'youth',
      country: 'FR',
      preferredLanguage: 'es',
      digest: 'off',
      isOrganiser: false,
    });

    expectStatus(await user.client.patch('/me', { digest: 'weekly' }), 200);
    expect((await user.client.get('/me')).body).toMatchObject({ digest: 'weekly', displayName: 'Amina D.' });
  });

  it('refuses bad profile changes and cannot be used to become an organiser', async () => {
    const user = await registerUser(api.url);
    const badDigest = await user.client.patch('/me', { digest: 'daily' });
    expectErrorShape(badDigest, 400);
    expect(messageOf(badDigest)).toMatch(/digest/);
    expectErrorShape(await user.client.patch('/me', { constituency: 'aliens' }), 400);
    expectErrorShape(await user.client.patch('/me', { isOrganiser: true }), 400);
    expectErrorShape(await user.client.patch('/me', { email: 'someone-else@example.org' }), 400);
    for (const field of ['displayName', 'constituency', 'preferredLanguage', 'digest']) {
      const res = await user.client.patch('/me', { [field]: null });
      expectErrorShape(res, 400);
      expect(messageOf(res)).toContain(field);
    }
    expect((await user.client.get('/me')).body).toMatchObject({ isOrganiser: false, email: user.email });
  });

  it('clears the optional organisation and country with null', async () => {
    const user = await registerUser(api.url, { organisation: 'Somewhere', country: 'CL' });
    const res = expectStatus(await user.client.patch('/me', { organisation: null, country: null }), 200);
    expect(res.body).toMatchObject({ organisation: null, country: null, displayName: 'Test Person' });
  });

  it('refuses a second account with the same email, whatever its case or surrounding spaces', async () => {
    const input = registration();
    expectStatus(await anon.post('/auth/register', input), 201);

    const again = await anon.post('/auth/register', registration({ email: input.email }));
    expectErrorShape(again, 409);
    const upper = await anon.post('/auth/register', registration({ email: input.email.toUpperCase() }));
    expectErrorShape(upper, 409);
    const padded = await anon.post(
      '/auth/register',
      registration({ email: `  ${input.email.replace(/^./, (c) => c.toUpperCase())}\t` }),
    );
    expectErrorShape(padded, 409);
  });

  it('refuses an unknown constituency with a message naming the field', async () => {
    const res = await anon.post('/auth/register', registration({ constituency: 'aliens' }));
    expectErrorShape(res, 400);
    expect(messageOf(res)).toMatch(/constituency/);
  });

  it('refuses a missing constituency, a bad language and a bad email with 400', async () => {
    const { constituency: _c, ...noConstituency } = registration();
    const missing = await anon.post('/auth/register', noConstituency);
    expectErrorShape(missing, 400);
    expect(messageOf(missing)).toMatch(/constituency/);

    const lang = await anon.post('/auth/register', registration({ preferredLanguage: 'de' }));
    expectErrorShape(lang, 400);
    expect(messageOf(lang)).toMatch(/preferredLanguage/);

    const email = await anon.post('/auth/register', registration({ email: 'not-an-email' }));
    expectErrorShape(email, 400);
    expect(messageOf(email)).toMatch(/email/);
  });

  it.each([
    ['too short', 'abc12'],
    ['letters only', 'onlylettershere'],
    ['digits only', '12345678901234'],
  ])('refuses a weak password (%s) with 400', async (_label, password) => {
    const input = registration({ password });
    const res = await anon.post('/auth/register', input);
    expectErrorShape(res, 400);
    expect(messageOf(res)).toMatch(/password/);
    // and no account was made
    expectStatus(await fromAddress(anon, randomIp()).login({ email: input.email, password }), 401);
  });

  it('answers a wrong password exactly as it answers an unknown email', async () => {
    const user = await registerUser(api.url);
    const client = fromAddress(anon, randomIp());
    const wrong = await client.login({ email: user.email, password: 'not-the-password-1' });
    const unknown = await client.login({ email: uniqueEmail('nobody'), password: 'not-the-password-1' });
    expectErrorShape(wrong, 401);
    expectErrorShape(unknown, 401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body).not.toHaveProperty('accessToken');
  });

  it('rate-limits repeated wrong passwords: 20 in a minute get a 429 with Retry-After', async () => {
    const user = await registerUser(api.url);
    const client = fromAddress(anon, randomIp());
    const statuses: number[] = [];
    let limited: Awaited<ReturnType<typeof client.login>> | undefined;
    for (let i = 0; i < 20; i += 1) {
      const res = await client.login({ email: user.email, password: `wrong-password-${i}` });
      statuses.push(res.status);
      if (res.status === 429) limited ??= res;
    }
    expect(statuses.filter((s) => s !== 401 && s !== 429)).toEqual([]);
    expect(statuses).toContain(429);
    expectErrorShape(limited!, 429);
    const retryAfter = Number(limited!.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // while blocked, even the right password is refused: guessing cannot continue
    expectStatus(await client.login({ email: user.email, password: user.password }), 429);
  });

  it('rate-limits wrong passwords per account even when they come from many addresses', async () => {
    const user = await registerUser(api.url);
    const statuses: number[] = [];
    for (let i = 0; i < 20; i += 1) {
      statuses.push(
        (await fromAddress(anon, randomIp()).login({ email: user.email, password: `wrong-password-${i}` })).status,
      );
    }
    expect(statuses).toContain(429);
  });

  it('makes the ADMIN_EMAIL / ADMIN_PASSWORD account an organiser at boot', async () => {
    const login = expectStatus(
      await fromAddress(anon, randomIp()).login({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD }),
      200,
      'admin login',
    );
    expect(login.body.user).toMatchObject({ email: ADMIN_EMAIL, isOrganiser: true });
    const me = expectStatus(await anon.as(login.body.accessToken).get('/me'), 200);
    expect(me.body.isOrganiser).toBe(true);
    // and it may do what organisers do
    expectStatus(
      await anon
        .as(login.body.accessToken)
        .post('/consultations', { title: { en: 'Admin consultation' }, timezone: 'UTC' }),
      201,
    );
  });

  it('never makes a self-registered account an organiser', async () => {
    const res = await anon.post('/auth/register', { ...registration(), isOrganiser: true });
    expectErrorShape(res, 400);
  });
});
