import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PageQueryDto } from '@roundtable/core';
import { Access, CurrentAccess, RequestAccess } from '@roundtable/identity';
import { CreateRoundtableDto, RoundtableSummaryDto } from '../roundtables/roundtable.dto';
import { RoundtablesService } from '../roundtables/roundtables.service';
import { ConsultationFiguresDto } from '../figures/consultation-figures.dto';
import { ConsultationFiguresService } from '../figures/consultation-figures.service';
import { ConsultationDto, ConsultationListDto, CreateConsultationDto, UpdateConsultationDto } from './consultation.dto';
import { ConsultationsService } from './consultations.service';
import { ConsultationActivity } from './consultation-activity';

@ApiTags('structure')
@Controller('consultations')
export class ConsultationsController {
  constructor(
    private readonly consultations: ConsultationsService,
    private readonly roundtables: RoundtablesService,
    private readonly figures: ConsultationFiguresService,
    private readonly activity: ConsultationActivity,
  ) {}

  @Post()
  @Access('organiser')
  @ApiOperation({ summary: 'Open a consultation' })
  @ApiCreatedResponse({ type: ConsultationDto })
  async create(@Body() body: CreateConsultationDto, @CurrentAccess() access: RequestAccess): Promise<ConsultationDto> {
    return this.consultations.view(await this.consultations.create(body, access.user!.id));
  }

  @Get()
  @Access('signed-in')
  @ApiOperation({ summary: 'Consultations, newest first, each with where it stands for you (`activity`)' })
  @ApiOkResponse({ type: ConsultationListDto })
  async list(@Query() page: PageQueryDto, @CurrentAccess() access: RequestAccess): Promise<ConsultationListDto> {
    const { items, nextCursor } = await this.consultations.list(page.limit ?? 50, page.cursor);
    const activity = await this.activity.forMember(
      items.map((c) => c.id),
      access.user!.id,
    );
    return { items: items.map((c) => ({ ...this.consultations.view(c), activity: activity.get(c.id) })), nextCursor };
  }

  @Get(':id')
  @Access('signed-in')
  @ApiOperation({ summary: 'A consultation with its roundtables' })
  @ApiOkResponse({ type: ConsultationDto })
  async get(@Param('id', ParseUUIDPipe) id: string, @CurrentAccess() access: RequestAccess): Promise<ConsultationDto> {
    const consultation = await this.consultations.get(id);
    const roundtables = await this.consultations.roundtablesOf(id);
    const activity = await this.activity.forMember([id], access.user!.id);
    return {
      ...this.consultations.view(consultation, roundtables.map(RoundtableSummaryDto.from)),
      activity: activity.get(id),
    };
  }

  @Patch(':id')
  @Access('organiser')
  @ApiOperation({ summary: 'Edit a consultation: title, description, timezone, the weekly digest time' })
  @ApiOkResponse({ type: ConsultationDto })
  async update(@Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateConsultationDto): Promise<ConsultationDto> {
    const consultation = await this.consultations.update(id, body);
    return this.consultations.view(
      consultation,
      (await this.consultations.roundtablesOf(id)).map(RoundtableSummaryDto.from),
    );
  }

  @Get(':id/figures')
  @Access('organiser')
  @ApiOperation({
    summary:
      'Where the consultation stands: members, contributions, translations, moderation backlog, the latest digest run, per question',
  })
  @ApiOkResponse({ type: ConsultationFiguresDto })
  figuresOf(@Param('id', ParseUUIDPipe) id: string): Promise<ConsultationFiguresDto> {
    return this.figures.figures(id);
  }

  @Post(':id/roundtables')
  @Access('organiser')
  @ApiOperation({ summary: 'Add a roundtable with its objectives' })
  @ApiCreatedResponse({ type: RoundtableSummaryDto })
  async createRoundtable(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: CreateRoundtableDto,
  ): Promise<RoundtableSummaryDto> {
    return RoundtableSummaryDto.from(await this.roundtables.create(id, body));
  }
}
