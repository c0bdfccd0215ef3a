import { ApiProperty } from '@nestjs/swagger';

/**
 * A person's translation of a contribution into one language. Checked by the service
 * (not the validation pipe) so that what is wrong is said in the member's language.
 */
export class CorrectTranslationDto {
  @ApiProperty({
    description: 'The whole translation, light Markdown as in the original',
    minLength: 1,
    maxLength: 20_000,
  })
  text: string;
}
