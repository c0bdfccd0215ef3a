import { Module } from '@nestjs/common';
import { MailTransport } from './mail-transport';

/** Sending email over SMTP. Templates are compiled by the capability that owns them ({@link MailTemplate}). */
@Module({ providers: [MailTransport], exports: [MailTransport] })
export class MailModule {}
