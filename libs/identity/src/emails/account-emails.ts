import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { QueueName, QueueRegistry } from '@roundtable/core';
import { hashSecret } from '../auth/secret-hash';

export type AccountEmailKind = 'verify' | 'reset' | 'new_device';

/** What an account email job carries: the id of its `account_emails` row. */
export interface AccountEmailJob {
  emailId: string;
}

export const ACCOUNT_EMAIL_JOB = 'account-email';

/**
 * Records account emails (verification, password reset, new-device notice) and queues
 * their sending; the worker sends each at most once ({@link DeliverAccountEmail}).
 */
@Injectable()
export class AccountEmails {
  private readonly logger = new Logger(AccountEmails.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly queues: QueueRegistry,
  ) {}

  /**
   * Records an email to the account registered under `email`, if there is one: the row is
   * written either way, in one statement, so a request for an unknown address costs what
   * one for a known address does (the worker skips rows without an account).
   */
  async toAddress(kind: AccountEmailKind, email: string): Promise<void> {
    const [row] = await this.db.query(
      `INSERT INTO account_emails (kind, email, user_id)
       VALUES ($1, $2, (SELECT id FROM users WHERE email = $2 AND password_hash IS NOT NULL)) RETURNING id`,
      [kind, email],
    );
    await this.queue(row.id);
  }

  async toUser(kind: AccountEmailKind, userId: string, detail: Record<string, string> = {}): Promise<void> {
    const [row] = await this.db.query(
      `INSERT INTO account_emails (kind, email, user_id, detail) SELECT $1, email, id, $3 FROM users WHERE id = $2 AND email IS NOT NULL RETURNING id`,
      [kind, userId, JSON.stringify(detail)],
    );
    if (row) await this.queue(row.id);
  }

  /** Uses up the unexpired token of a `kind` email's link; the account it was sent to, or null. */
  async useToken(kind: 'verify' | 'reset', token: string): Promise<string | null> {
    const [[used]]: [Array<{ user_id: string }>, number] = await this.db.query(
      `UPDATE account_emails SET used_at = now()
       WHERE token_hash = $1 AND kind = $2 AND used_at IS NULL AND expires_at > now() RETURNING user_id`,
      [hashSecret(token), kind],
    );
    return used?.user_id ?? null;
  }

  private async queue(emailId: string): Promise<void> {
    await this.queues
      .get(QueueName.AccountEmails)
      .add(ACCOUNT_EMAIL_JOB, { emailId } satisfies AccountEmailJob, { jobId: `account-${emailId}` })
      .catch((err) => this.logger.warn(`account email ${emailId} not queued: ${(err as Error).message}`));
  }
}
