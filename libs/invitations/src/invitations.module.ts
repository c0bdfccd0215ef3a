import { Module } from '@nestjs/common';
import { IdentityModule } from '@roundtable/identity';
import { SpacesModule } from '@roundtable/spaces';
import { InvitationAcceptance } from './acceptance/invitation-acceptance';
import { InvitationLinksController } from './acceptance/invitation-links.controller';
import { InvitationsController } from './invitations/invitations.controller';
import { InviteAddresses } from './invitations/actions/invite-addresses';
import { InvitationRecords } from './invitations/invitation-records';
import { InvitationsService } from './invitations/invitations.service';
import { RoundtableInvitationsController } from './invitations/roundtable-invitations.controller';

/**
 * Invitations, the api side: organisers invite, list, revoke and resend; whoever holds a
 * link looks it up and accepts it. Emails are sent by the worker ({@link InvitationsWorkerModule}).
 */
@Module({
  imports: [IdentityModule, SpacesModule],
  controllers: [RoundtableInvitationsController, InvitationsController, InvitationLinksController],
  providers: [InvitationsService, InvitationRecords, InviteAddresses, InvitationAcceptance],
  exports: [InvitationsService, InvitationAcceptance],
})
export class InvitationsModule {}
