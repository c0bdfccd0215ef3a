import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { PageQueryDto } from '@roundtable/core';
import { Access, CurrentAccess, RequestAccess } from '@roundtable/identity';
import { AuditPageDto, AuditQueryDto } from '../audit/audit-entry.dto';
import { AuditLog } from '../audit/audit-log';
import {
  CreateSuspensionDto,
  CreateWarningDto,
  LiftSuspensionDto,
  RunningSuspensionPageDto,
  SanctionDto,
} from '../sanctions/sanction.dto';
import { SanctionsService } from '../sanctions/sanctions.service';
import { QueuePageDto } from './queue-item.dto';
import { ModerationQueue } from './moderation-queue';

@ApiTags('moderation')
@Controller('spaces')
export class SpaceModerationController {
  constructor(
    private readonly queue: ModerationQueue,
    private readonly audit: AuditLog,
    private readonly sanctions: SanctionsService,
  ) {}

  @Get(':id/moderation/queue')
  @Access('moderator', 'space')
  @ApiOperation({
    summary: 'Pending and flagged contributions, oldest first, with flag counts and reasons (moderators)',
  })
  @ApiOkResponse({ type: QueuePageDto })
  queuePage(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: PageQueryDto,
    @CurrentAccess() access: RequestAccess,
  ): Promise<QueuePageDto> {
    return this.queue.page(id, access.user!.id, query.limit ?? 50, query.cursor);
  }

  @Get(':id/moderation/log')
  @Access('moderator', 'space')
  @ApiOperation({
    summary: 'The append-only moderation log, newest first; format=csv downloads all of it (moderators and organisers)',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: AuditPageDto })
  async log(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: AuditQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AuditPageDto | string> {
    if (query.format !== 'csv') return this.audit.page(id, query.limit ?? 50, query.cursor);
    void reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="moderation-log-${id}.csv"`)
      .header('cache-control', 'no-store');
    return this.audit.csv(id);
  }

  @Post(':id/suspensions')
  @Access('moderator', 'space')
  @ApiOperation({
    summary: 'Suspend a member until a date: no posting, replying, editing, flagging or following live (moderators)',
  })
  @ApiCreatedResponse({ type: SanctionDto })
  suspend(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: CreateSuspensionDto,
    @CurrentAccess() access: RequestAccess,
  ): Promise<SanctionDto> {
    return this.sanctions.suspend(access, id, body);
  }

  @Get(':id/suspensions')
  @Access('moderator', 'space')
  @ApiOperation({
    summary:
      'The suspensions running in this space, its own and consultation-wide ones, soonest end first (moderators)',
  })
  @ApiOkResponse({ type: RunningSuspensionPageDto })
  suspensions(@Param('id', ParseUUIDPipe) id: string, @Query() query: PageQueryDto): Promise<RunningSuspensionPageDto> {
    return this.sanctions.running(id, query.limit ?? 50, query.cursor);
  }

  @Post(':id/suspensions/:suspensionId/lift')
  @HttpCode(200)
  @Access('moderator', 'space')
  @ApiOperation({
    summary:
      'End a suspension now, with a reason shown to the member; a consultation-wide one is lifted by an organiser (moderators)',
  })
  @ApiOkResponse({ type: SanctionDto })
  @ApiConflictResponse({ description: 'The suspension has already ended' })
  lift(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('suspensionId', ParseUUIDPipe) suspensionId: string,
    @Body() body: LiftSuspensionDto,
    @CurrentAccess() access: RequestAccess,
  ): Promise<SanctionDto> {
    return this.sanctions.lift(access, id, suspensionId, body);
  }

  @Post(':id/warnings')
  @Access('moderator', 'space')
  @ApiOperation({ summary: 'Warn a member; the warning is recorded and shown to them (moderators)' })
  @ApiCreatedResponse({ type: SanctionDto })
  warn(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: CreateWarningDto,
    @CurrentAccess() access: RequestAccess,
  ): Promise<SanctionDto> {
    return this.sanctions.warn(access, id, body);
  }
}
