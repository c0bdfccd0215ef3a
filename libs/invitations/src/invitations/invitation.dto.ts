import { ApiProperty } from '@nestjs/swagger';
import { LANGUAGES } from '@roundtable/core';
import type { Language } from '@roundtable/core';
import { SPACE_ROLES } from '@roundtable/identity';
import type { SpaceRole } from '@roundtable/identity';
import { INVITATION_STATUSES, InvitationStatus } from '../lifecycle/invitation-status';
import type { DeliveryStatus } from '../delivery/invitation-deliveries';

export class PersonRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() displayName: string;
}

/** Where an invitation's emails stand: the latest send. */
export class InvitationDeliveryDto {
  @ApiProperty({
    enum: ['queued', 'claimed', 'sent', 'skipped', 'bounced', 'failed'],
    description: 'The latest send: queued, being sent (claimed), sent, skipped (closed meanwhile), bounced or failed',
  })
  status: DeliveryStatus;
  @ApiProperty({ description: 'How many emails were asked for (1, plus one per resend)' }) sends: number;
  @ApiProperty({ nullable: true, type: String, description: 'When the latest email was accepted by the mail server' })
  sentAt: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Why the latest send bounced or failed' }) error:
    string | null;
}

/** An invitation as organisers see it. */
export class InvitationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) roundtableId: string;
  @ApiProperty({ type: [String], format: 'uuid', description: 'Questions invited to; empty: the whole roundtable' })
  spaceIds: string[];
  @ApiProperty() email: string;
  @ApiProperty({ enum: SPACE_ROLES }) role: SpaceRole;
  @ApiProperty({ enum: LANGUAGES, description: 'Language of the email' }) language: Language;
  @ApiProperty({ nullable: true, type: String }) message: string | null;
  @ApiProperty({ enum: INVITATION_STATUSES }) status: InvitationStatus;
  @ApiProperty({ type: PersonRefDto, nullable: true }) invitedBy: PersonRefDto | null;
  @ApiProperty() createdAt: string;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'When the link of the latest email runs out (null until it is sent)',
  })
  expiresAt: string | null;
  @ApiProperty({ nullable: true, type: String }) acceptedAt: string | null;
  @ApiProperty({
    type: PersonRefDto,
    nullable: true,
    description: 'The account that accepted (its email may differ from the invited one)',
  })
  acceptedBy: PersonRefDto | null;
  @ApiProperty({ nullable: true, type: String }) revokedAt: string | null;
  @ApiProperty({ type: InvitationDeliveryDto }) delivery: InvitationDeliveryDto;
}

export class InvitationPageDto {
  @ApiProperty({ type: [InvitationDto] }) items: InvitationDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export const INVITE_OUTCOMES = ['invited', 'already_pending', 'already_member'] as const;
export type InviteOutcome = (typeof INVITE_OUTCOMES)[number];

/** What became of one address of the request. */
export class InviteOutcomeDto {
  @ApiProperty() email: string;
  @ApiProperty({
    enum: INVITE_OUTCOMES,
    description:
      'invited: an email is on its way (also when an expired invitation was renewed); already_pending: a valid invitation to the same target exists, nothing sent; already_member: the account with this address already holds the role there, nothing sent',
  })
  outcome: InviteOutcome;
  @ApiProperty({
    type: InvitationDto,
    nullable: true,
    description: 'The invitation (new, renewed or the pending one); null for already_member',
  })
  invitation: InvitationDto | null;
}

export class InviteResultDto {
  @ApiProperty({ description: 'Addresses an email is sent to' }) invited: number;
  @ApiProperty({
    description: 'Addresses with a valid invitation to this target already: nothing sent again (use resend)',
  })
  alreadyPending: number;
  @ApiProperty({ description: 'Addresses whose account already holds the role there: nothing sent' })
  alreadyMember: number;
  @ApiProperty({ type: [InviteOutcomeDto] }) results: InviteOutcomeDto[];
}
