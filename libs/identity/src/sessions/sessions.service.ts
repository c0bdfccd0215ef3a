import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig, DomainError, NOT_FOUND } from '@roundtable/core';
import { AccessCache } from '../access/access-cache';
import { hashSecret, newSecret } from '../auth/secret-hash';
import { TokenService } from '../auth/token.service';
import { SecurityLog } from '../security/security-log';
import { ClientInfo } from './client-info';
import { IDENTITY_MESSAGES as M } from '../identity-messages';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface IssuedSession {
  sessionId: string;
  accessToken: string;
  /** `<sessionId>.<secret>`: goes to the HttpOnly cookie only; the database keeps its hash. */
  refreshToken: string;
  expiresAt: Date;
}

export interface SessionRow {
  id: string;
  device: string;
  ip: string | null;
  created_at: Date;
  last_used_at: Date;
}

const NOT_SIGNED_IN = () => new DomainError(HttpStatus.UNAUTHORIZED, 'session_ended', M.sessionEnded);

/**
 * Signed-in devices. Each sign-in opens a session holding the hash of a refresh token;
 * renewing the access token rotates it. A refresh token presented after it was rotated
 * means a copy exists somewhere: the whole session ends (with every access token issued
 * to it). Ending sessions announces the change to every api process at once, which then
 * refuse their access tokens and disconnect their sockets.
 */
@Injectable()
export class SessionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly tokens: TokenService,
    private readonly access: AccessCache,
    private readonly log: SecurityLog,
    private readonly config: AppConfig,
  ) {}

  /** Opens a session for a sign-in; says whether the device was never seen on this account before. */
  async open(userId: string, client: ClientInfo): Promise<IssuedSession & { newDevice: boolean }> {
    const secret = newSecret();
    const [row] = await this.db.query(
      `WITH seen AS (SELECT EXISTS (SELECT 1 FROM sessions WHERE user_id = $1) AS known_account, EXISTS (SELECT 1 FROM sessions WHERE user_id = $1 AND device = $3) AS known_device)
       INSERT INTO sessions (user_id, refresh_hash, device, ip, expires_at)
       VALUES ($1, $2, $3, $4, now() + make_interval(days => $5::int))
       RETURNING id, expires_at, (SELECT known_account AND NOT known_device FROM seen) AS new_device`,
      [userId, hashSecret(secret), client.device, client.ip, this.config.SESSION_TTL_DAYS],
    );
    return { ...this.issue(userId, row.id, secret, row.expires_at), newDevice: row.new_device };
  }

  /** Renews a session's access token and rotates its refresh token. */
  async refresh(refreshToken: string | undefined, client: ClientInfo): Promise<IssuedSession & { userId: string }> {
    const [sessionId, secret] = (refreshToken ?? '').split('.');
    if (!sessionId || !secret || !UUID.test(sessionId)) throw NOT_SIGNED_IN();
    const next = newSecret();
    const [[row]]: [Array<{ user_id: string; expires_at: Date }>, number] = await this.db.query(
      `UPDATE sessions SET refresh_hash = $3, last_used_at = now(), ip = $4, expires_at = now() + make_interval(days => $5::int)
       WHERE id = $1 AND refresh_hash = $2 AND ended_at IS NULL AND expires_at > now()
       RETURNING user_id, expires_at`,
      [sessionId, hashSecret(secret), hashSecret(next), client.ip, this.config.SESSION_TTL_DAYS],
    );
    if (row) return { userId: row.user_id, ...this.issue(row.user_id, sessionId, next, row.expires_at) };
    // not rotated: unknown, ended or expired, or an old token of a live session (reuse)
    const [[reused]]: [Array<{ user_id: string }>, number] = await this.db.query(
      `UPDATE sessions SET ended_at = now(), end_reason = 'refresh_reuse' WHERE id = $1 AND ended_at IS NULL AND expires_at > now() RETURNING user_id`,
      [sessionId],
    );
    if (reused) {
      await this.log.record(reused.user_id, 'refresh_reuse', client);
      await this.access.changed(reused.user_id);
    }
    throw NOT_SIGNED_IN();
  }

  async list(userId: string): Promise<SessionRow[]> {
    return this.db.query(
      `SELECT id, device, ip, created_at, last_used_at FROM sessions
       WHERE user_id = $1 AND ended_at IS NULL AND expires_at > now() ORDER BY last_used_at DESC LIMIT 200`,
      [userId],
    );
  }

  /** Ends one session of the user; 404 when it is not theirs or already ended. */
  async end(userId: string, sessionId: string, reason: string): Promise<void> {
    if (!UUID.test(sessionId)) throw DomainError.notFound(NOT_FOUND.session);
    const [rows]: [unknown[], number] = await this.db.query(
      `UPDATE sessions SET ended_at = now(), end_reason = $3 WHERE id = $1 AND user_id = $2 AND ended_at IS NULL RETURNING id`,
      [sessionId, userId, reason],
    );
    if (rows.length === 0) throw DomainError.notFound(NOT_FOUND.session);
    await this.access.changed(userId);
  }

  /**
   * Ends every session of the user but `keep` (the device asking, when it stays signed in),
   * and every token made outside a session: on every api process, at once.
   */
  async endAll(userId: string, reason: string, keep?: string): Promise<void> {
    await this.db.query(
      `UPDATE sessions SET ended_at = now(), end_reason = $2 WHERE user_id = $1 AND ended_at IS NULL AND ($3::uuid IS NULL OR id <> $3)`,
      [userId, reason, keep ?? null],
    );
    await this.db.query(`UPDATE users SET tokens_valid_after = now() WHERE id = $1`, [userId]);
    await this.access.changed(userId);
  }

  /** The session a refresh token names, when it is one of the user's live sessions (sign-out of this device). */
  async endByRefreshToken(refreshToken: string | undefined): Promise<void> {
    const [sessionId, secret] = (refreshToken ?? '').split('.');
    if (!sessionId || !secret || !UUID.test(sessionId)) return;
    const [[ended]]: [Array<{ user_id: string }>, number] = await this.db.query(
      `UPDATE sessions SET ended_at = now(), end_reason = 'signed_out' WHERE id = $1 AND refresh_hash = $2 AND ended_at IS NULL RETURNING user_id`,
      [sessionId, hashSecret(secret)],
    );
    if (ended) await this.access.changed(ended.user_id);
  }

  private issue(userId: string, sessionId: string, secret: string, expiresAt: Date): IssuedSession {
    return {
      sessionId,
      accessToken: this.tokens.sign(userId, sessionId),
      refreshToken: `${sessionId}.${secret}`,
      expiresAt,
    };
  }
}
