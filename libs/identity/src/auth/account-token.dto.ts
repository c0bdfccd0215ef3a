import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import { localisedRule, VALIDATION_MESSAGES as V } from '@roundtable/core';
import { IsNewPassword } from './register.dto';

/** The token of a link sent by email (address confirmation, password reset). */
export class AccountTokenDto {
  @ApiProperty({ description: 'The last part of the link' })
  @IsString()
  @MinLength(20)
  @MaxLength(200)
  token: string;
}

export class PasswordResetRequestDto {
  @ApiProperty({ example: 'amina@example.org' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsEmail({}, localisedRule(V.isEmail, { field: 'email' }))
  @MaxLength(254)
  email: string;
}

/** A new password, under the same rule as at registration. */
export class NewPasswordDto {
  @IsNewPassword()
  newPassword: string;
}

export class PasswordResetConfirmDto extends NewPasswordDto {
  @ApiProperty({ description: 'The last part of the link' })
  @IsString()
  @MinLength(20)
  @MaxLength(200)
  token: string;
}

export class PasswordChangeDto extends NewPasswordDto {
  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  currentPassword: string;
}
