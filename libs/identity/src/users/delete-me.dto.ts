import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

/** Deleting your account asks for your password again, so a stolen token alone cannot do it. */
export class DeleteMeDto {
  @ApiProperty({ description: 'Your current password' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password: string;
}

export class DeletedAccountDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({
    description:
      'Your contributions stay in their threads under this name, without your email, organisation or country',
  })
  shownAs: string;
  @ApiProperty({ description: 'How many of your contributions were kept, anonymised' }) contributionsKept: number;
}
