import { ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { localisedRule } from '@roundtable/core';
import { ProfileFieldsDto } from './profile-fields.dto';
import { IDENTITY_MESSAGES as M } from '../identity-messages';

export class UpdateMeDto extends PartialType(ProfileFieldsDto) {
  @ApiPropertyOptional({ enum: ['weekly', 'off'] })
  @IsOptional()
  @IsIn(['weekly', 'off'], localisedRule(M.digestWeeklyOrOff))
  digest?: 'weekly' | 'off';
}
