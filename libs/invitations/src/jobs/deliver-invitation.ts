import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '@roundtable/core';
import type { Language, Multilingual, PromptTranslations } from '@roundtable/core';
import type { SpaceRole } from '@roundtable/identity';
import { MailDeliveryError } from '@roundtable/mail';
import { InvitationDeliveries } from '../delivery/invitation-deliveries';
import type { InvitationEmailJob } from '../delivery/invitation-jobs';
import { InvitationMailer } from '../email/invitation-mailer';
import { buildInvitationView } from '../email/invitation-view';
import type { StoredInvitationStatus } from '../lifecycle/invitation-status';
import { newInvitationToken } from '../tokens/invitation-token';

export type InvitationOutcome =
  | { kind: 'sent'; messageId: string }
  | { kind: 'skipped'; reason: string }
  | { kind: 'settled' }
  | { kind: 'held'; until: Date }
  | { kind: 'bounced'; error: string };

interface FactsRow {
  email: string;
  role: SpaceRole;
  language: Language;
  message: string | null;
  status: StoredInvitationStatus;
  send_number: number;
  space_ids: string[];
  inviter_name: string | null;
  consultation_title: Multilingual;
  timezone: string;
  roundtable_number: number;
  roundtable_title: Multilingual;
}

/**
 * Sends one invitation email (one send of one invitation), at most once: claim the
 * delivery record, re-read the invitation (revoked, accepted or resent meanwhile: nothing
 * to send), give it a fresh token — only its hash is stored, with the expiry counted from
 * now — render, send, complete the record. A permanent SMTP refusal settles it as bounced;
 * a transient one releases the claim and throws, so the job is retried with backoff (with
 * a new token: the failed email never reached anyone).
 */
@Injectable()
export class DeliverInvitation {
  private readonly logger = new Logger(DeliverInvitation.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly deliveries: InvitationDeliveries,
    private readonly mailer: InvitationMailer,
    private readonly config: AppConfig,
  ) {}

  async run(job: InvitationEmailJob, lastAttempt = false): Promise<InvitationOutcome> {
    const claim = await this.deliveries.claim(job);
    if (claim.kind === 'held') return claim;
    if (claim.kind !== 'claimed') return { kind: 'settled' };

    const [facts]: FactsRow[] = await this.db.query(
      `SELECT i.email, i.role, i.language, i.message, i.status, i.send_number, i.space_ids, u.display_name AS inviter_name,
              c.title AS consultation_title, c.timezone, r.number AS roundtable_number, r.title AS roundtable_title
       FROM invitations i
       JOIN roundtables r ON r.id = i.roundtable_id
       JOIN consultations c ON c.id = r.consultation_id
       LEFT JOIN users u ON u.id = i.invited_by
       WHERE i.id = $1`,
      [job.invitationId],
    );
    const stale = !facts
      ? 'gone'
      : facts.status !== 'pending'
        ? facts.status
        : facts.send_number !== job.sendNumber
          ? 'resent'
          : null;
    if (stale) {
      await this.deliveries.skipped(job, stale);
      return { kind: 'skipped', reason: stale };
    }
    const spaces: Array<{ number: number; prompt: Multilingual; prompt_translations: PromptTranslations | null }> =
      facts.space_ids.length
        ? await this.db.query(
            `SELECT number, prompt, prompt_translations FROM spaces WHERE id = ANY($1::uuid[]) ORDER BY number`,
            [facts.space_ids],
          )
        : [];

    const { token, hash } = newInvitationToken();
    const armed = await this.deliveries.arm(job, claim.attempts, hash, this.config.INVITATION_TTL_SECONDS);
    if ('lost' in armed && armed.lost === 'claim') {
      // this run stalled past its claim and another took the send over: leave it to that one
      this.logger.warn(`invitation ${job.invitationId}: the send passed to another run; not sending`);
      return { kind: 'held', until: new Date(Date.now() + 1000) };
    }
    if ('lost' in armed) {
      await this.deliveries.skipped(job, 'closed');
      return { kind: 'skipped', reason: 'closed' };
    }

    const view = buildInvitationView(
      {
        email: facts.email,
        role: facts.role,
        language: facts.language,
        message: facts.message,
        inviterName: facts.inviter_name,
        consultationTitle: facts.consultation_title,
        timezone: facts.timezone,
        roundtableNumber: facts.roundtable_number,
        roundtableTitle: facts.roundtable_title,
        spaces: spaces.map((s) => ({ number: s.number, prompt: s.prompt, promptTranslations: s.prompt_translations })),
        expiresAt: armed.expiresAt,
      },
      this.mailer.link(token),
    );
    const mail = this.mailer.compose(view, job);
    try {
      const sent = await this.mailer.send(mail);
      await this.deliveries.sent(job, sent.messageId);
      return { kind: 'sent', messageId: sent.messageId };
    } catch (err) {
      const failure = MailDeliveryError.from(err);
      if (failure.permanent) {
        await this.deliveries.bounced(job, failure.message);
        this.logger.warn(`invitation ${job.invitationId} bounced: ${failure.message}`);
        return { kind: 'bounced', error: failure.message };
      }
      if (lastAttempt) await this.deliveries.failed(job, failure.message);
      else await this.deliveries.release(job, failure.message);
      throw failure;
    }
  }
}
