import type { AppConfig } from '@roundtable/core';
import { TokenService } from './token.service';

describe('TokenService', () => {
  const config = (secret: string) =>
    ({
      JWT_SECRET: secret,
      JWT_ISSUER: 'roundtable',
      JWT_AUDIENCE: 'roundtable-api',
      JWT_TTL_SECONDS: 60,
    }) as AppConfig;
  const user = '6f1c1d7e-3a52-4d8a-9a57-0b7f0a5b8c11';
  const session = '0c8d6b1e-52f4-4a8e-8f0b-3b1d9c2e7a44';
  afterEach(() => jest.restoreAllMocks());

  it('accepts its own token every time it is shown, until it expires, and then only for a live socket', () => {
    const tokens = new TokenService(config('a-secret-long-enough-for-the-tests-0001'));
    const token = tokens.sign(user, session);
    const claims = { sub: user, sid: session, iat: expect.any(Number) };
    expect(tokens.verify(token)).toEqual(claims);
    expect(tokens.verify(token)).toEqual(claims); // remembered: the same answer

    const now = Date.now();
    jest.spyOn(Date, 'now').mockReturnValue(now + 61_000);
    expect(tokens.verify(token)).toBeNull();
    expect(tokens.verify(token, { ignoreExpiration: true })).toEqual(claims);
  });

  it('refuses, every time, a token that was altered or signed with another secret', () => {
    const tokens = new TokenService(config('a-secret-long-enough-for-the-tests-0001'));
    const theirs = new TokenService(config('another-secret-long-enough-for-tests-02')).sign(user);
    const [head, , signature] = tokens.sign(user).split('.');
    const altered = [
      head,
      Buffer.from(JSON.stringify({ sub: user, exp: 4102444800 })).toString('base64url'),
      signature,
    ];
    for (const token of [theirs, altered.join('.'), 'not-a-token']) {
      expect([token, tokens.verify(token)]).toEqual([token, null]);
      expect([token, tokens.verify(token)]).toEqual([token, null]);
    }
  });
});
