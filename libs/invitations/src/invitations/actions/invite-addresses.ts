import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError, fill, QueueRegistry } from '@roundtable/core';
import type { Language } from '@roundtable/core';
import type { Principal, SpaceRole } from '@roundtable/identity';
import { rowsOf } from '../../delivery/invitation-deliveries';
import { InvitationEmailJob, queueInvitationEmails } from '../../delivery/invitation-jobs';
import { alreadyHolds, Holdings, InvitationScope, scopeKey } from '../../scope/invitation-scope';
import type { CreateInvitationsDto } from '../create-invitations.dto';
import { uniqueAddresses } from '../email-addresses';
import type { InviteOutcomeDto, InviteResultDto } from '../invitation.dto';
import { InvitationRecords } from '../invitation-records';
import { INVITATIONS_MESSAGES as M } from '../../invitations-messages';

interface Account {
  id: string;
  email: string;
  preferred_language: Language;
}

/** Per address: what inviting it did, and the invitation it has (none for an account that already holds the role). */
type Outcomes = Map<string, { outcome: InviteOutcomeDto['outcome']; id: string | null }>;

const EMPTY_HOLDINGS: Holdings = { spaceRoles: new Map(), roundtableRole: null };

/**
 * An organiser invites a list of addresses to a roundtable or some of its questions. Each
 * email to send is recorded as a queued delivery in the transaction of its invitation and
 * queued for the worker after the commit; nothing here talks to SMTP.
 */
@Injectable()
export class InviteAddresses {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly queues: QueueRegistry,
    private readonly records: InvitationRecords,
  ) {}

  /**
   * Invites each address once: accounts that already hold the role are told so, a valid
   * pending invitation stands (`already_pending`), an expired one is renewed, the rest are
   * new; the emails go to the worker after the commit.
   */
  async run(roundtableId: string, input: CreateInvitationsDto, inviter: Principal): Promise<InviteResultDto> {
    const { scope, openSpaceIds } = await this.checkScope(roundtableId, input.spaceIds ?? []);
    const role: SpaceRole = input.role ?? 'participant';
    const emails = uniqueAddresses(input.emails);
    const accounts = await this.accounts(emails);
    const outcomes = await this.alreadyMembers(roundtableId, scope, role, openSpaceIds, emails, accounts);
    const toInvite = emails.filter((email) => !outcomes.has(email));
    const jobs = await this.db.transaction(async (tx) => {
      const renewed = await this.renewPending(
        tx,
        { roundtableId, key: scopeKey(scope.spaceIds), role, input, inviter },
        toInvite,
        outcomes,
      );
      const fresh = await this.insertFresh(
        tx,
        { roundtableId, scope, role, input, inviter },
        toInvite.filter((email) => !outcomes.has(email)),
        accounts,
        outcomes,
      );
      await this.records.recordSends(tx, [...renewed, ...fresh]);
      return [...renewed, ...fresh];
    });
    await queueInvitationEmails(this.queues, jobs);
    return this.report(emails, outcomes);
  }

  /** Addresses whose accounts already hold the role everywhere asked for: nothing to send. */
  private async alreadyMembers(
    roundtableId: string,
    scope: InvitationScope,
    role: SpaceRole,
    openSpaceIds: string[],
    emails: string[],
    accounts: Map<string, Account>,
  ): Promise<Outcomes> {
    const holdings = await this.holdings(
      roundtableId,
      [...accounts.values()].map((a) => a.id),
    );
    const outcomes: Outcomes = new Map();
    for (const email of emails) {
      const account = accounts.get(email);
      if (account && alreadyHolds(scope, role, holdings.get(account.id) ?? EMPTY_HOLDINGS, openSpaceIds))
        outcomes.set(email, { outcome: 'already_member', id: null });
    }
    return outcomes;
  }

  /** Pending invitations to this target: valid ones stay as they are, expired ones are renewed (a new send, a fresh link). */
  private async renewPending(
    tx: EntityManager,
    t: { roundtableId: string; key: string; role: SpaceRole; input: CreateInvitationsDto; inviter: Principal },
    emails: string[],
    outcomes: Outcomes,
  ): Promise<InvitationEmailJob[]> {
    const pending: Array<{ id: string; email: string; expired: boolean }> = await tx.query(
      `SELECT id, email, expires_at IS NOT NULL AND expires_at <= now() AS expired FROM invitations
       WHERE roundtable_id = $1 AND scope_key = $2 AND status = 'pending' AND email = ANY($3::text[])
       FOR UPDATE`,
      [t.roundtableId, t.key, emails],
    );
    for (const p of pending) outcomes.set(p.email, { outcome: p.expired ? 'invited' : 'already_pending', id: p.id });
    const renew = pending.filter((p) => p.expired);
    if (renew.length === 0) return [];
    const renewed = rowsOf<{ id: string; send_number: number }>(
      await tx.query(
        `UPDATE invitations SET send_number = send_number + 1, role = $2, language = coalesce($3, language), message = $4, invited_by = $5, updated_at = now()
         WHERE id = ANY($1::uuid[]) RETURNING id, send_number`,
        [renew.map((p) => p.id), t.role, t.input.language ?? null, t.input.message || null, t.inviter.id],
      ),
    );
    return renewed.map((r) => ({ invitationId: r.id, sendNumber: r.send_number }));
  }

  /** New invitations; one a concurrent request made for the same address and target stands instead. */
  private async insertFresh(
    tx: EntityManager,
    t: {
      roundtableId: string;
      scope: InvitationScope;
      role: SpaceRole;
      input: CreateInvitationsDto;
      inviter: Principal;
    },
    fresh: string[],
    accounts: Map<string, Account>,
    outcomes: Outcomes,
  ): Promise<InvitationEmailJob[]> {
    if (fresh.length === 0) return [];
    const key = scopeKey(t.scope.spaceIds);
    const languages = fresh.map(
      (email) => t.input.language ?? accounts.get(email)?.preferred_language ?? t.inviter.preferredLanguage,
    );
    const inserted: Array<{ id: string; email: string }> = await tx.query(
      `INSERT INTO invitations (roundtable_id, space_ids, scope_key, email, role, language, message, invited_by)
       SELECT $1, $2::uuid[], $3, e.email, $4, e.language, $5, $6
       FROM unnest($7::text[], $8::text[]) AS e(email, language)
       ON CONFLICT (roundtable_id, scope_key, email) WHERE status = 'pending' DO NOTHING
       RETURNING id, email`,
      [t.roundtableId, t.scope.spaceIds, key, t.role, t.input.message || null, t.inviter.id, fresh, languages],
    );
    for (const row of inserted) outcomes.set(row.email, { outcome: 'invited', id: row.id });
    const raced = fresh.filter((email) => !outcomes.has(email));
    if (raced.length) {
      const existing: Array<{ id: string; email: string }> = await tx.query(
        `SELECT id, email FROM invitations WHERE roundtable_id = $1 AND scope_key = $2 AND status = 'pending' AND email = ANY($3::text[])`,
        [t.roundtableId, key, raced],
      );
      for (const row of existing) outcomes.set(row.email, { outcome: 'already_pending', id: row.id });
    }
    return inserted.map((r) => ({ invitationId: r.id, sendNumber: 1 }));
  }

  /** What happened to each address, in the order given, with the invitation as it now stands. */
  private async report(emails: string[], outcomes: Outcomes): Promise<InviteResultDto> {
    const ids = [...outcomes.values()].map((o) => o.id).filter((id): id is string => !!id);
    const dtos = new Map((await this.records.byIds(ids)).map((d) => [d.id, d]));
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
   * The roundtable exists and every question asked for is one of its own, not archived
   * (an archived question cannot be joined). Also returns the roundtable's questions that
   * can be joined.
   */
  private async checkScope(
    roundtableId: string,
    asked: string[],
  ): Promise<{ scope: InvitationScope; openSpaceIds: string[] }> {
    await this.records.assertRoundtable(roundtableId);
    const spaceIds = [...new Set(asked.map((id) => id.toLowerCase()))];
    const spaces: Array<{ id: string; status: string }> = await this.db.query(
      `SELECT id, status FROM spaces WHERE roundtable_id = $1`,
      [roundtableId],
    );
    const status = new Map(spaces.map((s) => [s.id, s.status]));
    const strangers = spaceIds.filter((id) => !status.has(id));
    if (strangers.length)
      throw DomainError.badRequest(fill(M.unknownSpaces, { ids: strangers.join(', ') }), 'unknown_space');
    const archived = spaceIds.filter((id) => status.get(id) === 'archived');
    if (archived.length)
      throw DomainError.badRequest(fill(M.archivedSpaces, { ids: archived.join(', ') }), 'space_archived');
    return {
      scope: { roundtableId, spaceIds },
      openSpaceIds: spaces.filter((s) => s.status !== 'archived').map((s) => s.id),
    };
  }

  private async accounts(emails: string[]): Promise<Map<string, Account>> {
    const rows: Account[] = await this.db.query(
      `SELECT id, email, preferred_language FROM users WHERE email = ANY($1::text[])`,
      [emails],
    );
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
