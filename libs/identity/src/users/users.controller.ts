import { Body, Controller, Get, Param, ParseUUIDPipe, Put, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';
import { Access, CurrentAccess } from '../access/access.decorator';
import type { RequestAccess } from '../access/request-access';
import { AccountPageDto } from './account-summary.dto';
import { NameSearchQueryDto } from './name-search';
import { UserDirectory } from './user-directory';
import { UsersService } from './users.service';

class AffiliationDto {
  @ApiProperty({ description: 'true: the organisation and constituency are confirmed; false: back to self-declared' })
  @IsBoolean()
  verified: boolean;
}

class AffiliationStateDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() affiliationVerified: boolean;
}

@ApiTags('accounts')
@Controller('users')
export class UsersController {
  constructor(
    private readonly directory: UserDirectory,
    private readonly users: UsersService,
  ) {}

  @Get()
  @Access('organiser')
  @ApiOperation({
    summary: 'Find accounts by a part of their name, organisation or email, to give them a role (organisers)',
  })
  @ApiOkResponse({ type: AccountPageDto })
  search(@Query() query: NameSearchQueryDto): Promise<AccountPageDto> {
    return this.directory.search(query.q, query.limit ?? 50, query.cursor);
  }

  @Put(':id/affiliation')
  @Access('organiser')
  @ApiOperation({
    summary: 'Confirm (or withdraw the confirmation of) a member’s organisation and constituency (organisers)',
  })
  @ApiOkResponse({ type: AffiliationStateDto })
  @ApiNotFoundResponse({ description: 'No such account' })
  async affiliation(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: AffiliationDto,
    @CurrentAccess() access: RequestAccess,
  ): Promise<AffiliationStateDto> {
    await this.users.confirmAffiliation(id, body.verified ? access.user!.id : null);
    return { id, affiliationVerified: body.verified };
  }
}
