import { Body, Controller, HttpCode, HttpStatus, Post, Req, Res } from '@nestjs/common';
import { DomainError } from '@roundtable/core';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCookieAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AcceptedDto } from './accepted.dto';
import { Access } from '../access/access.decorator';
import { bearer } from '../access/access.guard';
import { EmailVerification } from '../emails/email-verification';
import { ClientInfo, RequestClient } from '../sessions/client-info';
import { RefreshCookie } from '../sessions/refresh-cookie';
import { SessionsService } from '../sessions/sessions.service';
import { AccountTokenDto, PasswordResetConfirmDto, PasswordResetRequestDto } from './account-token.dto';
import { AuthService, SignedIn } from './auth.service';
import { AuthResponseDto, LoginDto } from './login.dto';
import { PasswordsService } from './passwords.service';
import { RegisterDto } from './register.dto';
import { TokenService } from './token.service';
import { IDENTITY_MESSAGES as M } from '../identity-messages';

@ApiTags('accounts')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionsService,
    private readonly passwords: PasswordsService,
    private readonly verification: EmailVerification,
    private readonly cookie: RefreshCookie,
    private readonly tokens: TokenService,
  ) {}

  @Post('register')
  @Access('public')
  @ApiOperation({ summary: 'Create an account (also sets the refresh cookie of the web app)' })
  @ApiConflictResponse({ description: 'Email already registered' })
  @ApiTooManyRequestsResponse({ description: 'Too many registrations from this address (REGISTRATIONS_PER_HOUR)' })
  @ApiCreatedResponse({ type: AuthResponseDto })
  async register(
    @Body() body: RegisterDto,
    @RequestClient() client: ClientInfo,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AuthResponseDto> {
    return this.answer(await this.auth.register(body, client), reply);
  }

  @Post('login')
  @HttpCode(200)
  @Access('public')
  @ApiOperation({
    summary: 'Sign in with email and password (and `code` when two-factor sign-in is on); also sets the refresh cookie',
  })
  @ApiUnauthorizedResponse({
    description: 'Wrong email or password; `code: two_factor_required` when a two-factor code is needed',
  })
  @ApiTooManyRequestsResponse({ description: 'Too many failed attempts' })
  @ApiOkResponse({ type: AuthResponseDto })
  async login(
    @Body() body: LoginDto,
    @RequestClient() client: ClientInfo,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AuthResponseDto> {
    return this.answer(await this.auth.login(body.email, body.password, client, body.code), reply);
  }

  @Post('refresh')
  @HttpCode(200)
  @Access('public')
  @ApiCookieAuth('rt_refresh')
  @ApiOperation({
    summary:
      'A new access token for this device, from its refresh cookie (rotated on every use); same-origin requests only',
  })
  @ApiOkResponse({ type: AuthResponseDto })
  @ApiUnauthorizedResponse({
    description: 'No refresh cookie, or its session ended; a refresh token used twice ends its session',
  })
  @ApiForbiddenResponse({ description: 'Not a same-origin request' })
  async refresh(
    @Req() request: FastifyRequest,
    @RequestClient() client: ClientInfo,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AuthResponseDto> {
    const refreshToken = this.cookie.read(request);
    if (!refreshToken) throw new DomainError(HttpStatus.UNAUTHORIZED, 'unauthenticated', M.noRefreshCookie);
    this.cookie.assertSameOrigin(request);
    try {
      const issued = await this.sessions.refresh(refreshToken, client);
      this.cookie.set(reply, issued.refreshToken, issued.expiresAt);
      return { user: await this.auth.profile(issued.userId), accessToken: issued.accessToken };
    } catch (err) {
      this.cookie.clear(reply);
      throw err;
    }
  }

  @Post('logout')
  @HttpCode(204)
  @Access('public')
  @ApiOperation({ summary: 'Sign this device out: ends the session of its refresh cookie, or of the bearer token' })
  @ApiNoContentResponse()
  async logout(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    const cookie = this.cookie.read(request);
    if (cookie) {
      this.cookie.assertSameOrigin(request);
      await this.sessions.endByRefreshToken(cookie);
    } else {
      const claims = this.tokens.verify(bearer(request.headers.authorization) ?? '');
      if (claims?.sid) await this.sessions.end(claims.sub, claims.sid, 'signed_out').catch(() => undefined);
    }
    this.cookie.clear(reply);
  }

  @Post('password-reset')
  @HttpCode(202)
  @Access('public')
  @ApiOperation({
    summary: 'Email a single-use password reset link; the same answer whether or not the address has an account',
  })
  @ApiAcceptedResponse({ type: AcceptedDto, description: 'Accepted (for any address)' })
  @ApiTooManyRequestsResponse({
    description: 'Too many requests for this address or from this client (PASSWORD_RESETS_PER_HOUR)',
  })
  async requestReset(@Body() body: PasswordResetRequestDto, @RequestClient() client: ClientInfo): Promise<AcceptedDto> {
    await this.passwords.requestReset(body.email, client);
    return { accepted: true };
  }

  @Post('password-reset/confirm')
  @HttpCode(204)
  @Access('public')
  @ApiOperation({ summary: 'Set a new password with the link’s token; every device is signed out' })
  @ApiNoContentResponse()
  @ApiBadRequestResponse({
    description: 'The token was used already, has expired or is unknown; or the password is too weak',
  })
  async confirmReset(@Body() body: PasswordResetConfirmDto, @RequestClient() client: ClientInfo): Promise<void> {
    await this.passwords.confirmReset(body.token, body.newPassword, client);
  }

  @Post('verify-email')
  @HttpCode(204)
  @Access('public')
  @ApiOperation({ summary: 'Confirm an email address with the token of the link sent to it' })
  @ApiNoContentResponse()
  @ApiBadRequestResponse({ description: 'The token was used already, has expired or is unknown' })
  async verifyEmail(@Body() body: AccountTokenDto): Promise<void> {
    await this.verification.confirm(body.token);
  }

  private answer(result: SignedIn, reply: FastifyReply): AuthResponseDto {
    this.cookie.set(reply, result.session.refreshToken, result.session.expiresAt);
    return { user: result.user, accessToken: result.accessToken };
  }
}
