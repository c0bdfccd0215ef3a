import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError, NOT_FOUND } from '@roundtable/core';
import { InvitationEmailJob } from '../delivery/invitation-jobs';
import type { InvitationDto } from './invitation.dto';
import { INVITATION_SELECT, InvitationRow, toInvitationDto } from './invitation-rows';

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reading and locking invitations, and recording their sends: what every invitation action shares. */
@Injectable()
export class InvitationRecords {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Each send to make, as a queued delivery, in the transaction of the invitation it belongs to. */
  async recordSends(tx: EntityManager, jobs: InvitationEmailJob[]): Promise<void> {
    if (jobs.length === 0) return;
    await tx.query(
      `INSERT INTO invitation_deliveries (invitation_id, send_number) SELECT * FROM unnest($1::uuid[], $2::int[]) ON CONFLICT DO NOTHING`,
      [jobs.map((j) => j.invitationId), jobs.map((j) => j.sendNumber)],
    );
  }

  async lockOne(tx: EntityManager, id: string): Promise<InvitationRow> {
    if (!UUID.test(id)) throw DomainError.notFound(NOT_FOUND.invitation);
    await tx.query(`SELECT 1 FROM invitations WHERE id = $1 FOR UPDATE`, [id]);
    const [row]: InvitationRow[] = await tx.query(`${INVITATION_SELECT} WHERE i.id = $1`, [id]);
    if (!row) throw DomainError.notFound(NOT_FOUND.invitation);
    return row;
  }

  async one(id: string): Promise<InvitationDto> {
    const [dto] = await this.byIds([id]);
    if (!dto) throw DomainError.notFound(NOT_FOUND.invitation);
    return dto;
  }

  async byIds(ids: string[]): Promise<InvitationDto[]> {
    if (ids.length === 0) return [];
    const rows: InvitationRow[] = await this.db.query(`${INVITATION_SELECT} WHERE i.id = ANY($1::uuid[])`, [ids]);
    return rows.map((r) => toInvitationDto(r));
  }

  /** 404 unless the roundtable exists. */
  async assertRoundtable(id: string): Promise<void> {
    if (!UUID.test(id)) throw DomainError.notFound(NOT_FOUND.roundtable);
    const rows = await this.db.query(`SELECT 1 FROM roundtables WHERE id = $1`, [id]);
    if (rows.length === 0) throw DomainError.notFound(NOT_FOUND.roundtable);
  }
}
