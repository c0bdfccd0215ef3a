import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { ProfileFieldsDto } from '../users/profile-fields.dto';
import { IDENTITY_MESSAGES as M } from '../identity-messages';
import { localisedRule, VALIDATION_MESSAGES as V } from '@roundtable/core';

export const PASSWORD_RULE = M.passwordRule.en;

/** A password someone chooses (at registration, on change or reset): {@link PASSWORD_RULE}. */
export function IsNewPassword() {
  return applyDecorators(
    ApiProperty({ minLength: 10, description: PASSWORD_RULE }),
    IsString(),
    MinLength(10, localisedRule(M.passwordRule)),
    MaxLength(200, localisedRule(M.passwordRule)),
    Matches(/^(?=.*\p{L})(?=.*[\d\p{P}\p{S}]).*$/u, localisedRule(M.passwordRule)),
  );
}

export class RegisterDto extends ProfileFieldsDto {
  @ApiProperty({ example: 'amina@example.org' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsEmail({}, localisedRule(V.isEmail, { field: 'email' }))
  @MaxLength(254)
  email: string;

  @IsNewPassword()
  password: string;
}
