import { Injectable, OnModuleInit } from '@nestjs/common';
import { AppConfig } from '@roundtable/core';
import { MailTemplate, MailTransport, OutgoingMail, SentMail } from '@roundtable/mail';
import { InvitationEmailJob, invitationEmailJobId } from '../delivery/invitation-jobs';
import { INVITATION_TEMPLATE } from './invitation.template';
import type { InvitationView } from './invitation-view';

/**
 * Renders an invitation (HTML and text from the MJML template, in the invitation's
 * language) and sends it with a Message-ID fixed by invitation and send, so a copy sent
 * again after a crash collapses into the first in the mailbox.
 */
@Injectable()
export class InvitationMailer implements OnModuleInit {
  private template?: MailTemplate;
  private readonly domain: string;
  private readonly base: string;

  constructor(
    private readonly transport: MailTransport,
    config: AppConfig,
  ) {
    this.domain = new URL(config.APP_URL).hostname || 'roundtable.local';
    this.base = config.APP_URL.replace(/\/+$/, '');
  }

  async onModuleInit(): Promise<void> {
    this.template = await MailTemplate.compile(INVITATION_TEMPLATE);
  }

  /** The web app's page for a token: `${APP_URL}/invite/<token>`. */
  link(token: string): string {
    return `${this.base}/invite/${token}`;
  }

  compose(view: InvitationView, job: InvitationEmailJob): OutgoingMail {
    return {
      to: view.email,
      ...this.template!.render(view),
      language: view.lang,
      messageId: `<${invitationEmailJobId(job)}@${this.domain}>`,
      headers: { 'Auto-Submitted': 'auto-generated', 'X-Roundtable-Invitation': job.invitationId },
    };
  }

  send(mail: OutgoingMail): Promise<SentMail> {
    return this.transport.send(mail);
  }
}
