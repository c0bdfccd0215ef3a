import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { ProfileFieldsDto } from '../users/profile-fields.dto';

export const PASSWORD_RULE = 'password must be 10–200 characters and contain a letter and a digit or symbol';

/** A password someone chooses (at registration, on change or reset): {@link PASSWORD_RULE}. */
export function IsNewPassword() {
  return applyDecorators(
    ApiProperty({ minLength: 10, description: PASSWORD_RULE }),
    IsString(),
    MinLength(10, { message: PASSWORD_RULE }),
    MaxLength(200, { message: PASSWORD_RULE }),
    Matches(/^(?=.*\p{L})(?=.*[\d\p{P}\p{S}]).*$/u, { message: PASSWORD_RULE }),
  );
}

export class RegisterDto extends ProfileFieldsDto {
  @ApiProperty({ example: 'amina@example.org' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsEmail({}, { message: 'email must be a valid e-mail address' })
  @MaxLength(254)
  email: string;

  @IsNewPassword()
  password: string;
}
