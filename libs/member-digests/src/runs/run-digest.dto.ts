import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsUUID } from 'class-validator';
import { localisedRule } from '@roundtable/core';
import { MEMBER_DIGESTS_MESSAGES as M } from '../member-digests-messages';

/** `POST /admin/digest-emails/run`. */
export class RunDigestDto {
  /** End of the period (ISO 8601, not in the future); default now. The same end twice is the same period: nobody gets a second email. */
  @ApiPropertyOptional({
    example: '2025-01-13T08:00:00Z',
    description: 'End of the period (ISO 8601, not in the future); default now',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, localisedRule(M.periodEndDateTime))
  periodEnd?: string;

  /** Only this consultation; default every consultation. */
  @ApiPropertyOptional({ format: 'uuid', description: 'Only this consultation (default: all)' })
  @IsOptional()
  @IsUUID('all', localisedRule(M.consultationIdUuid))
  consultationId?: string;
}

export class DigestRunQueuedDto {
  @ApiProperty({ format: 'uuid' }) consultationId: string;
  /** The run's job id, `digest-run-<consultationId>-<period>`. */
  @ApiProperty() jobId: string;
}

export class DigestRunAcceptedDto {
  @ApiProperty({ description: 'The period end the runs use' }) periodEnd: string;
  @ApiProperty({ type: [DigestRunQueuedDto] }) runs: DigestRunQueuedDto[];
}
