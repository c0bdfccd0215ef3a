import { ApiProperty } from '@nestjs/swagger';

/** A text in English, French and/or Spanish (the languages it has). */
class TextsDto {
  @ApiProperty({ type: String, required: false }) en?: string;
  @ApiProperty({ type: String, required: false }) fr?: string;
  @ApiProperty({ type: String, required: false }) es?: string;
}

/** One question a member moderates, with what waits for a decision there. */
export class ModeratedQuestionDto {
  @ApiProperty({ type: String, format: 'uuid' }) spaceId: string;
  @ApiProperty({ type: 'integer' }) number: number;
  @ApiProperty({ type: TextsDto, description: 'The question, completed by machine translations' }) prompt: TextsDto;
  @ApiProperty({ enum: ['pre', 'post'] }) moderation: 'pre' | 'post';
  @ApiProperty({ enum: ['draft', 'open', 'closed', 'archived'] }) status: string;
  @ApiProperty({ type: String, format: 'uuid' }) roundtableId: string;
  @ApiProperty({ type: 'integer' }) roundtableNumber: number;
  @ApiProperty({ type: TextsDto }) roundtableTitle: TextsDto;
  @ApiProperty({ type: String, format: 'uuid' }) consultationId: string;
  @ApiProperty({ type: TextsDto }) consultationTitle: TextsDto;
  @ApiProperty({ type: 'integer', description: 'Contributions awaiting approval (pre-moderation)' }) pending: number;
  @ApiProperty({ type: 'integer', description: 'Contributions with open flags' }) flagged: number;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Since when the oldest of them waits; null when nothing waits',
  })
  waitingSince: string | null;
}

export class ModeratedQuestionListDto {
  @ApiProperty({
    type: [ModeratedQuestionDto],
    description: 'Oldest waiting first, then the questions where nothing waits',
  })
  items: ModeratedQuestionDto[];
}
