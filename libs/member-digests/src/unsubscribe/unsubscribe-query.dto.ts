import { ApiProperty } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

export class UnsubscribeQueryDto {
  /** The signed token from the digest's `List-Unsubscribe` link. */
  @ApiProperty({ description: 'The signed token from the digest’s List-Unsubscribe link' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  token?: string;
}

export class UnsubscribedDto {
  @ApiProperty({ example: true }) unsubscribed: boolean;
  @ApiProperty({ enum: ['off'] }) digest: 'off';
}
