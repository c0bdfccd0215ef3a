import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError } from '@roundtable/core';
import { AccessCache } from '../access/access-cache';
import { SecurityLog } from '../security/security-log';
import { AccountEmails } from './account-emails';
import { IDENTITY_MESSAGES as M } from '../identity-messages';

/** Verifying a member's email address (EMAIL_VERIFICATION=required): until then they read but do not post. */
@Injectable()
export class EmailVerification {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly emails: AccountEmails,
    private readonly access: AccessCache,
    private readonly log: SecurityLog,
  ) {}

  async confirm(token: string): Promise<void> {
    const userId = await this.emails.useToken('verify', token);
    if (!userId) throw DomainError.badRequest(M.verificationLinkUsed, 'invalid_token');
    await this.db.query(`UPDATE users SET email_verified_at = coalesce(email_verified_at, now()) WHERE id = $1`, [
      userId,
    ]);
    await this.log.record(userId, 'email_verified');
    await this.access.changed(userId);
  }

  /** Sends a (new) confirmation link; at most one a minute. */
  async resend(userId: string): Promise<void> {
    const [user] = await this.db.query(
      `SELECT email_verified_at, EXISTS (SELECT 1 FROM account_emails WHERE user_id = $1 AND kind = 'verify' AND created_at > now() - interval '1 minute') AS recent
       FROM users WHERE id = $1`,
      [userId],
    );
    if (user.email_verified_at) throw DomainError.conflict(M.alreadyVerified, 'already_verified');
    if (user.recent) throw DomainError.tooMany(M.verificationJustSent, 60);
    await this.emails.toUser('verify', userId);
  }
}
