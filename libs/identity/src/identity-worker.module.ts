import { Module } from '@nestjs/common';
import { MailModule } from '@roundtable/mail';
import { AccountEmailProcessor } from './emails/account-email.processor';
import { DeliverAccountEmail } from './emails/deliver-account-email';

/** Accounts, the worker side: sending verification, password-reset and new-device emails. */
@Module({
  imports: [MailModule],
  providers: [DeliverAccountEmail, AccountEmailProcessor],
})
export class IdentityWorkerModule {}
