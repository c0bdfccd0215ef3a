import { createHash, randomBytes } from 'node:crypto';

/**
 * SHA-256 of a high-entropy secret (refresh tokens, link tokens, recovery codes): what
 * the database keeps in their place. A fast hash is enough: they are random, not chosen.
 */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** 32 random bytes, base64url: a refresh or link token. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}
