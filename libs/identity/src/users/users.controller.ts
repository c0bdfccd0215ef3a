import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../access/access.decorator';
import { AccountPageDto } from './account-summary.dto';
import { NameSearchQueryDto } from './name-search';
import { UserDirectory } from './user-directory';

@ApiTags('accounts')
@Controller('users')
export class UsersController {
  constructor(private readonly directory: UserDirectory) {}

  @Get()
  @Access('organiser')
  @ApiOperation({ summary: 'Find accounts by a part of their name, organisation or email, to give them a role (organisers)' })
  @ApiOkResponse({ type: AccountPageDto })
  search(@Query() query: NameSearchQueryDto): Promise<AccountPageDto> {
    return this.directory.search(query.q, query.limit ?? 50, query.cursor);
  }
}
