import { createSecretKey, KeyObject } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import * as jwt from 'jsonwebtoken';
import { AppConfig } from '@roundtable/core';

export interface AccessClaims {
  sub: string;
  /** The signed-in device (session) the token was issued to; absent on tokens made outside a sign-in. */
  sid?: string;
  /** Issued at, in seconds. */
  iat: number;
}

/** How many verified tokens are remembered; past it, the memory starts afresh. */
const VERIFIED_MAX = 10_000;

/**
 * Signs and strictly verifies access tokens: HS256 only, with issuer, audience and expiry.
 * The secret is a KeyObject: handed over as a string, jsonwebtoken first tries
 * `createPublicKey()` on it, which costs ~0.9 ms per verification.
 */
@Injectable()
export class TokenService {
  private readonly key: KeyObject;
  /**
   * Tokens that passed verification, with their claims and expiry (in seconds): a reader
   * sends the same token with every request, and its signature, issuer and audience do
   * not change; only its expiry is checked again. Tokens that fail are never remembered.
   */
  private readonly verified = new Map<string, { claims: AccessClaims; exp: number }>();

  constructor(private readonly config: AppConfig) {
    this.key = createSecretKey(Buffer.from(config.JWT_SECRET, 'utf8'));
  }

  sign(userId: string, sessionId?: string): string {
    return jwt.sign(sessionId ? { sid: sessionId } : {}, this.key, {
      algorithm: 'HS256',
      subject: userId,
      issuer: this.config.JWT_ISSUER,
      audience: this.config.JWT_AUDIENCE,
      expiresIn: this.config.JWT_TTL_SECONDS,
    });
  }

  /**
   * Returns the claims, or null for any token that is not ours, not valid, expired or without
   * an expiry. `ignoreExpiration`: for a live socket, whose session is what still counts.
   */
  verify(token: string, options: { ignoreExpiration?: boolean } = {}): AccessClaims | null {
    const known = this.verified.get(token);
    if (known) return options.ignoreExpiration || Math.floor(Date.now() / 1000) <= known.exp ? known.claims : null;
    try {
      const claims = jwt.verify(token, this.key, {
        algorithms: ['HS256'],
        issuer: this.config.JWT_ISSUER,
        audience: this.config.JWT_AUDIENCE,
        ignoreExpiration: options.ignoreExpiration === true,
      });
      // jsonwebtoken checks `exp` only when present: a token without one would never expire
      if (typeof claims !== 'object' || typeof claims.sub !== 'string' || typeof claims.exp !== 'number') return null;
      const sid = typeof claims.sid === 'string' ? claims.sid : undefined;
      const verified = { sub: claims.sub, sid, iat: typeof claims.iat === 'number' ? claims.iat : 0 };
      if (this.verified.size >= VERIFIED_MAX) this.verified.clear();
      this.verified.set(token, { claims: verified, exp: claims.exp });
      return verified;
    } catch {
      return null;
    }
  }
}
