import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentAccess, RequestAccess } from '@roundtable/identity';
import { AssignSpaceRoleDto, MembershipDto, SpaceDto, UpdateSpaceDto } from './space.dto';
import { MembershipEntity } from './membership.entity';
import { SpacesService } from './spaces.service';

@ApiTags('structure')
@Controller('spaces')
export class SpacesController {
  constructor(private readonly spaces: SpacesService) {}

  @Get(':id')
  @Access('viewer', 'space')
  @ApiOperation({ summary: 'A discussion space: its question, status and your role in it' })
  @ApiOkResponse({ type: SpaceDto })
  async get(@Param('id', ParseUUIDPipe) id: string, @CurrentAccess() access: RequestAccess): Promise<SpaceDto> {
    return SpaceDto.from(await this.spaces.get(id), access.space?.role ?? null);
  }

  @Patch(':id')
  @Access('organiser')
  @ApiOperation({
    summary: 'Change a space: prompt, moderation mode, dates, status (draft → open → closed → archived)',
  })
  @ApiOkResponse({ type: SpaceDto })
  async update(@Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateSpaceDto): Promise<SpaceDto> {
    return SpaceDto.from(await this.spaces.update(id, body));
  }

  @Post(':id/members')
  @Access('viewer', 'space')
  @ApiOperation({ summary: 'Join this space as a participant' })
  @ApiCreatedResponse({ type: MembershipDto })
  async join(@Param('id', ParseUUIDPipe) id: string, @CurrentAccess() access: RequestAccess): Promise<MembershipDto> {
    return toMembershipDto(await this.spaces.join(id, access.user!.id));
  }

  @Put(':id/roles/:userId')
  @Access('organiser')
  @ApiOperation({ summary: 'Give a user a role in this space' })
  @ApiOkResponse({ type: MembershipDto })
  async assignRole(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('userId', ParseUUIDPipe) userId: string,
    @Body() body: AssignSpaceRoleDto,
  ): Promise<MembershipDto> {
    return toMembershipDto(await this.spaces.assignRole(id, userId, body.role));
  }
}

function toMembershipDto(m: MembershipEntity): MembershipDto {
  return { spaceId: m.spaceId, userId: m.userId, role: m.role, joinedAt: m.joinedAt.toISOString() };
}
