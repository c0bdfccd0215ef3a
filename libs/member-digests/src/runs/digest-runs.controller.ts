import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '@roundtable/identity';
import { DigestRunRequests } from './digest-run-requests';
import { DigestRunAcceptedDto, RunDigestDto } from './run-digest.dto';

@ApiTags('digests')
@Controller('admin/digest-emails')
export class DigestRunsController {
  constructor(private readonly runs: DigestRunRequests) {}

  @Post('run')
  @HttpCode(202)
  @Access('organiser')
  @ApiOperation({
    summary: 'Run the weekly member digest now (queued for the worker); a period already sent sends nothing again',
  })
  @ApiAcceptedResponse({ type: DigestRunAcceptedDto })
  async run(@Body() body: RunDigestDto): Promise<DigestRunAcceptedDto> {
    return this.runs.request(body.periodEnd, body.consultationId);
  }
}
