import { Body, Controller, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { Access } from '../access/access.decorator';
import { AuthService } from './auth.service';
import { AuthResponseDto, LoginDto } from './login.dto';
import { RegisterDto } from './register.dto';

@ApiTags('accounts')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('register')
  @Access('public')
  @ApiOperation({ summary: 'Create an account' })
  @ApiConflictResponse({ description: 'Email already registered' })
  @ApiTooManyRequestsResponse({ description: 'Too many registrations from this address (REGISTRATIONS_PER_HOUR)' })
  register(@Body() body: RegisterDto, @Ip() ip: string): Promise<AuthResponseDto> {
    return this.auth.register(body, ip);
  }

  @Post('login')
  @HttpCode(200)
  @Access('public')
  @ApiOperation({ summary: 'Sign in with email and password' })
  @ApiTooManyRequestsResponse({ description: 'Too many failed attempts' })
  login(@Body() body: LoginDto, @Ip() ip: string): Promise<AuthResponseDto> {
    return this.auth.login(body.email, body.password, ip);
  }
}
