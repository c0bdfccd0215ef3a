import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDateString, IsIn, IsInt, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import {
  completePrompt,
  isCurrentPromptTranslation,
  LANGUAGES,
  localisedRule,
  VALIDATION_MESSAGES as V,
} from '@roundtable/core';
import { HasSomeLanguage, MultilingualTextDto } from '../shared/multilingual-text.dto';
import { SpaceEntity } from './space.entity';
import { SPACE_STATUSES, SpaceStatus } from './space-status';
import { SPACES_MESSAGES as M } from '../spaces-messages';

export class CreateSpaceDto {
  @ApiProperty({ example: 1 })
  @IsInt()
  @Min(1)
  @Max(1000)
  number: number;

  @ApiProperty({ type: MultilingualTextDto, description: 'The roundtable question; at least one language' })
  @ValidateNested()
  @Type(() => MultilingualTextDto)
  @HasSomeLanguage()
  prompt: MultilingualTextDto;

  @ApiProperty({ enum: ['pre', 'post'] })
  @IsIn(['pre', 'post'], localisedRule(M.moderationPreOrPost))
  moderation: 'pre' | 'post';

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsDateString()
  opensAt?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsDateString()
  closesAt?: string;

  @ApiPropertyOptional({ enum: ['draft', 'open'], description: 'Start as a draft (only staff see it); default open' })
  @IsOptional()
  @IsIn(['draft', 'open'])
  status?: 'draft' | 'open';
}

export class UpdateSpaceDto extends PartialType(OmitType(CreateSpaceDto, ['status'] as const)) {
  @ApiPropertyOptional({ enum: SPACE_STATUSES })
  @IsOptional()
  @IsIn(SPACE_STATUSES, localisedRule(V.isIn, { field: 'status', values: SPACE_STATUSES.join(', ') }))
  status?: SpaceStatus;
}

export class AssignSpaceRoleDto {
  @ApiProperty({ enum: ['participant', 'moderator', 'rapporteur'] })
  @IsIn(['participant', 'moderator', 'rapporteur'], localisedRule(M.roleValues))
  role: 'participant' | 'moderator' | 'rapporteur';
}

/** How busy a question is. */
export class SpaceActivityDto {
  @ApiProperty({ type: 'integer', description: 'Published contributions' }) contributions: number;
  @ApiProperty({ type: 'integer', description: 'Members who published one' }) participants: number;
  @ApiProperty({ type: String, nullable: true, description: 'When the latest was published' }) lastActivityAt:
    string | null;
}

export class SpaceDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) roundtableId: string;
  @ApiProperty() number: number;
  @ApiProperty({
    type: MultilingualTextDto,
    description: "The question in each language: the organiser's text, completed by machine translations",
  })
  prompt: MultilingualTextDto;
  @ApiProperty({
    type: 'object',
    additionalProperties: {
      type: 'object',
      properties: {
        text: { type: 'string', nullable: true },
        status: { enum: ['done', 'pending', 'failed'] },
        provider: { type: 'string', nullable: true },
        machine: { type: 'boolean' },
      },
    },
    description: 'The languages of `prompt` that a machine translated (or is translating), and how',
  })
  promptTranslations: Record<
    string,
    { text: string | null; status: 'done' | 'pending' | 'failed'; provider: string | null; machine: true }
  >;
  @ApiProperty({ enum: ['pre', 'post'] }) moderation: 'pre' | 'post';
  @ApiProperty({ enum: SPACE_STATUSES }) status: SpaceStatus;
  @ApiPropertyOptional({ type: String, nullable: true }) opensAt: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) closesAt: string | null;
  @ApiProperty({ description: 'Seq of the latest event in this space' }) lastSeq: number;
  @ApiProperty() createdAt: string;
  @ApiPropertyOptional({ nullable: true, enum: ['participant', 'moderator', 'rapporteur'] }) myRole?: string | null;
  @ApiPropertyOptional({ type: SpaceActivityDto, description: "How busy it is (in a roundtable's list of questions)" })
  activity?: SpaceActivityDto;

  static from(s: SpaceEntity, myRole?: string | null): SpaceDto {
    return {
      id: s.id,
      roundtableId: s.roundtableId,
      number: s.number,
      prompt: completePrompt(s.prompt, s.promptTranslations),
      promptTranslations: machinePrompt(s),
      moderation: s.moderation,
      status: s.status,
      opensAt: s.opensAt?.toISOString() ?? null,
      closesAt: s.closesAt?.toISOString() ?? null,
      lastSeq: Number(s.lastSeq ?? 0),
      createdAt: s.createdAt.toISOString(),
      ...(myRole !== undefined ? { myRole } : {}),
    };
  }
}

export class MembershipDto {
  @ApiProperty({ format: 'uuid' }) spaceId: string;
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty({ enum: ['participant', 'moderator', 'rapporteur'] }) role: string;
  @ApiProperty() joinedAt: string;
}

/** The prompt's languages that the organiser did not give: done, failed or (until the worker is through) pending. */
function machinePrompt(s: SpaceEntity): SpaceDto['promptTranslations'] {
  const out: SpaceDto['promptTranslations'] = {};
  for (const language of LANGUAGES) {
    if (s.prompt[language]) continue;
    const t = s.promptTranslations?.[language];
    out[language] = isCurrentPromptTranslation(s.prompt, t)
      ? { text: t.text, status: t.status, provider: t.provider, machine: true }
      : { text: null, status: 'pending', provider: null, machine: true };
  }
  return out;
}
