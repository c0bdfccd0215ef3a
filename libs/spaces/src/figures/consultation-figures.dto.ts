import { ApiProperty } from '@nestjs/swagger';

const COUNTS = { type: 'object', additionalProperties: { type: 'integer' } } as const;

export class MemberFiguresDto {
  @ApiProperty({
    description:
      'People who joined at least one question of the consultation, or moderate or report on one of its roundtables',
  })
  total: number;
  @ApiProperty({ description: 'Members who get the weekly digest email (on, not paused by bounces)' })
  digestSubscribers: number;
  @ApiProperty({ ...COUNTS, description: 'Members per constituency' }) byConstituency: Record<string, number>;
  @ApiProperty({ ...COUNTS, description: 'Members per preferred language' }) byLanguage: Record<string, number>;
}

export class ContributionFiguresDto {
  @ApiProperty() total: number;
  @ApiProperty({ ...COUNTS, description: 'Contributions per status (published, pending, hidden, rejected, deleted)' })
  byStatus: Record<string, number>;
  @ApiProperty({ ...COUNTS, description: 'Published contributions per original language (`unknown` while undetected)' })
  publishedByLanguage: Record<string, number>;
  @ApiProperty({ description: 'Published in the last 7 days' }) publishedLast7Days: number;
  @ApiProperty({ description: 'Distinct authors of published contributions' }) contributors: number;
  @ApiProperty({ ...COUNTS, description: 'Distinct authors of published contributions per constituency' })
  contributorsByConstituency: Record<string, number>;
}

export class TranslationFiguresDto {
  @ApiProperty({ description: 'Translations of the current version of published contributions, done' }) done: number;
  @ApiProperty({ description: 'Translations that failed after their retries (readers see the original)' })
  failed: number;
  @ApiProperty({ description: 'Translations still to come (two per published contribution whose language is known)' })
  pending: number;
}

export class ModerationFiguresDto {
  @ApiProperty({ description: 'Contributions awaiting approval in pre-moderated questions' }) pendingApproval: number;
  @ApiProperty({ description: 'Flags not yet dealt with' }) openFlags: number;
}

export class DigestRunFiguresDto {
  @ApiProperty() periodEnd: string;
  @ApiProperty({ enum: ['schedule', 'manual'] }) trigger: string;
  @ApiProperty({ nullable: true, type: Number, description: 'Members queued by the run' }) members: number | null;
  @ApiProperty({ ...COUNTS, description: 'Deliveries per outcome (sent, empty, skipped, bounced, failed, claimed)' })
  deliveries: Record<string, number>;
}

export class SpaceFiguresDto {
  @ApiProperty({ format: 'uuid' }) spaceId: string;
  @ApiProperty({ format: 'uuid' }) roundtableId: string;
  @ApiProperty() roundtableNumber: number;
  @ApiProperty() number: number;
  @ApiProperty({ enum: ['draft', 'open', 'closed', 'archived'] }) status: string;
  @ApiProperty() members: number;
  @ApiProperty() published: number;
  @ApiProperty() pending: number;
  @ApiProperty() contributors: number;
  @ApiProperty({ nullable: true, type: String }) lastContributionAt: string | null;
}

/** `GET /consultations/:id/figures`: where a consultation stands, for its organisers. */
export class ConsultationFiguresDto {
  @ApiProperty({ format: 'uuid' }) consultationId: string;
  @ApiProperty() computedAt: string;
  @ApiProperty({ type: MemberFiguresDto }) members: MemberFiguresDto;
  @ApiProperty({ type: ContributionFiguresDto }) contributions: ContributionFiguresDto;
  @ApiProperty({ type: TranslationFiguresDto }) translations: TranslationFiguresDto;
  @ApiProperty({ type: ModerationFiguresDto }) moderation: ModerationFiguresDto;
  @ApiProperty({ type: DigestRunFiguresDto, nullable: true, description: 'The latest member digest run' })
  lastDigestRun: DigestRunFiguresDto | null;
  @ApiProperty({ type: [SpaceFiguresDto], description: 'Every question, by roundtable and number' })
  spaces: SpaceFiguresDto[];
}
