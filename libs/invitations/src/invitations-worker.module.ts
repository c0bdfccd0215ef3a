import { Module } from '@nestjs/common';
import { MailModule } from '@roundtable/mail';
import { InvitationDeliveries } from './delivery/invitation-deliveries';
import { InvitationMailer } from './email/invitation-mailer';
import { DeliverInvitation } from './jobs/deliver-invitation';
import { InvitationEmailProcessor } from './jobs/invitation-email.processor';
import { InvitationSweeper } from './jobs/invitation-sweeper';

/**
 * Invitations, the worker side: one job per send (claim → token → render → send →
 * complete) and the sweeper of sends that stopped moving.
 */
@Module({
  imports: [MailModule],
  providers: [InvitationDeliveries, InvitationMailer, DeliverInvitation, InvitationEmailProcessor, InvitationSweeper],
  exports: [DeliverInvitation, InvitationSweeper],
})
export class InvitationsWorkerModule {}
