import { Module } from '@nestjs/common';
import { MailModule } from '@roundtable/mail';
import { AccountEmailProcessor } from './jobs/account-email.processor';
import { DeliverAccountEmail } from './jobs/deliver-account-email';

/** Accounts, the worker side: sending verification, password-reset and new-device emails. */
@Module({
  imports: [MailModule],
  providers: [DeliverAccountEmail, AccountEmailProcessor],
})
export class IdentityWorkerModule {}
