import { AppConfig } from '@roundtable/core';
import { UnsubscribeTokens } from './unsubscribe-tokens';

const config = (extra: Partial<AppConfig> = {}) =>
  Object.assign(new AppConfig(), { JWT_SECRET: 'x'.repeat(40), ...extra });
const USER = '3f2b8c1e-9d4a-4c6b-8e2f-1a2b3c4d5e6f';

describe('unsubscribe tokens', () => {
  const tokens = new UnsubscribeTokens(config());

  it('round-trips the member id in a 43-character URL-safe token', () => {
    const token = tokens.sign(USER);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(tokens.verify(token)).toBe(USER);
  });

  it('refuses any change to the token, another key, and garbage', () => {
    const token = tokens.sign(USER);
    for (let i = 0; i < token.length; i += 1) {
      const flipped = token.slice(0, i) + (token[i] === 'A' ? 'B' : 'A') + token.slice(i + 1);
      expect(tokens.verify(flipped)).toBeNull();
    }
    expect(new UnsubscribeTokens(config({ JWT_SECRET: 'y'.repeat(40) })).verify(token)).toBeNull();
    expect(new UnsubscribeTokens(config({ UNSUBSCRIBE_SECRET: 'z'.repeat(40) })).verify(token)).toBeNull();
    for (const bad of ['', 'abc', `${token}x`, undefined, null]) expect(tokens.verify(bad as string)).toBeNull();
  });
});
