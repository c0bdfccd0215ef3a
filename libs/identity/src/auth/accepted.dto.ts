import { ApiProperty } from '@nestjs/swagger';

/** The answer to a request whose effect arrives by email (the same whoever asks). */
export class AcceptedDto {
  @ApiProperty({ enum: [true], description: 'Always true: the request was taken; what follows arrives by email' })
  accepted: true;
}
