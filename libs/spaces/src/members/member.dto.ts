import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { CONSTITUENCIES, localisedRule, VALIDATION_MESSAGES as V } from '@roundtable/core';
import type { Constituency } from '@roundtable/core';
import { NameSearchQueryDto, SPACE_ROLES } from '@roundtable/identity';
import type { SpaceRole } from '@roundtable/identity';

export class MemberQueryDto extends NameSearchQueryDto {
  @ApiPropertyOptional({ enum: SPACE_ROLES, description: 'Only members holding this role here' })
  @IsOptional()
  @IsIn(SPACE_ROLES, localisedRule(V.isIn, { field: 'role', values: SPACE_ROLES.join(', ') }))
  role?: SpaceRole;
}

/** A member of a space as its moderators see them: the profile shown with their words, never the email. */
export class MemberDto {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() displayName: string;
  @ApiPropertyOptional({ nullable: true, type: String }) organisation: string | null;
  @ApiProperty({ enum: CONSTITUENCIES }) constituency: Constituency;
  @ApiPropertyOptional({ nullable: true, type: String }) country: string | null;
  @ApiProperty({
    enum: SPACE_ROLES,
    description: 'The role held here: the membership, raised by a roundtable-level role',
  })
  role: SpaceRole;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'When they joined the space; null for roundtable staff who never joined it',
  })
  joinedAt: string | null;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'End of the running suspension (this space or the whole consultation); null when none',
  })
  suspendedUntil: string | null;
}

export class MemberPageDto {
  @ApiProperty({ type: [MemberDto], description: 'In name order' }) items: MemberDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}
