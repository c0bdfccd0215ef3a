import { ApiProperty } from '@nestjs/swagger';

export class MemorySuggestionDto {
  @ApiProperty({ description: 'The remembered source sentence' }) source: string;
  @ApiProperty({ description: 'Its translation by people' }) target: string;
  @ApiProperty({ description: 'How close the remembered sentence is to this one, 0–1' }) similarity: number;
  @ApiProperty({ enum: ['correction', 'prompt', 'title', 'objective', 'glossary', 'import'] }) origin: string;
}

export class SentenceSuggestionsDto {
  @ApiProperty({ description: 'A sentence of the original' }) source: string;
  @ApiProperty({ type: [MemorySuggestionDto] }) suggestions: MemorySuggestionDto[];
}
