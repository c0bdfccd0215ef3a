import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentAccess } from '../access/access.decorator';
import type { RequestAccess } from '../access/request-access';
import { UpdateMeDto } from './update-me.dto';
import { UserDto } from './user.dto';
import { UsersService } from './users.service';

@ApiTags('accounts')
@Controller('me')
export class MeController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Access('signed-in')
  @ApiOperation({ summary: 'Your profile' })
  async get(@CurrentAccess() access: RequestAccess): Promise<UserDto> {
    return UserDto.from(await this.users.get(access.user!.id));
  }

  @Patch()
  @Access('signed-in')
  @ApiOperation({ summary: 'Update your profile and digest preference' })
  async update(@CurrentAccess() access: RequestAccess, @Body() body: UpdateMeDto): Promise<UserDto> {
    return UserDto.from(await this.users.update(access.user!.id, body));
  }
}
