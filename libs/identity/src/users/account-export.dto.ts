import { ApiProperty } from '@nestjs/swagger';
import { UserDto } from './user.dto';

/** Everything Roundtable holds about one member, as `GET /me/export` returns it (a JSON download). */
export class AccountExportDto {
  @ApiProperty() exportedAt: string;
  @ApiProperty({ type: UserDto }) profile: UserDto;
  @ApiProperty({ description: 'Spaces joined, with the role held in each' }) memberships: Array<
    Record<string, unknown>
  >;
  @ApiProperty({ description: 'Roundtable-wide roles (moderator, rapporteur)' }) roundtableRoles: Array<
    Record<string, unknown>
  >;
  @ApiProperty({ description: 'Every contribution written, in any status, with its earlier versions' })
  contributions: Array<Record<string, unknown>>;
  @ApiProperty({
    description:
      'Other records that name the member (flags raised, warnings and suspensions received, digest deliveries…), by table',
  })
  other: Record<string, Array<Record<string, unknown>>>;
}
