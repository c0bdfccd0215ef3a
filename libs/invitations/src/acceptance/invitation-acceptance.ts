import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { completePrompt, DomainError } from '@roundtable/core';
import type { Multilingual, PromptTranslations } from '@roundtable/core';
import { AccessService, UsersRepository } from '@roundtable/identity';
import type { Principal } from '@roundtable/identity';
import { MembershipsRepository, RoundtableRolesRepository } from '@roundtable/spaces';
import type { RoundtableRole } from '@roundtable/spaces';
import { assertInvitationAllows, shownStatus } from '../lifecycle/invitation-status';
import { hashInvitationToken, looksLikeInvitationToken } from '../tokens/invitation-token';
import type { InvitationRow } from '../invitations/invitation-rows';
import type { AcceptedInvitationDto, InvitationPreviewDto } from './invitation-preview.dto';
import { INVITATIONS_MESSAGES as M } from '../invitations-messages';

/** An invitation as a link shows it: the stored fields, plus where it leads and who sent it. */
interface LinkRow extends Pick<
  InvitationRow,
  | 'id'
  | 'roundtable_id'
  | 'space_ids'
  | 'email'
  | 'role'
  | 'language'
  | 'message'
  | 'status'
  | 'expires_at'
  | 'inviter_name'
> {
  inviter_organisation: string | null;
  roundtable_number: number;
  roundtable_title: Multilingual;
  consultation_id: string;
  consultation_title: Multilingual;
}

const LINK_SELECT = `
  SELECT i.id, i.roundtable_id, i.space_ids, i.email, i.role, i.language, i.message, i.status, i.expires_at,
         u.display_name AS inviter_name, u.organisation AS inviter_organisation,
         r.number AS roundtable_number, r.title AS roundtable_title, c.id AS consultation_id, c.title AS consultation_title
  FROM invitations i
  JOIN roundtables r ON r.id = i.roundtable_id
  JOIN consultations c ON c.id = r.consultation_id
  LEFT JOIN users u ON u.id = i.invited_by
  WHERE i.token_hash = $1`;

function notValid(): DomainError {
  return new DomainError(HttpStatus.NOT_FOUND, 'invitation_not_found', M.linkNotValid);
}

/**
 * The invitee's side: what a link opens, and accepting it. Any signed-in account may
 * accept: the link is the credential (people are often invited at one address and sign in
 * with another); the invitation records which account accepted. A link works once.
 */
@Injectable()
export class InvitationAcceptance {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly memberships: MembershipsRepository,
    private readonly roundtableRoles: RoundtableRolesRepository,
    private readonly users: UsersRepository,
  ) {}

  async preview(token: string): Promise<InvitationPreviewDto> {
    const row = await this.find(token);
    const spaces = await this.spacesOf(row);
    return {
      status: shownStatus(row.status, row.expires_at),
      email: row.email,
      role: row.role,
      language: row.language,
      message: row.message,
      invitedBy: row.inviter_name ? { displayName: row.inviter_name, organisation: row.inviter_organisation } : null,
      consultation: { id: row.consultation_id, title: row.consultation_title },
      roundtable: { id: row.roundtable_id, number: row.roundtable_number, title: row.roundtable_title },
      wholeRoundtable: row.space_ids.length === 0,
      spaces: spaces.map((s) => ({
        id: s.id,
        number: s.number,
        prompt: completePrompt(s.prompt, s.prompt_translations),
      })),
      expiresAt: row.expires_at?.toISOString() ?? null,
    };
  }

  /**
   * Gives the signed-in account what the invitation opens — membership of its questions
   * with the role, or for a whole roundtable with moderator or rapporteur, that role on
   * the roundtable — never lowering a role the account already holds; then the link is used.
   */
  async accept(token: string, user: Principal): Promise<AcceptedInvitationDto> {
    const hash = this.hashOf(token);
    const result = await this.db.transaction(async (tx) => {
      const [row]: LinkRow[] = await tx.query(`${LINK_SELECT} FOR UPDATE OF i`, [hash]);
      if (!row) throw notValid();
      assertInvitationAllows('accept', shownStatus(row.status, row.expires_at));
      const whole = row.space_ids.length === 0;
      const roundtableRole = whole && row.role !== 'participant';
      const spaces: Array<{ id: string }> = await tx.query(
        whole
          ? `SELECT id FROM spaces WHERE roundtable_id = $1 AND status <> 'archived' ORDER BY number`
          : `SELECT id FROM spaces WHERE roundtable_id = $1 AND id = ANY($2::uuid[]) AND status <> 'archived' ORDER BY number`,
        whole ? [row.roundtable_id] : [row.roundtable_id, row.space_ids],
      );
      if (roundtableRole) {
        await this.roundtableRoles.grantAtLeast(tx, row.roundtable_id, user.id, row.role as RoundtableRole);
      } else {
        await this.memberships.grantAtLeast(
          tx,
          spaces.map((s) => s.id),
          user.id,
          row.role,
        );
      }
      // the link reached the invited address, and an organiser chose to invite it: when the
      // account is that address, its email and its affiliation count as verified
      await this.users.verifyInvitedAddress(tx, user.id, row.email);
      await tx.query(
        `UPDATE invitations SET status = 'accepted', accepted_at = now(), accepted_by = $2, updated_at = now() WHERE id = $1`,
        [row.id, user.id],
      );
      // a resend still waiting is pointless now
      await tx.query(
        `UPDATE invitation_deliveries SET status = 'skipped', error = 'accepted', updated_at = now() WHERE invitation_id = $1 AND status = 'queued'`,
        [row.id],
      );
      return { row, spaceIds: spaces.map((s) => s.id), roundtableRole };
    });
    await this.access.changed(user.id);
    const { row, spaceIds, roundtableRole } = result;
    const only = row.space_ids.length > 0 || spaceIds.length === 1 ? spaceIds[0] : undefined;
    return {
      roundtableId: row.roundtable_id,
      role: row.role,
      roundtableRole,
      spaceIds,
      landing: only ? { kind: 'space', id: only } : { kind: 'roundtable', id: row.roundtable_id },
    };
  }

  private hashOf(token: string): Buffer {
    // a string that cannot be a token is not looked up at all
    if (!looksLikeInvitationToken(token)) throw notValid();
    return hashInvitationToken(token);
  }

  private async find(token: string): Promise<LinkRow> {
    const [row]: LinkRow[] = await this.db.query(LINK_SELECT, [this.hashOf(token)]);
    if (!row) throw notValid();
    return row;
  }

  private spacesOf(
    row: LinkRow,
  ): Promise<
    Array<{ id: string; number: number; prompt: Multilingual; prompt_translations: PromptTranslations | null }>
  > {
    return row.space_ids.length === 0
      ? this.db.query(
          `SELECT id, number, prompt, prompt_translations FROM spaces WHERE roundtable_id = $1 AND status IN ('open', 'closed') ORDER BY number`,
          [row.roundtable_id],
        )
      : this.db.query(
          `SELECT id, number, prompt, prompt_translations FROM spaces WHERE id = ANY($1::uuid[]) ORDER BY number`,
          [row.space_ids],
        );
  }
}
