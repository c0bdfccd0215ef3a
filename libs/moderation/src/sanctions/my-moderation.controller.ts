import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentAccess, RequestAccess } from '@roundtable/identity';
import { MemberNoticesDto } from './sanction.dto';
import { MemberNotices } from './member-notices';
import { ModeratedQuestionListDto } from '../queue/moderated-question.dto';
import { ModeratedQuestions } from '../queue/moderated-questions';

@ApiTags('moderation')
@Controller('me')
export class MyModerationController {
  constructor(
    private readonly notices: MemberNotices,
    private readonly questions: ModeratedQuestions,
  ) {}

  @Get('moderation')
  @Access('signed-in')
  @ApiOperation({
    summary: 'Your warnings and suspensions, and why your contributions were rejected, hidden or restored',
  })
  @ApiOkResponse({ type: MemberNoticesDto })
  mine(@CurrentAccess() access: RequestAccess): Promise<MemberNoticesDto> {
    return this.notices.forMember(access.user!.id);
  }

  @Get('moderation/questions')
  @Access('signed-in')
  @ApiOperation({
    summary:
      'The questions you moderate, across consultations, with their pending and flagged counts, oldest waiting first (empty when you moderate none)',
  })
  @ApiOkResponse({ type: ModeratedQuestionListDto })
  async moderated(@CurrentAccess() access: RequestAccess): Promise<ModeratedQuestionListDto> {
    return { items: await this.questions.of(access.user!.id) };
  }
}
