import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
} from 'class-validator';
import { LANGUAGES, localisedRule, VALIDATION_MESSAGES as V } from '@roundtable/core';
import type { Language } from '@roundtable/core';
import { SPACE_ROLES } from '@roundtable/identity';
import type { SpaceRole } from '@roundtable/identity';
import { AreEmailAddresses, MAX_INVITATIONS_PER_REQUEST, normaliseAddresses } from './email-addresses';
import { INVITATIONS_MESSAGES as M } from '../invitations-messages';

export const MAX_MESSAGE_LENGTH = 2000;
const MAX_SPACES = 50;

/** PostgreSQL text cannot hold U+0000: refused as input. */
export const NO_NUL = /^[^\u0000]*$/;

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** `POST /roundtables/:id/invitations`: who to invite, to what, as what. */
export class CreateInvitationsDto {
  /** Email addresses, 1 to 200; repeats (in any case) count once. */
  @ApiProperty({
    type: [String],
    minItems: 1,
    maxItems: MAX_INVITATIONS_PER_REQUEST,
    example: ['amina@example.org', 'jorge@example.org'],
  })
  @Transform(normaliseAddresses)
  @IsArray(localisedRule(M.emailsList))
  @ArrayNotEmpty(localisedRule(M.emailsEmpty))
  @ArrayMaxSize(MAX_INVITATIONS_PER_REQUEST, localisedRule(M.tooManyEmails, { max: MAX_INVITATIONS_PER_REQUEST }))
  @AreEmailAddresses()
  emails: string[];

  /** Questions (discussion spaces) of this roundtable to invite to; omitted or empty: the whole roundtable. */
  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    maxItems: MAX_SPACES,
    description: 'Questions of this roundtable; omitted or empty: the whole roundtable',
  })
  @IsOptional()
  @IsArray(localisedRule(M.spaceIdsList))
  @ArrayMaxSize(MAX_SPACES, localisedRule(M.tooManySpaces, { max: MAX_SPACES }))
  @ArrayUnique(localisedRule(M.spaceIdsRepeated))
  @IsUUID('all', { each: true, ...localisedRule(M.spaceIdsUuid) })
  spaceIds?: string[];

  /** The role the invitees get: participant (default), moderator or rapporteur. */
  @ApiPropertyOptional({ enum: SPACE_ROLES, default: 'participant' })
  @IsOptional()
  @IsIn(SPACE_ROLES, localisedRule(V.isIn, { field: 'role', values: SPACE_ROLES.join(', ') }))
  role?: SpaceRole;

  /** Language of the email; default: an existing account's preferred language, else the inviter's. */
  @ApiPropertyOptional({
    enum: LANGUAGES,
    description: "Language of the email; default: an existing account's preferred language, else the inviter's",
  })
  @IsOptional()
  @IsIn(LANGUAGES, localisedRule(V.isIn, { field: 'language', values: LANGUAGES.join(', ') }))
  language?: Language;

  /** A personal note from the inviter, shown in the email as written (plain text). */
  @ApiPropertyOptional({ maxLength: MAX_MESSAGE_LENGTH })
  @IsOptional()
  @Transform(trim)
  @IsString(localisedRule(V.isString, { field: 'message' }))
  // the number as the English always wrote it (2000, not 2,000)
  @MaxLength(MAX_MESSAGE_LENGTH, localisedRule(M.messageTooLong, { max: String(MAX_MESSAGE_LENGTH) }))
  @Matches(NO_NUL, localisedRule(V.noNul, { field: 'message' }))
  message?: string;
}
