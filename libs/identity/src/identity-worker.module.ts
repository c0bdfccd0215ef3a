import { Module } from '@nestjs/common';
import { MailModule } from '@roundtable/mail';
import { AccountEmailProcessor } from './jobs/account-email.processor';
import { DeliverAccountEmail } from './jobs/deliver-account-email';
import { UsersRepository } from './users/users.repository';

/** Accounts, the worker side: sending verification, password-reset and new-device emails; the writes to `users` other workers need. */
@Module({
  imports: [MailModule],
  providers: [DeliverAccountEmail, AccountEmailProcessor, UsersRepository],
  exports: [UsersRepository],
})
export class IdentityWorkerModule {}
