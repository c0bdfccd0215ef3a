import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentAccess, RequestAccess } from '@roundtable/identity';
import { CreateSpaceDto, SpaceDto } from '../spaces/space.dto';
import { SpacesService } from '../spaces/spaces.service';
import { AssignRoundtableRoleDto, RoundtableDto, RoundtableSummaryDto, UpdateRoundtableDto } from './roundtable.dto';
import { RoundtablesService } from './roundtables.service';
import { ConsultationActivity } from '../consultations/consultation-activity';

@ApiTags('structure')
@Controller('roundtables')
export class RoundtablesController {
  constructor(
    private readonly roundtables: RoundtablesService,
    private readonly spaces: SpacesService,
    private readonly activity: ConsultationActivity,
  ) {}

  @Get(':id')
  @Access('viewer', 'roundtable')
  @ApiOperation({ summary: 'A roundtable with its questions (discussion spaces)' })
  @ApiOkResponse({ type: RoundtableDto })
  async get(@Param('id', ParseUUIDPipe) id: string, @CurrentAccess() access: RequestAccess): Promise<RoundtableDto> {
    const roundtable = await this.roundtables.get(id);
    const myRole = access.roundtable?.role ?? null;
    const seesDrafts = access.user!.isOrganiser || myRole !== null;
    const spaces = (await this.roundtables.spacesOf(id)).filter((s) => seesDrafts || s.status !== 'draft');
    const activity = await this.activity.ofSpaces(spaces.map((s) => s.id));
    return {
      ...RoundtableSummaryDto.from(roundtable),
      spaces: spaces.map((s) => ({ ...SpaceDto.from(s), activity: activity.get(s.id) })),
      myRole,
    };
  }

  @Patch(':id')
  @Access('organiser')
  @ApiOperation({ summary: 'Edit a roundtable: number, title, objectives' })
  @ApiOkResponse({ type: RoundtableSummaryDto })
  async update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateRoundtableDto,
  ): Promise<RoundtableSummaryDto> {
    return RoundtableSummaryDto.from(await this.roundtables.update(id, body));
  }

  @Post(':id/spaces')
  @Access('organiser')
  @ApiOperation({ summary: 'Open a question (discussion space) in this roundtable' })
  @ApiCreatedResponse({ type: SpaceDto })
  async createSpace(@Param('id', ParseUUIDPipe) id: string, @Body() body: CreateSpaceDto): Promise<SpaceDto> {
    return SpaceDto.from(await this.spaces.create(id, body));
  }

  @Put(':id/roles/:userId')
  @HttpCode(204)
  @Access('organiser')
  @ApiOperation({ summary: 'Make a user moderator or rapporteur of every space of this roundtable' })
  @ApiNoContentResponse()
  async assignRole(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('userId', ParseUUIDPipe) userId: string,
    @Body() body: AssignRoundtableRoleDto,
  ): Promise<void> {
    await this.roundtables.assignRole(id, userId, body.role);
  }
}
