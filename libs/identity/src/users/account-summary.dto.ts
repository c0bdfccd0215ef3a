import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CONSTITUENCIES } from '@roundtable/core';
import type { Constituency } from '@roundtable/core';

/** An account as organisers find it to give it a role: with its email, which only they see. */
export class AccountSummaryDto {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ description: 'Shown to organisers only' }) email: string;
  @ApiPropertyOptional({ nullable: true, type: String }) organisation: string | null;
  @ApiProperty({ enum: CONSTITUENCIES }) constituency: Constituency;
  @ApiPropertyOptional({ nullable: true, type: String }) country: string | null;
  @ApiProperty() isOrganiser: boolean;
  @ApiProperty() createdAt: string;
}

export class AccountPageDto {
  @ApiProperty({ type: [AccountSummaryDto], description: 'In name order' }) items: AccountSummaryDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}
