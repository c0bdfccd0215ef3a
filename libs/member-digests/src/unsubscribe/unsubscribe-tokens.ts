import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '@roundtable/core';

/** What the MAC covers besides the member: a token unsubscribes from the weekly digest and nothing else. */
const PURPOSE = 'roundtable:unsubscribe:member-digest:v1';
const MAC_BYTES = 16;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Signed, unguessable unsubscribe tokens, one per member, that work without signing in:
 * base64url(member id ‖ HMAC-SHA256(key, purpose ‖ member id)[0..16]), 43 characters.
 * The key is UNSUBSCRIBE_SECRET, or else derived from JWT_SECRET with HKDF (a separate key
 * for a separate use). Tokens do not expire: an old digest's link keeps working, as
 * RFC 8058 expects.
 */
@Injectable()
export class UnsubscribeTokens {
  private readonly key: Buffer;

  constructor(config: AppConfig) {
    this.key = config.UNSUBSCRIBE_SECRET
      ? Buffer.from(config.UNSUBSCRIBE_SECRET, 'utf8')
      : Buffer.from(hkdfSync('sha256', config.JWT_SECRET, 'roundtable', PURPOSE, 32));
  }

  sign(userId: string): string {
    if (!UUID.test(userId)) throw new Error(`not a member id: ${userId}`);
    const id = Buffer.from(userId.replace(/-/g, ''), 'hex');
    return Buffer.concat([id, this.mac(id)]).toString('base64url');
  }

  /** The member id the token was made for, or null for anything we did not sign. */
  verify(token: string | undefined | null): string | null {
    if (typeof token !== 'string' || !/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
    const raw = Buffer.from(token, 'base64url');
    if (raw.length !== 16 + MAC_BYTES) return null;
    const id = raw.subarray(0, 16);
    if (!timingSafeEqual(raw.subarray(16), this.mac(id))) return null;
    const hex = id.toString('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }

  private mac(id: Buffer): Buffer {
    return createHmac('sha256', this.key).update(PURPOSE).update(id).digest().subarray(0, MAC_BYTES);
  }
}
