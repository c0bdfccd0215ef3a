import { ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { ProfileFieldsDto } from './profile-fields.dto';

export class UpdateMeDto extends PartialType(ProfileFieldsDto) {
  @ApiPropertyOptional({ enum: ['weekly', 'off'] })
  @IsOptional()
  @IsIn(['weekly', 'off'], { message: 'digest must be weekly or off' })
  digest?: 'weekly' | 'off';
}
