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
import { LANGUAGES } from '@roundtable/core';
import type { Language } from '@roundtable/core';
import { SPACE_ROLES } from '@roundtable/identity';
import type { SpaceRole } from '@roundtable/identity';
import { AreEmailAddresses, MAX_INVITATIONS_PER_REQUEST, normaliseAddresses } from './email-addresses';

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
  @IsArray({ message: 'emails must be a list of email addresses' })
  @ArrayNotEmpty({ message: 'emails must list at least one address' })
  @ArrayMaxSize(MAX_INVITATIONS_PER_REQUEST, {
    message: `emails: at most ${MAX_INVITATIONS_PER_REQUEST} addresses per request`,
  })
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
  @IsArray({ message: 'spaceIds must be a list of question ids' })
  @ArrayMaxSize(MAX_SPACES, { message: `spaceIds: at most ${MAX_SPACES} questions` })
  @ArrayUnique({ message: 'spaceIds must not repeat a question' })
  @IsUUID('all', { each: true, message: 'each of spaceIds must be a UUID' })
  spaceIds?: string[];

  /** The role the invitees get: participant (default), moderator or rapporteur. */
  @ApiPropertyOptional({ enum: SPACE_ROLES, default: 'participant' })
  @IsOptional()
  @IsIn(SPACE_ROLES, { message: `role must be one of: ${SPACE_ROLES.join(', ')}` })
  role?: SpaceRole;

  /** Language of the email; default: an existing account's preferred language, else the inviter's. */
  @ApiPropertyOptional({
    enum: LANGUAGES,
    description: "Language of the email; default: an existing account's preferred language, else the inviter's",
  })
  @IsOptional()
  @IsIn(LANGUAGES, { message: `language must be one of: ${LANGUAGES.join(', ')}` })
  language?: Language;

  /** A personal note from the inviter, shown in the email as written (plain text). */
  @ApiPropertyOptional({ maxLength: MAX_MESSAGE_LENGTH })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'message must be text' })
  @MaxLength(MAX_MESSAGE_LENGTH, { message: `message: at most ${MAX_MESSAGE_LENGTH} characters` })
  @Matches(NO_NUL, { message: 'message must not contain NUL characters' })
  message?: string;
}
