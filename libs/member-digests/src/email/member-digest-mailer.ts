import { Injectable, OnModuleInit } from '@nestjs/common';
import { AppConfig } from '@roundtable/core';
import { MailTemplate, MailTransport, OutgoingMail, SentMail } from '@roundtable/mail';
import type { DigestView } from '../content/digest-view';
import { MemberDigestKey, memberDigestJobId, periodKey } from '../digest-period';
import { MEMBER_DIGEST_TEMPLATE } from './member-digest.template';

/**
 * Renders a member's digest (HTML and text from the MJML template, in their language) and
 * sends it with the RFC 8058 one-click unsubscribe headers and a Message-ID fixed by
 * member and period.
 */
@Injectable()
export class MemberDigestMailer implements OnModuleInit {
  private template?: MailTemplate;
  private readonly domain: string;

  constructor(
    private readonly transport: MailTransport,
    config: AppConfig,
  ) {
    this.domain = new URL(config.APP_URL).hostname || 'roundtable.local';
  }

  async onModuleInit(): Promise<void> {
    this.template = await MailTemplate.compile(MEMBER_DIGEST_TEMPLATE);
  }

  compose(view: DigestView, to: string, userId: string, period: MemberDigestKey): OutgoingMail {
    const rendered = this.template!.render(view);
    return {
      to,
      ...rendered,
      language: view.lang,
      messageId: `<${memberDigestJobId(userId, period)}@${this.domain}>`,
      headers: {
        'List-Unsubscribe': `<${view.links.unsubscribe}>`,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
        'List-Id': `Roundtable weekly digest <digest.${this.domain}>`,
        'Auto-Submitted': 'auto-generated',
        'X-Roundtable-Digest': periodKey(period.consultationId, period.periodEnd),
      },
    };
  }

  send(mail: OutgoingMail): Promise<SentMail> {
    return this.transport.send(mail);
  }
}
