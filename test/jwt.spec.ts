import { createHmac, randomUUID } from 'node:crypto';
import * as jwt from 'jsonwebtoken';
import { loadConfig } from '@roundtable/core';
import { Client, registerUser, startTestApi, TestApi, TestUser } from './support/test-api';
import { expectErrorShape, expectStatus } from './support/world';

const b64url = (value: unknown) =>
  Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

describe('access tokens are verified strictly', () => {
  let api: TestApi;
  let user: TestUser;
  const config = loadConfig();
  const secret = config.JWT_SECRET;
  const now = () => Math.floor(Date.now() / 1000);

  /** A token exactly as the api signs them, with some claims or options changed. */
  const sign = (options: jwt.SignOptions = {}, key: jwt.Secret = secret, payload: object = {}) =>
    jwt.sign(payload, key, {
      algorithm: 'HS256',
      subject: user.id,
      issuer: config.JWT_ISSUER,
      audience: config.JWT_AUDIENCE,
      expiresIn: 600,
      ...options,
    });

  /** header.payload.signature built by hand, signed with HMAC-SHA256 over the given secret. */
  const handmade = (header: object, payload: object, key = secret) => {
    const input = `${b64url(header)}.${b64url(payload)}`;
    return `${input}.${createHmac('sha256', key).update(input).digest('base64url')}`;
  };
  const claims = () => ({
    sub: user.id,
    iss: config.JWT_ISSUER,
    aud: config.JWT_AUDIENCE,
    iat: now(),
    exp: now() + 600,
  });

  const me = (token: string) => new Client(api.url, token).get('/me');

  beforeAll(async () => {
    api = await startTestApi();
    user = await registerUser(api.url);
  });
  afterAll(() => api.close());

  it('accepts a well-formed token (the control for every case below)', async () => {
    expectStatus(await me(user.token), 200);
    expectStatus(await me(sign()), 200);
    expectStatus(await me(handmade({ alg: 'HS256', typ: 'JWT' }, claims())), 200);
  });

  const refused: Array<[string, () => string]> = [
    ['alg none, no signature', () => `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url(claims())}.`],
    [
      'alg none, with the real signature kept',
      () => {
        const [, , signature] = sign().split('.');
        return `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url(claims())}.${signature}`;
      },
    ],
    ['alg "None" spelled differently', () => `${b64url({ alg: 'None', typ: 'JWT' })}.${b64url(claims())}.`],
    ['another HMAC algorithm (HS512) with the right secret', () => sign({ algorithm: 'HS512' })],
    ['wrong audience', () => sign({ audience: 'some-other-api' })],
    ['no audience', () => handmade({ alg: 'HS256', typ: 'JWT' }, { ...claims(), aud: undefined })],
    ['wrong issuer', () => sign({ issuer: 'someone-else' })],
    ['no issuer', () => handmade({ alg: 'HS256', typ: 'JWT' }, { ...claims(), iss: undefined })],
    ['expired', () => sign({ expiresIn: -10 })],
    [
      'expired long ago',
      () => handmade({ alg: 'HS256', typ: 'JWT' }, { ...claims(), iat: now() - 7200, exp: now() - 3600 }),
    ],
    ['without an expiry', () => handmade({ alg: 'HS256', typ: 'JWT' }, { ...claims(), exp: undefined })],
    ['not valid yet', () => sign({ notBefore: 600 })],
    [
      'tampered payload (someone else as subject)',
      () => {
        const [header, , signature] = sign().split('.');
        return `${header}.${b64url({ ...claims(), sub: randomUUID() })}.${signature}`;
      },
    ],
    [
      'tampered signature',
      () => {
        const token = sign();
        const last = token.at(-2) === 'A' ? 'B' : 'A';
        return `${token.slice(0, -2)}${last}${token.at(-1)}`;
      },
    ],
    ['signature stripped', () => sign().split('.').slice(0, 2).join('.') + '.'],
    ['signed with another secret', () => sign({}, 'another-secret-of-at-least-32-characters!!')],
    ['signed for a user that does not exist', () => sign({ subject: randomUUID() })],
    ['a subject that is not a user id', () => sign({ subject: "' OR 1=1 --" })],
    ['garbage', () => 'garbage'],
    ['three garbage parts', () => 'a.b.c'],
    ['an empty JSON header', () => `${b64url({})}.${b64url(claims())}.`],
  ];

  it.each(refused)('refuses a token: %s → 401', async (_label, make) => {
    const res = await me(make());
    expectErrorShape(res, 401);
    expect(res.body).not.toHaveProperty('email');
  });

  it('refuses a request without a token, or with a malformed Authorization header, with 401', async () => {
    expectErrorShape(await new Client(api.url).get('/me'), 401);
    expectErrorShape(
      await new Client(api.url).request('GET', '/me', undefined, { authorization: `Basic ${user.token}` }),
      401,
    );
    expectErrorShape(await new Client(api.url).request('GET', '/me', undefined, { authorization: 'Bearer' }), 401);
    expectErrorShape(
      await new Client(api.url).request('GET', '/me', undefined, { authorization: `Bearer ${user.token} extra` }),
      401,
    );
  });
});
