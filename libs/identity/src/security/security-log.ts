import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ClientInfo } from '../sessions/client-info';

/** What the security log records. */
export const SECURITY_EVENTS = [
  'sign_in',
  'new_device',
  'sign_in_failed_code',
  'password_changed',
  'password_reset',
  'two_factor_enabled',
  'two_factor_disabled',
  'recovery_code_used',
  'signed_out_everywhere',
  'session_ended',
  'refresh_reuse',
  'email_verified',
] as const;
export type SecurityEventKind = (typeof SECURITY_EVENTS)[number];

export interface SecurityEventRow {
  id: string;
  kind: SecurityEventKind;
  device: string;
  ip: string | null;
  at: Date;
}

/** The member's account security log (`GET /me/security-log`). */
@Injectable()
export class SecurityLog {
  private readonly logger = new Logger(SecurityLog.name);

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async record(userId: string, kind: SecurityEventKind, client?: ClientInfo): Promise<void> {
    await this.db
      .query(`INSERT INTO security_events (user_id, kind, device, ip) VALUES ($1, $2, $3, $4)`, [
        userId,
        kind,
        client?.device ?? '',
        client?.ip ?? null,
      ])
      .catch((err) => this.logger.warn(`security event ${kind} of ${userId} not recorded: ${(err as Error).message}`));
  }

  /** Newest first; `before` is the id of the last event of the previous page. */
  async page(userId: string, limit: number, before?: string): Promise<SecurityEventRow[]> {
    return this.db.query(
      `SELECT id::text, kind, device, ip, at FROM security_events
       WHERE user_id = $1 AND ($2::bigint IS NULL OR id < $2) ORDER BY id DESC LIMIT $3`,
      [userId, before && /^\d{1,18}$/.test(before) ? before : null, limit],
    );
  }
}
