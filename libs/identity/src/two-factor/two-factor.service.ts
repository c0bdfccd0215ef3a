import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { generateSecret, generateURI, verifySync } from 'otplib';
import { DataSource } from 'typeorm';
import { DomainError } from '@roundtable/core';
import { AccessCache } from '../access/access-cache';
import { PasswordHasher } from '../auth/password-hasher';
import { hashSecret } from '../auth/secret-hash';
import { SecurityLog } from '../security/security-log';
import type { ClientInfo } from '../sessions/client-info';
import { IDENTITY_MESSAGES as M } from '../identity-messages';

const RECOVERY_CODES = 10;
const hashCode = (code: string) => hashSecret(code.replace(/[\s-]/g, '').toLowerCase());

export interface TwoFactorEnrolment {
  secret: string;
  otpauthUrl: string;
  /** The otpauth URL as a QR code (PNG data URL) for an authenticator app to scan. */
  qrCode: string;
}

/**
 * Two-factor sign-in with TOTP (RFC 6238, 30-second codes, via otplib) and ten one-time
 * recovery codes (stored hashed). Enrolment is two steps: a pending secret shown as a QR
 * code, then a code from the app confirms it.
 */
@Injectable()
export class TwoFactorService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly access: AccessCache,
    private readonly log: SecurityLog,
  ) {}

  async begin(userId: string): Promise<TwoFactorEnrolment> {
    const [user] = await this.db.query(`SELECT email, totp_enabled_at FROM users WHERE id = $1`, [userId]);
    if (user.totp_enabled_at) throw DomainError.conflict(M.twoFactorAlreadyOn, 'two_factor_enabled');
    const secret = generateSecret();
    await this.db.query(`UPDATE users SET totp_pending_secret = $2 WHERE id = $1`, [userId, secret]);
    const otpauthUrl = generateURI({ issuer: 'Roundtable', label: user.email ?? userId, secret });
    // the QR encoder is loaded by the first enrolment, not by every api process at boot
    const { toDataURL } = await import('qrcode');
    return { secret, otpauthUrl, qrCode: await toDataURL(otpauthUrl, { margin: 1, width: 240 }) };
  }

  /** Turns two-factor sign-in on with a code from the app; returns the recovery codes (shown once). */
  async confirm(userId: string, code: string, client: ClientInfo): Promise<string[]> {
    const [user] = await this.db.query(`SELECT totp_pending_secret FROM users WHERE id = $1`, [userId]);
    if (!user.totp_pending_secret) throw DomainError.badRequest(M.noEnrolment, 'no_enrolment');
    if (!this.codeMatches(user.totp_pending_secret, code))
      throw DomainError.badRequest(M.enrolmentCodeWrong, 'invalid_code');
    const codes = Array.from({ length: RECOVERY_CODES }, () =>
      randomBytes(5)
        .toString('hex')
        .replace(/(.{5})/, '$1-'),
    );
    await this.db.query(
      `UPDATE users SET totp_secret = totp_pending_secret, totp_pending_secret = NULL, totp_enabled_at = now(), recovery_code_hashes = $2 WHERE id = $1`,
      [userId, codes.map(hashCode)],
    );
    await this.log.record(userId, 'two_factor_enabled', client);
    await this.access.changed(userId);
    return codes;
  }

  async disable(userId: string, password: string, client: ClientInfo): Promise<void> {
    const [user] = await this.db.query(`SELECT password_hash FROM users WHERE id = $1`, [userId]);
    if (!(await this.hasher.verify(user.password_hash, password)))
      throw DomainError.forbidden(M.passwordIncorrect, 'invalid_password');
    await this.db.query(
      `UPDATE users SET totp_secret = NULL, totp_pending_secret = NULL, totp_enabled_at = NULL, recovery_code_hashes = '{}' WHERE id = $1`,
      [userId],
    );
    await this.log.record(userId, 'two_factor_disabled', client);
    await this.access.changed(userId);
  }

  /** A sign-in's second factor: a current TOTP code, or an unused recovery code (then used up). */
  async verifySignIn(userId: string, secret: string, code: string, client: ClientInfo): Promise<boolean> {
    if (this.codeMatches(secret, code)) return true;
    const [[used]]: [unknown[], number] = await this.db.query(
      `UPDATE users SET recovery_code_hashes = array_remove(recovery_code_hashes, $2) WHERE id = $1 AND $2 = ANY(recovery_code_hashes) RETURNING id`,
      [userId, hashCode(code)],
    );
    if (used) await this.log.record(userId, 'recovery_code_used', client);
    return !!used;
  }

  private codeMatches(secret: string, code: string): boolean {
    const digits = code.replace(/\s/g, '');
    if (!/^\d{6}$/.test(digits)) return false;
    // one step either side: clocks drift and people type slowly
    return verifySync({ secret, token: digits, epochTolerance: 30 }).valid;
  }
}
