import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { localisedRule } from '@roundtable/core';
import type { ExportFormat } from './export.service';
import { EXCHANGE_MESSAGES as M } from '../exchange-messages';

export class ExportQueryDto {
  @ApiPropertyOptional({
    enum: ['json', 'csv'],
    default: 'json',
    description: 'json: the import format (can be imported again); csv: one row per contribution',
  })
  @IsOptional()
  @IsIn(['json', 'csv'], localisedRule(M.formatJsonOrCsv))
  format?: ExportFormat;
}
