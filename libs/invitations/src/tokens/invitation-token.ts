import { createHash, randomBytes } from 'node:crypto';

/** 32 random bytes, base64url: 43 characters. */
const TOKEN_BYTES = 32;
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/**
 * The secret of an invitation link. Only its SHA-256 is stored: whoever reads the
 * database cannot open an invitation; a plain hash suffices because the token is 256
 * random bits (nothing to guess, nothing to salt against).
 */
export function newInvitationToken(): { token: string; hash: Buffer } {
  const token = randomBytes(TOKEN_BYTES).toString('base64url');
  return { token, hash: hashInvitationToken(token) };
}

export function hashInvitationToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/** Whether a string can be a token at all (anything else is refused before the database is asked). */
export function looksLikeInvitationToken(value: unknown): value is string {
  return typeof value === 'string' && TOKEN_SHAPE.test(value);
}
