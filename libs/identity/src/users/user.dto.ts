import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CONSTITUENCIES, LANGUAGES } from '@roundtable/core';
import type { Constituency, Language } from '@roundtable/core';
import { UserEntity } from './user.entity';

/** A member's own profile, as `/me` and the auth routes return it. */
export class UserDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: String, nullable: true }) email: string | null;
  @ApiProperty() displayName: string;
  @ApiPropertyOptional({ type: String, nullable: true }) organisation: string | null;
  @ApiProperty({ enum: CONSTITUENCIES }) constituency: Constituency;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'ISO 3166-1 alpha-2 code or country name' })
  country: string | null;
  @ApiProperty({ enum: LANGUAGES }) preferredLanguage: Language;
  @ApiProperty({ enum: ['weekly', 'off'] }) digest: 'weekly' | 'off';
  /**
   * What the member actually receives: `paused` when the digest is on but emails to the
   * address bounced 3 times in a row (turn it on again with `PATCH /me { digest: "weekly" }`).
   */
  @ApiProperty({ enum: ['weekly', 'off', 'paused'] }) digestStatus: 'weekly' | 'off' | 'paused';
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'When the digest was paused after repeated bounces',
  })
  digestPausedAt: string | null;
  @ApiProperty({ description: 'Global organiser (administrator) role' }) isOrganiser: boolean;
  @ApiProperty({ description: 'The email address is confirmed (or needs no confirmation here): the member may post' })
  emailVerified: boolean;
  @ApiProperty({
    description: 'Organisation and constituency confirmed by an organiser or an invitation; otherwise self-declared',
  })
  affiliationVerified: boolean;
  @ApiProperty({ description: 'Two-factor sign-in is on' }) twoFactorEnabled: boolean;
  @ApiProperty() createdAt: string;

  static from(user: UserEntity): UserDto {
    return {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      organisation: user.organisation,
      constituency: user.constituency,
      country: user.country,
      preferredLanguage: user.preferredLanguage,
      digest: user.digest,
      digestStatus: user.digest === 'off' ? 'off' : user.digestPausedAt ? 'paused' : 'weekly',
      digestPausedAt: user.digestPausedAt?.toISOString() ?? null,
      isOrganiser: user.isOrganiser,
      emailVerified: user.emailVerifiedAt !== null,
      affiliationVerified: user.affiliationVerifiedAt !== null,
      twoFactorEnabled: user.totpEnabledAt !== null,
      createdAt: user.createdAt.toISOString(),
    };
  }
}

/** How an author is shown next to their contributions. */
export class AuthorDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() displayName: string;
  @ApiPropertyOptional({ type: String, nullable: true }) organisation: string | null;
  @ApiProperty({ enum: CONSTITUENCIES }) constituency: Constituency;
  @ApiPropertyOptional({ type: String, nullable: true }) country: string | null;
}
