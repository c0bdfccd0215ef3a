import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '@roundtable/core';
import type { Language } from '@roundtable/core';
import { MailDeliveryError, MailTemplate, MailTransport } from '@roundtable/mail';
import { hashSecret, newSecret } from '../auth/secret-hash';
import { ACCOUNT_EMAIL_TEMPLATE } from '../emails/account-email.template';
import type { AccountEmailKind } from '../emails/account-emails';

/** How long a worker holds a send: well above the SMTP timeouts. */
const CLAIM_SECONDS = 120;
const VERIFY_TTL_SECONDS = 7 * 24 * 3600;

export type AccountEmailOutcome =
  { kind: 'sent'; messageId: string } | { kind: 'skipped'; reason: string } | { kind: 'settled' };

/**
 * Sends one account email at most once: claim its row, skip it when the address has no
 * account (a reset asked for an unknown address), give it a fresh token whose hash alone
 * is stored, render in the member's language, send, record. A transient SMTP failure
 * releases the claim and throws, so the job is retried (with a new token).
 */
@Injectable()
export class DeliverAccountEmail implements OnModuleInit {
  private template?: MailTemplate;
  private readonly base: string;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly transport: MailTransport,
    private readonly config: AppConfig,
  ) {
    this.base = config.APP_URL.replace(/\/+$/, '');
  }

  async onModuleInit(): Promise<void> {
    this.template = await MailTemplate.compile(ACCOUNT_EMAIL_TEMPLATE);
  }

  async run(emailId: string): Promise<AccountEmailOutcome> {
    const [[claimed]]: [
      Array<{ kind: AccountEmailKind; email: string; user_id: string | null; detail: Record<string, string> }>,
      number,
    ] = await this.db.query(
      `UPDATE account_emails SET status = 'claimed', claimed_until = now() + make_interval(secs => $2::int)
       WHERE id = $1 AND (status IN ('queued', 'failed') OR (status = 'claimed' AND claimed_until < now()))
       RETURNING kind, email, user_id, detail`,
      [emailId, CLAIM_SECONDS],
    );
    if (!claimed) return { kind: 'settled' };
    const [user]: Array<{ display_name: string; preferred_language: Language; email: string | null }> = claimed.user_id
      ? await this.db.query(
          `SELECT display_name, preferred_language, email FROM users WHERE id = $1 AND password_hash IS NOT NULL`,
          [claimed.user_id],
        )
      : [];
    if (!user || user.email !== claimed.email) {
      await this.db.query(`UPDATE account_emails SET status = 'skipped' WHERE id = $1`, [emailId]);
      return { kind: 'skipped', reason: 'no account' };
    }
    let link = `${this.base}/settings#security`;
    if (claimed.kind !== 'new_device') {
      const token = newSecret();
      const hash = hashSecret(token);
      const ttl = claimed.kind === 'reset' ? this.config.PASSWORD_RESET_TTL_SECONDS : VERIFY_TTL_SECONDS;
      await this.db.query(
        `UPDATE account_emails SET token_hash = $2, expires_at = now() + make_interval(secs => $3::int) WHERE id = $1`,
        [emailId, hash, ttl],
      );
      link = `${this.base}/${claimed.kind === 'reset' ? 'reset-password' : 'verify-email'}/${token}`;
    }
    const k = claimed.kind;
    const view = {
      lang: user.preferred_language,
      consultation: 'Roundtable',
      name: user.display_name,
      link,
      device: claimed.detail.device || '?',
      at: claimed.detail.at ?? '',
      keys: {
        heading: `${k}.heading`,
        intro: `${k}.intro`,
        button: `${k}.button`,
        outro: `${k}.outro`,
        subject: `${k}.subject`,
      },
    };
    const rendered = this.template!.render(view);
    try {
      const sent = await this.transport.send({
        to: claimed.email,
        ...rendered,
        language: user.preferred_language,
        messageId: `<account-${emailId}@${new URL(this.base).hostname || 'roundtable.local'}>`,
        headers: { 'Auto-Submitted': 'auto-generated' },
      });
      await this.db.query(`UPDATE account_emails SET status = 'sent' WHERE id = $1`, [emailId]);
      return { kind: 'sent', messageId: sent.messageId };
    } catch (err) {
      const failure = MailDeliveryError.from(err);
      await this.db.query(`UPDATE account_emails SET status = $2, token_hash = NULL WHERE id = $1`, [
        emailId,
        failure.permanent ? 'skipped' : 'failed',
      ]);
      if (failure.permanent) return { kind: 'skipped', reason: failure.message };
      throw failure;
    }
  }
}
