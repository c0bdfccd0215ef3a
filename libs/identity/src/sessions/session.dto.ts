import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { SessionRow } from './sessions.service';

/** A signed-in device, as `GET /me/sessions` lists it. */
export class SessionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'The browser or program that signed in (its User-Agent)' }) device: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Address it last used' }) ip: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty({ description: 'When it last signed in or renewed its access token' }) lastUsedAt: string;
  @ApiProperty({ description: 'The device making this request' }) current: boolean;

  static from(row: SessionRow, currentId: string | undefined): SessionDto {
    return {
      id: row.id,
      device: row.device,
      ip: row.ip,
      createdAt: row.created_at.toISOString(),
      lastUsedAt: row.last_used_at.toISOString(),
      current: row.id === currentId,
    };
  }
}

export class SessionListDto {
  @ApiProperty({ type: [SessionDto] }) items: SessionDto[];
}
