import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { DataSource } from 'typeorm';
import { AppConfig, DomainError, RedisConnections } from '@roundtable/core';
import { AccountEmails } from '../emails/account-emails';
import { SecurityLog } from '../security/security-log';
import type { ClientInfo } from '../sessions/client-info';
import { SessionsService } from '../sessions/sessions.service';
import { normaliseEmail } from '../users/users.service';
import { PasswordHasher } from './password-hasher';
import { IDENTITY_MESSAGES as M } from '../identity-messages';

/**
 * Changing a password (the member's other devices are signed out) and resetting a
 * forgotten one by email (every device is signed out). A reset request gets the same
 * answer, in the same time, whether or not the address has an account.
 */
@Injectable()
export class PasswordsService {
  private readonly resetsByEmail: RateLimiterRedis;
  private readonly resetsByIp: RateLimiterRedis;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionsService,
    private readonly emails: AccountEmails,
    private readonly log: SecurityLog,
    redis: RedisConnections,
    config: AppConfig,
  ) {
    const common = { storeClient: redis.client, duration: 3600 };
    this.resetsByEmail = new RateLimiterRedis({
      ...common,
      keyPrefix: redis.key('reset-email'),
      points: config.PASSWORD_RESETS_PER_HOUR,
    });
    this.resetsByIp = new RateLimiterRedis({
      ...common,
      keyPrefix: redis.key('reset-ip'),
      points: config.PASSWORD_RESETS_PER_HOUR * 5,
    });
  }

  async change(
    userId: string,
    currentSessionId: string | undefined,
    current: string,
    next: string,
    client: ClientInfo,
  ): Promise<void> {
    const [user] = await this.db.query(`SELECT password_hash FROM users WHERE id = $1`, [userId]);
    if (!(await this.hasher.verify(user?.password_hash ?? null, current))) {
      throw DomainError.forbidden(M.currentPasswordIncorrect, 'invalid_password');
    }
    await this.db.query(`UPDATE users SET password_hash = $2 WHERE id = $1`, [userId, await this.hasher.hash(next)]);
    await this.sessions.endAll(userId, 'password_changed', currentSessionId);
    await this.log.record(userId, 'password_changed', client);
  }

  async requestReset(email: string, client: ClientInfo): Promise<void> {
    const address = normaliseEmail(email);
    await Promise.all([this.resetsByEmail.consume(address), this.resetsByIp.consume(client.ip ?? '-')]).catch((res) => {
      if (res instanceof RateLimiterRes) throw DomainError.tooMany(M.tooManyResets, res.msBeforeNext / 1000);
      throw DomainError.unavailable(M.resetUnavailable);
    });
    await this.emails.toAddress('reset', address);
  }

  async confirmReset(token: string, next: string, client: ClientInfo): Promise<void> {
    const userId = await this.emails.useToken('reset', token);
    if (!userId) throw DomainError.badRequest(M.resetLinkUsed, 'invalid_token');
    // the link reached the address, which proves it as well as a verification link would
    await this.db.query(
      `UPDATE users SET password_hash = $2, email_verified_at = coalesce(email_verified_at, now()) WHERE id = $1`,
      [userId, await this.hasher.hash(next)],
    );
    await this.db.query(
      `UPDATE account_emails SET used_at = now() WHERE user_id = $1 AND kind = 'reset' AND used_at IS NULL`,
      [userId],
    );
    await this.sessions.endAll(userId, 'password_reset');
    await this.log.record(userId, 'password_reset', client);
  }
}
