import { Body, Controller, Delete, Get, Patch, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Access, CurrentAccess } from '../access/access.decorator';
import type { RequestAccess } from '../access/request-access';
import { AccountDataService } from './account-data.service';
import { AccountExportDto } from './account-export.dto';
import { DeletedAccountDto, DeleteMeDto } from './delete-me.dto';
import { UpdateMeDto } from './update-me.dto';
import { UserDto } from './user.dto';
import { UsersService } from './users.service';

@ApiTags('accounts')
@Controller('me')
export class MeController {
  constructor(
    private readonly users: UsersService,
    private readonly accountData: AccountDataService,
  ) {}

  @Get()
  @Access('signed-in')
  @ApiOperation({ summary: 'Your profile' })
  @ApiOkResponse({ type: UserDto })
  async get(@CurrentAccess() access: RequestAccess): Promise<UserDto> {
    return UserDto.from(await this.users.get(access.user!.id));
  }

  @Patch()
  @Access('signed-in')
  @ApiOperation({ summary: 'Update your profile and digest preference' })
  @ApiOkResponse({ type: UserDto })
  async update(@CurrentAccess() access: RequestAccess, @Body() body: UpdateMeDto): Promise<UserDto> {
    return UserDto.from(await this.users.update(access.user!.id, body));
  }

  @Get('export')
  @Access('signed-in')
  @ApiOperation({
    summary:
      'Everything Roundtable holds about you, as a JSON download (profile, memberships, contributions with earlier versions, flags, sanctions, digests)',
  })
  @ApiOkResponse({ type: AccountExportDto })
  async export(
    @CurrentAccess() access: RequestAccess,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AccountExportDto> {
    void reply.header('content-disposition', `attachment; filename="roundtable-account-${access.user!.id}.json"`);
    void reply.header('cache-control', 'no-store');
    return this.accountData.export(access.user!.id);
  }

  @Delete()
  @Access('signed-in')
  @ApiOperation({
    summary:
      'Delete your account: your contributions stay in their threads, anonymised; your email, password, organisation, country, memberships and roles go',
  })
  @ApiConflictResponse({ description: 'Organiser accounts cannot delete themselves' })
  @ApiOkResponse({ type: DeletedAccountDto })
  delete(@CurrentAccess() access: RequestAccess, @Body() body: DeleteMeDto): Promise<DeletedAccountDto> {
    return this.accountData.delete(access.user!.id, body.password);
  }
}
