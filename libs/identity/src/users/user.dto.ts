import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CONSTITUENCIES, LANGUAGES } from '@roundtable/core';
import type { Constituency, Language } from '@roundtable/core';
import { UserEntity } from './user.entity';

/** A member's own profile, as `/me` and the auth routes return it. */
export class UserDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string | null;
  @ApiProperty() displayName: string;
  @ApiPropertyOptional({ nullable: true }) organisation: string | null;
  @ApiProperty({ enum: CONSTITUENCIES }) constituency: Constituency;
  @ApiPropertyOptional({ nullable: true, description: 'ISO 3166-1 alpha-2 code or country name' }) country: string | null;
  @ApiProperty({ enum: LANGUAGES }) preferredLanguage: Language;
  @ApiProperty({ enum: ['weekly', 'off'] }) digest: 'weekly' | 'off';
  @ApiProperty({ description: 'Global organiser (administrator) role' }) isOrganiser: boolean;
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
      isOrganiser: user.isOrganiser,
      createdAt: user.createdAt.toISOString(),
    };
  }
}

/** How an author is shown next to their contributions. */
export class AuthorDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() displayName: string;
  @ApiPropertyOptional({ nullable: true }) organisation: string | null;
  @ApiProperty({ enum: CONSTITUENCIES }) constituency: Constituency;
  @ApiPropertyOptional({ nullable: true }) country: string | null;
}
