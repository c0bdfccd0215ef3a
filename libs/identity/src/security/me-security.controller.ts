import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import type { FastifyRequest } from 'fastify';
import { keysetPage, PageQueryDto } from '@roundtable/core';
import { AcceptedDto } from '../auth/accepted.dto';
import { Access, CurrentAccess } from '../access/access.decorator';
import { bearer } from '../access/access.guard';
import type { RequestAccess } from '../access/request-access';
import { PasswordChangeDto } from '../auth/account-token.dto';
import { PasswordsService } from '../auth/passwords.service';
import { TokenService } from '../auth/token.service';
import { EmailVerification } from '../emails/email-verification';
import { ClientInfo, RequestClient } from '../sessions/client-info';
import { SessionDto, SessionListDto } from '../sessions/session.dto';
import { SessionsService } from '../sessions/sessions.service';
import { TwoFactorService } from '../two-factor/two-factor.service';
import { SecurityEventDto, SecurityLogPageDto } from './security-event.dto';
import { SecurityLog } from './security-log';

class TwoFactorCodeDto {
  @ApiProperty({ description: 'The current 6-digit code of the authenticator app' })
  @IsString()
  @MinLength(6)
  @MaxLength(10)
  code: string;
}

class PasswordConfirmationDto {
  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password: string;
}

class TwoFactorEnrolmentDto {
  @ApiProperty({ description: 'Base32 secret, for apps that cannot scan' }) secret: string;
  @ApiProperty() otpauthUrl: string;
  @ApiProperty({ description: 'PNG data URL of a QR code of otpauthUrl' }) qrCode: string;
}

class RecoveryCodesDto {
  @ApiProperty({ type: [String], description: 'Ten one-time codes, shown only now' }) recoveryCodes: string[];
}

/** The member's own account security: devices, password, two-factor sign-in, log. */
@ApiTags('accounts')
@Controller('me')
export class MeSecurityController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly passwords: PasswordsService,
    private readonly twoFactor: TwoFactorService,
    private readonly verification: EmailVerification,
    private readonly log: SecurityLog,
    private readonly tokens: TokenService,
  ) {}

  @Post('password')
  @HttpCode(204)
  @Access('signed-in')
  @ApiOperation({ summary: 'Change your password; your other devices are signed out' })
  @ApiNoContentResponse()
  async changePassword(
    @CurrentAccess() access: RequestAccess,
    @Body() body: PasswordChangeDto,
    @Req() request: FastifyRequest,
    @RequestClient() client: ClientInfo,
  ): Promise<void> {
    await this.passwords.change(
      access.user!.id,
      this.sessionOf(request),
      body.currentPassword,
      body.newPassword,
      client,
    );
  }

  @Get('sessions')
  @Access('signed-in')
  @ApiOperation({ summary: 'Your signed-in devices, most recently used first' })
  @ApiOkResponse({ type: SessionListDto })
  async listSessions(@CurrentAccess() access: RequestAccess, @Req() request: FastifyRequest): Promise<SessionListDto> {
    const current = this.sessionOf(request);
    return { items: (await this.sessions.list(access.user!.id)).map((row) => SessionDto.from(row, current)) };
  }

  @Delete('sessions')
  @HttpCode(204)
  @Access('signed-in')
  @ApiOperation({
    summary:
      'Sign out everywhere: every device, this one too; their access tokens stop working and live connections close at once',
  })
  @ApiNoContentResponse()
  async endAllSessions(@CurrentAccess() access: RequestAccess, @RequestClient() client: ClientInfo): Promise<void> {
    await this.sessions.endAll(access.user!.id, 'signed_out_everywhere');
    await this.log.record(access.user!.id, 'signed_out_everywhere', client);
  }

  @Delete('sessions/:id')
  @HttpCode(204)
  @Access('signed-in')
  @ApiOperation({ summary: 'Sign one of your devices out' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: 'Not one of your signed-in devices' })
  async endSession(
    @CurrentAccess() access: RequestAccess,
    @Param('id') id: string,
    @RequestClient() client: ClientInfo,
  ): Promise<void> {
    await this.sessions.end(access.user!.id, id, 'ended_by_member');
    await this.log.record(access.user!.id, 'session_ended', client);
  }

  @Get('security-log')
  @Access('signed-in')
  @ApiOperation({
    summary: 'Your account’s security log, newest first: sign-ins, new devices, password and two-factor changes',
  })
  @ApiOkResponse({ type: SecurityLogPageDto })
  async securityLog(@CurrentAccess() access: RequestAccess, @Query() query: PageQueryDto): Promise<SecurityLogPageDto> {
    const limit = query.limit ?? 50;
    const rows = await this.log.page(access.user!.id, limit + 1, query.cursor);
    const page = keysetPage(rows.map(SecurityEventDto.from), limit, (last) => last.id);
    return { items: page.rows, nextCursor: page.nextCursor };
  }

  @Post('two-factor')
  @Access('signed-in')
  @ApiOperation({
    summary: 'Start enrolling in two-factor sign-in: a new secret and its QR code for an authenticator app',
  })
  @ApiCreatedResponse({ type: TwoFactorEnrolmentDto })
  @ApiConflictResponse({ description: 'Two-factor sign-in is already on' })
  begin(@CurrentAccess() access: RequestAccess): Promise<TwoFactorEnrolmentDto> {
    return this.twoFactor.begin(access.user!.id);
  }

  @Post('two-factor/confirm')
  @HttpCode(200)
  @Access('signed-in')
  @ApiOperation({
    summary: 'Turn two-factor sign-in on with a code from the app; returns ten recovery codes, shown once',
  })
  @ApiOkResponse({ type: RecoveryCodesDto })
  @ApiBadRequestResponse({ description: 'Wrong code, or no enrolment started' })
  async confirm(
    @CurrentAccess() access: RequestAccess,
    @Body() body: TwoFactorCodeDto,
    @RequestClient() client: ClientInfo,
  ): Promise<RecoveryCodesDto> {
    return { recoveryCodes: await this.twoFactor.confirm(access.user!.id, body.code, client) };
  }

  @Delete('two-factor')
  @HttpCode(204)
  @Access('signed-in')
  @ApiOperation({ summary: 'Turn two-factor sign-in off (with your password)' })
  @ApiNoContentResponse()
  async disable(
    @CurrentAccess() access: RequestAccess,
    @Body() body: PasswordConfirmationDto,
    @RequestClient() client: ClientInfo,
  ): Promise<void> {
    await this.twoFactor.disable(access.user!.id, body.password, client);
  }

  @Post('email-verification')
  @HttpCode(202)
  @Access('signed-in')
  @ApiOperation({ summary: 'Send a new confirmation link to your email address' })
  @ApiAcceptedResponse({ type: AcceptedDto })
  @ApiConflictResponse({ description: 'Already confirmed' })
  async resendVerification(@CurrentAccess() access: RequestAccess): Promise<AcceptedDto> {
    await this.verification.resend(access.user!.id);
    return { accepted: true };
  }

  /** The session the request's bearer token belongs to. */
  private sessionOf(request: FastifyRequest): string | undefined {
    return this.tokens.verify(bearer(request.headers.authorization) ?? '')?.sid;
  }
}
