import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { decodeCursor, DomainError, encodeCursor, keysetPage, QueueRegistry } from '@roundtable/core';
import type { Language } from '@roundtable/core';
import type { Principal, SpaceRole } from '@roundtable/identity';
import { rowsOf } from '../delivery/invitation-deliveries';
import { InvitationEmailJob, queueInvitationEmails } from '../delivery/invitation-jobs';
import { assertInvitationAllows, shownStatus } from '../lifecycle/invitation-status';
import { alreadyHolds, Holdings, InvitationScope, scopeKey } from '../scope/invitation-scope';
import type { CreateInvitationsDto } from './create-invitations.dto';
import { uniqueAddresses } from './email-addresses';
import type { InvitationDto, InvitationPageDto, InviteOutcomeDto, InviteResultDto } from './invitation.dto';
import type { InvitationQueryDto } from './invitation-query.dto';
import { INVITATION_SELECT, InvitationRow, toInvitationDto } from './invitation-rows';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Account {
  id: string;
  email: string;
  preferred_language: Language;
}

/**
 * The organiser's side of invitations: invite a list of addresses to a roundtable or some of
 * its questions, list a roundtable's invitations, revoke and resend. Each email to send is
 * recorded as a queued delivery in the same transaction as its invitation and queued for
 * the worker after the commit; nothing here talks to SMTP.
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
  ) {}

  async invite(roundtableId: string, input: CreateInvitationsDto, inviter: Principal): Promise<InviteResultDto> {
    const { scope, openSpaceIds } = await this.checkScope(roundtableId, input.spaceIds ?? []);
    const role: SpaceRole = input.role ?? 'participant';
    const emails = uniqueAddresses(input.emails);
    const accounts = await this.accounts(emails);
    const holdings = await this.holdings(roundtableId, [...accounts.values()].map((a) => a.id));
    const key = scopeKey(scope.spaceIds);

    const outcomes = new Map<string, { outcome: InviteOutcomeDto['outcome']; id: string | null }>();
    const toInvite: string[] = [];
    for (const email of emails) {
      const account = accounts.get(email);
      if (account && alreadyHolds(scope, role, holdings.get(account.id) ?? EMPTY_HOLDINGS, openSpaceIds)) {
        outcomes.set(email, { outcome: 'already_member', id: null });
      } else {
        toInvite.push(email);
      }
    }

    const jobs: InvitationEmailJob[] = [];
    await this.db.transaction(async (tx) => {
      // pending invitations to this target: valid ones stay as they are, expired ones are renewed
      const pending: Array<{ id: string; email: string; expired: boolean }> = await tx.query(
        `SELECT id, email, expires_at IS NOT NULL AND expires_at <= now() AS expired FROM invitations
         WHERE roundtable_id = $1 AND scope_key = $2 AND status = 'pending' AND email = ANY($3::text[])
         FOR UPDATE`,
        [roundtableId, key, toInvite],
      );
      const renew = pending.filter((p) => p.expired);
      for (const p of pending) outcomes.set(p.email, { outcome: p.expired ? 'invited' : 'already_pending', id: p.id });
      if (renew.length) {
        const renewed = rowsOf<{ id: string; send_number: number }>(
          await tx.query(
            `UPDATE invitations SET send_number = send_number + 1, role = $2, language = coalesce($3, language), message = $4, invited_by = $5, updated_at = now()
             WHERE id = ANY($1::uuid[]) RETURNING id, send_number`,
            [renew.map((p) => p.id), role, input.language ?? null, input.message || null, inviter.id],
          ),
        );
        jobs.push(...renewed.map((r) => ({ invitationId: r.id, sendNumber: r.send_number })));
      }

      const fresh = toInvite.filter((email) => !outcomes.has(email));
      if (fresh.length) {
        const languages = fresh.map((email) => input.language ?? accounts.get(email)?.preferred_language ?? inviter.preferredLanguage);
        // a concurrent request may have invited the same address to the same target: that one stands
        const inserted: Array<{ id: string; email: string }> = await tx.query(
          `INSERT INTO invitations (roundtable_id, space_ids, scope_key, email, role, language, message, invited_by)
           SELECT $1, $2::uuid[], $3, e.email, $4, e.language, $5, $6
           FROM unnest($7::text[], $8::text[]) AS e(email, language)
           ON CONFLICT (roundtable_id, scope_key, email) WHERE status = 'pending' DO NOTHING
           RETURNING id, email`,
          [roundtableId, scope.spaceIds, key, role, input.message || null, inviter.id, fresh, languages],
        );
        for (const row of inserted) outcomes.set(row.email, { outcome: 'invited', id: row.id });
        jobs.push(...inserted.map((r) => ({ invitationId: r.id, sendNumber: 1 })));
        const raced = fresh.filter((email) => !outcomes.has(email));
        if (raced.length) {
          const existing: Array<{ id: string; email: string }> = await tx.query(
            `SELECT id, email FROM invitations WHERE roundtable_id = $1 AND scope_key = $2 AND status = 'pending' AND email = ANY($3::text[])`,
            [roundtableId, key, raced],
          );
          for (const row of existing) outcomes.set(row.email, { outcome: 'already_pending', id: row.id });
        }
      }
      await this.recordSends(tx, jobs);
    });
    await queueInvitationEmails(this.queues, jobs);

    const ids = [...outcomes.values()].map((o) => o.id).filter((id): id is string => !!id);
    const dtos = new Map((await this.byIds(ids)).map((d) => [d.id, d]));
    const results: InviteOutcomeDto[] = emails.map((email) => {
      const o = outcomes.get(email) ?? { outcome: 'already_pending' as const, id: null };
      return { email, outcome: o.outcome, invitation: o.id ? (dtos.get(o.id) ?? null) : null };
    });
    return {
      invited: results.filter((r) => r.outcome === 'invited').length,
      alreadyPending: results.filter((r) => r.outcome === 'already_pending').length,
      alreadyMember: results.filter((r) => r.outcome === 'already_member').length,
      results,
    };
  }

  /**
   * A roundtable's invitations, newest first; the cursor is the creation time (to the
   * microsecond: one request's invitations share it) and id of the last one seen.
   */
  async list(roundtableId: string, query: InvitationQueryDto): Promise<InvitationPageDto> {
    await this.roundtable(roundtableId);
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
    if (query.email) add(`i.email LIKE ? ESCAPE '\\'`, `%${query.email.trim().toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    if (query.cursor) {
      const [at, id] = decodeCursor(query.cursor);
      if (!at || !id || !UUID.test(id) || !/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d{1,6})?[+-]\d\d(:\d\d)?$/.test(at)) throw DomainError.badRequest('cursor is not valid; pass the nextCursor of a previous page', 'bad_cursor');
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
      const row = await this.lockOne(tx, id);
      assertInvitationAllows('revoke', shownStatus(row.status, row.expires_at));
      await tx.query(`UPDATE invitations SET status = 'revoked', revoked_at = now(), revoked_by = $2, updated_at = now() WHERE id = $1`, [id, by.id]);
      await tx.query(`UPDATE invitation_deliveries SET status = 'skipped', error = 'revoked', updated_at = now() WHERE invitation_id = $1 AND status = 'queued'`, [id]);
    });
    return this.one(id);
  }

  /**
   * Sends the invitation again with a fresh link (the previous link stops working once the
   * new email is sent), and renews its expiry. While the latest send has not gone out yet,
   * asking again sends nothing more: a double click is one email.
   */
  async resend(id: string): Promise<InvitationDto> {
    const jobs: InvitationEmailJob[] = [];
    await this.db.transaction(async (tx) => {
      const row = await this.lockOne(tx, id);
      assertInvitationAllows('resend', shownStatus(row.status, row.expires_at));
      if (row.delivery_status === 'queued' || row.delivery_status === 'claimed') return;
      const [next] = rowsOf<{ send_number: number }>(
        await tx.query(`UPDATE invitations SET send_number = send_number + 1, updated_at = now() WHERE id = $1 RETURNING send_number`, [id]),
      );
      jobs.push({ invitationId: id, sendNumber: next.send_number });
      await this.recordSends(tx, jobs);
    });
    await queueInvitationEmails(this.queues, jobs);
    return this.one(id);
  }

  private async recordSends(tx: EntityManager, jobs: InvitationEmailJob[]): Promise<void> {
    if (jobs.length === 0) return;
    await tx.query(
      `INSERT INTO invitation_deliveries (invitation_id, send_number) SELECT * FROM unnest($1::uuid[], $2::int[]) ON CONFLICT DO NOTHING`,
      [jobs.map((j) => j.invitationId), jobs.map((j) => j.sendNumber)],
    );
  }

  private async lockOne(tx: EntityManager, id: string): Promise<InvitationRow> {
    if (!UUID.test(id)) throw DomainError.notFound('Invitation');
    await tx.query(`SELECT 1 FROM invitations WHERE id = $1 FOR UPDATE`, [id]);
    const [row]: InvitationRow[] = await tx.query(`${INVITATION_SELECT} WHERE i.id = $1`, [id]);
    if (!row) throw DomainError.notFound('Invitation');
    return row;
  }

  private async one(id: string): Promise<InvitationDto> {
    const [dto] = await this.byIds([id]);
    if (!dto) throw DomainError.notFound('Invitation');
    return dto;
  }

  private async byIds(ids: string[]): Promise<InvitationDto[]> {
    if (ids.length === 0) return [];
    const rows: InvitationRow[] = await this.db.query(`${INVITATION_SELECT} WHERE i.id = ANY($1::uuid[])`, [ids]);
    return rows.map((r) => toInvitationDto(r));
  }

  private async roundtable(id: string): Promise<void> {
    if (!UUID.test(id)) throw DomainError.notFound('Roundtable');
    const rows = await this.db.query(`SELECT 1 FROM roundtables WHERE id = $1`, [id]);
    if (rows.length === 0) throw DomainError.notFound('Roundtable');
  }

  /**
   * The roundtable exists and every question asked for is one of its own, not archived
   * (an archived question cannot be joined). Also returns the roundtable's questions that
   * can be joined.
   */
  private async checkScope(roundtableId: string, asked: string[]): Promise<{ scope: InvitationScope; openSpaceIds: string[] }> {
    await this.roundtable(roundtableId);
    const spaceIds = [...new Set(asked.map((id) => id.toLowerCase()))];
    const spaces: Array<{ id: string; status: string }> = await this.db.query(`SELECT id, status FROM spaces WHERE roundtable_id = $1`, [roundtableId]);
    const status = new Map(spaces.map((s) => [s.id, s.status]));
    const strangers = spaceIds.filter((id) => !status.has(id));
    if (strangers.length) throw DomainError.badRequest(`spaceIds: not questions of this roundtable: ${strangers.join(', ')}`, 'unknown_space');
    const archived = spaceIds.filter((id) => status.get(id) === 'archived');
    if (archived.length) throw DomainError.badRequest(`spaceIds: archived questions cannot be joined: ${archived.join(', ')}`, 'space_archived');
    return { scope: { roundtableId, spaceIds }, openSpaceIds: spaces.filter((s) => s.status !== 'archived').map((s) => s.id) };
  }

  private async accounts(emails: string[]): Promise<Map<string, Account>> {
    const rows: Account[] = await this.db.query(`SELECT id, email, preferred_language FROM users WHERE email = ANY($1::text[])`, [emails]);
    return new Map(rows.map((r) => [r.email, r]));
  }

  private async holdings(roundtableId: string, userIds: string[]): Promise<Map<string, Holdings>> {
    const out = new Map<string, Holdings>();
    if (userIds.length === 0) return out;
    const rows: Array<{ user_id: string; space_id: string | null; role: SpaceRole }> = await this.db.query(
      `SELECT m.user_id, m.space_id, m.role FROM memberships m JOIN spaces s ON s.id = m.space_id
       WHERE s.roundtable_id = $1 AND m.user_id = ANY($2::uuid[])
       UNION ALL
       SELECT rr.user_id, NULL, rr.role FROM roundtable_roles rr WHERE rr.roundtable_id = $1 AND rr.user_id = ANY($2::uuid[])`,
      [roundtableId, userIds],
    );
    for (const r of rows) {
      let h = out.get(r.user_id);
      if (!h) out.set(r.user_id, (h = { spaceRoles: new Map(), roundtableRole: null }));
      if (r.space_id) (h.spaceRoles as Map<string, SpaceRole>).set(r.space_id, r.role);
      else h.roundtableRole = r.role;
    }
    return out;
  }
}

const EMPTY_HOLDINGS: Holdings = { spaceRoles: new Map(), roundtableRole: null };
