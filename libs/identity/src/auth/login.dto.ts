import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { UserDto } from '../users/user.dto';

export class LoginDto {
  @ApiProperty()
  @IsString()
  @MinLength(3)
  @MaxLength(254)
  email: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password: string;

  @ApiPropertyOptional({
    description: 'With two-factor sign-in on: the current 6-digit code of the authenticator app, or a recovery code',
  })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  code?: string;
}

export class AuthResponseDto {
  @ApiProperty({ type: UserDto }) user: UserDto;
  @ApiProperty({ description: 'Bearer token for the Authorization header and the Socket.IO handshake' })
  accessToken: string;
}
