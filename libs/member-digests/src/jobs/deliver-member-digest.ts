import { Injectable, Logger } from '@nestjs/common';
import { AppConfig, Metrics } from '@roundtable/core';
import { MailDeliveryError } from '@roundtable/mail';
import { DigestContentLoader } from '../content/digest-content-loader';
import { DigestLinks } from '../content/digest-links';
import { buildDigestView, whyNoDigest } from '../content/digest-view';
import { MemberDigestKey, MemberDigestJob } from '../digest-period';
import { DigestDeliveries } from '../delivery/digest-deliveries';
import type { DeliveryStatus } from '../delivery/delivery-status';
import { MemberDigestMailer } from '../email/member-digest-mailer';
import { UnsubscribeTokens } from '../unsubscribe/unsubscribe-tokens';

export type DeliveryOutcome =
  | { kind: 'settled'; status: DeliveryStatus }
  | { kind: 'held'; until: Date }
  | { kind: 'sent'; messageId: string }
  | { kind: 'empty' }
  | { kind: 'skipped'; reason: string }
  | { kind: 'bounced'; error: string; paused: boolean };

/**
 * Sends one member their digest for one period, at most once: claim the delivery record,
 * read what the member may see in the window, render, renew the claim (only if it is still
 * this run's), send, complete the record. A
 * delivery already settled, or held by a live claim elsewhere, is left alone (the caller
 * waits for the claim to expire). A permanent SMTP refusal settles it as `bounced`; a
 * transient one releases the claim and throws, so the job is retried with backoff.
 */
@Injectable()
export class DeliverMemberDigest {
  private readonly logger = new Logger(DeliverMemberDigest.name);
  private readonly links: DigestLinks;

  constructor(
    private readonly deliveries: DigestDeliveries,
    private readonly content: DigestContentLoader,
    private readonly mailer: MemberDigestMailer,
    private readonly tokens: UnsubscribeTokens,
    private readonly metrics: Metrics,
    config: AppConfig,
  ) {
    this.links = new DigestLinks(config.APP_URL);
  }

  /** `lastAttempt`: a transient failure now is final (the delivery is marked `failed`). */
  async run(job: MemberDigestJob, lastAttempt = false): Promise<DeliveryOutcome> {
    const period: MemberDigestKey = { consultationId: job.consultationId, periodEnd: new Date(job.periodEnd) };
    const claim = await this.deliveries.claim(job.userId, period);
    if (claim.kind !== 'claimed') return claim;

    const row = await this.content.load(job.userId, job.consultationId, claim.periodStart, period.periodEnd);
    const reason = whyNoDigest(row);
    if (reason) {
      await this.deliveries.settle(job.userId, period, 'skipped', reason);
      this.metrics.recordDigestEmail('skipped');
      return { kind: 'skipped', reason };
    }
    const unsubscribe = this.links.unsubscribe(this.tokens.sign(job.userId));
    const view = buildDigestView(row, { start: claim.periodStart, end: period.periodEnd }, this.links, unsubscribe);
    if (!view) {
      await this.deliveries.settle(job.userId, period, 'empty');
      return { kind: 'empty' };
    }

    const mail = this.mailer.compose(view, row.me!.email!, job.userId, period);
    // rendering took a while: send only if the claim is still this run's (a run that stalled past it must not)
    if (!(await this.deliveries.renew(job.userId, period, claim.attempts))) {
      this.logger.warn(`digest for ${job.userId}: the claim passed to another run while rendering; not sending`);
      return { kind: 'held', until: new Date(Date.now() + 1000) };
    }
    try {
      const sent = await this.mailer.send(mail);
      await this.deliveries.sent(job.userId, period, sent.messageId, view.counts.total);
      this.metrics.recordDigestEmail('sent');
      return { kind: 'sent', messageId: sent.messageId };
    } catch (err) {
      const failure = MailDeliveryError.from(err);
      if (failure.permanent) {
        const { paused, bounces } = await this.deliveries.bounced(job.userId, period, failure.message);
        this.metrics.recordDigestEmail('bounced');
        this.logger.warn(
          `digest for ${job.userId} bounced (${bounces} in a row${paused ? ', digest paused' : ''}): ${failure.message}`,
        );
        return { kind: 'bounced', error: failure.message, paused };
      }
      if (lastAttempt) await this.deliveries.failed(job.userId, period, failure.message);
      else await this.deliveries.release(job.userId, period, failure.message);
      throw failure;
    }
  }
}
