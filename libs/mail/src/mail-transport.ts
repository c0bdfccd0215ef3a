import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool';
import { AppConfig } from '@roundtable/core';
import { MailDeliveryError } from './mail-delivery-error';
import { buildMimeMessage } from './mime-message';
import type { OutgoingMail, SentMail } from './outgoing-mail';

/** `npm start`'s MailDev listens here when SMTP_URL is not set. */
export const DEFAULT_SMTP_URL = 'smtp://127.0.0.1:1025';

/**
 * Sends email over SMTP (`SMTP_URL`) with nodemailer, through a pool of reused
 * connections. Timeouts are short and bounded (well under the digest claim's lifetime),
 * so a send either finishes or fails while its claim still holds. Failures come out as
 * {@link MailDeliveryError}, permanent (5xx) or not.
 */
@Injectable()
export class MailTransport implements OnApplicationShutdown {
  private readonly logger = new Logger(MailTransport.name);
  private transporter?: Transporter<SMTPPool.SentMessageInfo>;
  /** The envelope sender: the address in MAIL_FROM. */
  private readonly sender: string;

  constructor(private readonly config: AppConfig) {
    this.sender = /<([^>]+)>/.exec(config.MAIL_FROM)?.[1] ?? config.MAIL_FROM.trim();
  }

  async send(mail: OutgoingMail): Promise<SentMail> {
    // built here, in one buffer, and handed over whole (see buildMimeMessage)
    const raw = buildMimeMessage(mail, this.config.MAIL_FROM);
    try {
      const info = await this.pool().sendMail({ envelope: { from: this.sender, to: [mail.to] }, raw });
      return { messageId: mail.messageId ?? info.messageId, response: info.response };
    } catch (err) {
      throw MailDeliveryError.from(err);
    }
  }

  /** Where mail goes (without credentials), for logs. */
  get target(): string {
    const url = new URL(this.config.SMTP_URL ?? DEFAULT_SMTP_URL);
    return `${url.protocol}//${url.host}`;
  }

  private pool(): Transporter<SMTPPool.SentMessageInfo> {
    if (!this.transporter) {
      const url = this.config.SMTP_URL ?? DEFAULT_SMTP_URL;
      this.transporter = createTransport({
        url,
        pool: true,
        maxConnections: 8,
        maxMessages: 1000,
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 30_000,
      } as SMTPPool.Options);
      this.transporter.on('error', (err) => this.logger.warn(`SMTP pool: ${err.message}`));
      this.logger.log(`sending mail through ${this.target}`);
    }
    return this.transporter;
  }

  onApplicationShutdown(): void {
    this.transporter?.close();
  }
}
