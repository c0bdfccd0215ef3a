import { ApiProperty } from '@nestjs/swagger';
import { LANGUAGES } from '@roundtable/core';
import type { Language, Multilingual } from '@roundtable/core';
import { SPACE_ROLES } from '@roundtable/identity';
import type { SpaceRole } from '@roundtable/identity';
import { MultilingualTextDto } from '@roundtable/spaces';
import { INVITATION_STATUSES, InvitationStatus } from '../lifecycle/invitation-status';

export class InviterDto {
  @ApiProperty() displayName: string;
  @ApiProperty({ nullable: true, type: String }) organisation: string | null;
}

export class InvitedConsultationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: MultilingualTextDto }) title: Multilingual;
}

export class InvitedRoundtableDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() number: number;
  @ApiProperty({ type: MultilingualTextDto }) title: Multilingual;
}

export class InvitedSpaceDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() number: number;
  @ApiProperty({ type: MultilingualTextDto, description: 'The question, completed by machine translations' })
  prompt: Multilingual;
}

/** What an invitation link opens, shown to whoever holds the link (signed in or not). */
export class InvitationPreviewDto {
  @ApiProperty({ enum: INVITATION_STATUSES, description: 'Only a pending invitation can be accepted' })
  status: InvitationStatus;
  @ApiProperty({ description: 'The address invited (the registration form starts with it)' }) email: string;
  @ApiProperty({ enum: SPACE_ROLES }) role: SpaceRole;
  @ApiProperty({ enum: LANGUAGES }) language: Language;
  @ApiProperty({ nullable: true, type: String }) message: string | null;
  @ApiProperty({ type: InviterDto, nullable: true }) invitedBy: InviterDto | null;
  @ApiProperty({ type: InvitedConsultationDto }) consultation: InvitedConsultationDto;
  @ApiProperty({ type: InvitedRoundtableDto }) roundtable: InvitedRoundtableDto;
  @ApiProperty({ description: 'True when the invitation opens every question of the roundtable' })
  wholeRoundtable: boolean;
  @ApiProperty({
    type: [InvitedSpaceDto],
    description: 'The questions it opens (for a whole roundtable: those it has now, archived ones left out)',
  })
  spaces: InvitedSpaceDto[];
  @ApiProperty({ nullable: true, type: String }) expiresAt: string | null;
}

/** Where to take a member after accepting. */
export class InvitationLandingDto {
  @ApiProperty({ enum: ['space', 'roundtable'] }) kind: 'space' | 'roundtable';
  @ApiProperty({ format: 'uuid' }) id: string;
}

/** What accepting gave the signed-in account. */
export class AcceptedInvitationDto {
  @ApiProperty({ format: 'uuid' }) roundtableId: string;
  @ApiProperty({ enum: SPACE_ROLES }) role: SpaceRole;
  @ApiProperty({
    description: 'True when the role is held for the whole roundtable (moderator or rapporteur of every question)',
  })
  roundtableRole: boolean;
  @ApiProperty({ type: [String], format: 'uuid', description: 'Questions the account is now a member of, by number' })
  spaceIds: string[];
  @ApiProperty({
    type: InvitationLandingDto,
    description: 'Where to take the member: the question when there is one, else the roundtable',
  })
  landing: InvitationLandingDto;
}
