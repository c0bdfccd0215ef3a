import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { COMMON_MESSAGES, decodeCursor, DomainError, encodeCursor, keysetPage, QueueRegistry } from '@roundtable/core';
import type { Principal } from '@roundtable/identity';
import { rowsOf } from '../delivery/invitation-deliveries';
import { InvitationEmailJob, queueInvitationEmails } from '../delivery/invitation-jobs';
import { assertInvitationAllows, shownStatus } from '../lifecycle/invitation-status';
import { InviteAddresses } from './actions/invite-addresses';
import type { CreateInvitationsDto } from './create-invitations.dto';
import type { InvitationDto, InvitationPageDto, InviteResultDto } from './invitation.dto';
import type { InvitationQueryDto } from './invitation-query.dto';
import { InvitationRecords, UUID } from './invitation-records';
import { INVITATION_SELECT, InvitationRow, toInvitationDto } from './invitation-rows';

/**
 * The organiser's side of invitations: invite a list of addresses to a roundtable or some of
 * its questions (`actions/invite-addresses.ts`), list a roundtable's invitations, revoke and
 * resend. Each email to send is recorded as a queued delivery in the same transaction as its
 * invitation and queued for the worker after the commit; nothing here talks to SMTP.
 *
 * Inviting an address that already has a valid (pending, unexpired) invitation to the same
 * target sends nothing and reports `already_pending` (resending is its own route); one
 * whose invitation expired gets it renewed: a new send, a fresh link.
 */
@Injectable()
export class InvitationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly queues: QueueRegistry,
    private readonly records: InvitationRecords,
    private readonly inviting: InviteAddresses,
  ) {}

  invite(roundtableId: string, input: CreateInvitationsDto, inviter: Principal): Promise<InviteResultDto> {
    return this.inviting.run(roundtableId, input, inviter);
  }

  /**
   * A roundtable's invitations, newest first; the cursor is the creation time (to the
   * microsecond: one request's invitations share it) and id of the last one seen.
   */
  async list(roundtableId: string, query: InvitationQueryDto): Promise<InvitationPageDto> {
    await this.records.assertRoundtable(roundtableId);
    const limit = query.limit ?? 50;
    const where = ['i.roundtable_id = $1'];
    const params: unknown[] = [roundtableId];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    switch (query.status) {
      case 'pending':
        where.push(`i.status = 'pending' AND (i.expires_at IS NULL OR i.expires_at > now())`);
        break;
      case 'expired':
        where.push(`i.status = 'pending' AND i.expires_at <= now()`);
        break;
      case 'accepted':
      case 'revoked':
        add('i.status = ?', query.status);
        break;
    }
    if (query.spaceId) add(`(i.space_ids = '{}' OR i.space_ids @> ARRAY[?::uuid])`, query.spaceId);
    if (query.email)
      add(
        `i.email LIKE ? ESCAPE '\\'`,
        `%${query.email
          .trim()
          .toLowerCase()
          .replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
      );
    if (query.cursor) {
      const [at, id] = decodeCursor(query.cursor);
      if (!at || !id || !UUID.test(id) || !/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d{1,6})?[+-]\d\d(:\d\d)?$/.test(at))
        throw DomainError.badRequest(COMMON_MESSAGES.badCursor, 'bad_cursor');
      params.push(at, id);
      where.push(`(i.created_at, i.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    params.push(limit + 1);
    const rows: InvitationRow[] = await this.db.query(
      `${INVITATION_SELECT} WHERE ${where.join(' AND ')} ORDER BY i.created_at DESC, i.id DESC LIMIT $${params.length}`,
      params,
    );
    const page = keysetPage(rows, limit, (last) => encodeCursor(last.created_key, last.id));
    return { items: page.rows.map((r) => toInvitationDto(r)), nextCursor: page.nextCursor };
  }

  /** Withdraws an invitation: its link stops working and an email not yet sent is not sent. */
  async revoke(id: string, by: Principal): Promise<InvitationDto> {
    await this.db.transaction(async (tx) => {
      const row = await this.records.lockOne(tx, id);
      assertInvitationAllows('revoke', shownStatus(row.status, row.expires_at));
      await tx.query(
        `UPDATE invitations SET status = 'revoked', revoked_at = now(), revoked_by = $2, updated_at = now() WHERE id = $1`,
        [id, by.id],
      );
      await tx.query(
        `UPDATE invitation_deliveries SET status = 'skipped', error = 'revoked', updated_at = now() WHERE invitation_id = $1 AND status = 'queued'`,
        [id],
      );
    });
    return this.records.one(id);
  }

  /**
   * Sends the invitation again with a fresh link (the previous link stops working once the
   * new email is sent), and renews its expiry. While the latest send has not gone out yet,
   * asking again sends nothing more: a double click is one email.
   */
  async resend(id: string): Promise<InvitationDto> {
    const jobs: InvitationEmailJob[] = [];
    await this.db.transaction(async (tx) => {
      const row = await this.records.lockOne(tx, id);
      assertInvitationAllows('resend', shownStatus(row.status, row.expires_at));
      if (row.delivery_status === 'queued' || row.delivery_status === 'claimed') return;
      const [next] = rowsOf<{ send_number: number }>(
        await tx.query(
          `UPDATE invitations SET send_number = send_number + 1, updated_at = now() WHERE id = $1 RETURNING send_number`,
          [id],
        ),
      );
      jobs.push({ invitationId: id, sendNumber: next.send_number });
      await this.records.recordSends(tx, jobs);
    });
    await queueInvitationEmails(this.queues, jobs);
    return this.records.one(id);
  }
}
