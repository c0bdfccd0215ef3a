import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SECURITY_EVENTS, SecurityEventKind, SecurityEventRow } from './security-log';

/** One entry of the member's security log. */
export class SecurityEventDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: SECURITY_EVENTS }) kind: SecurityEventKind;
  @ApiProperty() device: string;
  @ApiPropertyOptional({ type: String, nullable: true }) ip: string | null;
  @ApiProperty() at: string;

  static from(row: SecurityEventRow): SecurityEventDto {
    return { id: row.id, kind: row.kind, device: row.device, ip: row.ip, at: row.at.toISOString() };
  }
}

export class SecurityLogPageDto {
  @ApiProperty({ type: [SecurityEventDto] }) items: SecurityEventDto[];
  @ApiPropertyOptional({ type: String, nullable: true }) nextCursor: string | null;
}
