import type { Language } from '@roundtable/core';
import type { SpaceRole } from '@roundtable/identity';
import type { DeliveryStatus } from '../delivery/invitation-deliveries';
import { shownStatus, StoredInvitationStatus } from '../lifecycle/invitation-status';
import type { InvitationDto } from './invitation.dto';

/** An invitation as {@link INVITATION_SELECT} reads it, with its inviter, accepter and latest send. */
export interface InvitationRow {
  id: string;
  roundtable_id: string;
  space_ids: string[];
  email: string;
  role: SpaceRole;
  language: Language;
  message: string | null;
  status: StoredInvitationStatus;
  send_number: number;
  expires_at: Date | null;
  created_at: Date;
  /** `created_at` as PostgreSQL writes it, to the microsecond (a Date keeps milliseconds): the list's cursor. */
  created_key: string;
  accepted_at: Date | null;
  revoked_at: Date | null;
  invited_by: string | null;
  inviter_name: string | null;
  accepted_by: string | null;
  accepter_name: string | null;
  delivery_status: DeliveryStatus | null;
  sent_at: Date | null;
  delivery_error: string | null;
}

/** Selects invitations `i` for {@link toInvitationDto}; append WHERE / ORDER BY. */
export const INVITATION_SELECT = `
  SELECT i.id, i.roundtable_id, i.space_ids, i.email, i.role, i.language, i.message, i.status, i.send_number,
         i.expires_at, i.created_at, i.created_at::text AS created_key, i.accepted_at, i.revoked_at,
         i.invited_by, inviter.display_name AS inviter_name, i.accepted_by, accepter.display_name AS accepter_name,
         d.status AS delivery_status, d.sent_at, d.error AS delivery_error
  FROM invitations i
  LEFT JOIN users inviter ON inviter.id = i.invited_by
  LEFT JOIN users accepter ON accepter.id = i.accepted_by
  LEFT JOIN invitation_deliveries d ON d.invitation_id = i.id AND d.send_number = i.send_number`;

export function toInvitationDto(r: InvitationRow, now = new Date()): InvitationDto {
  return {
    id: r.id,
    roundtableId: r.roundtable_id,
    spaceIds: r.space_ids,
    email: r.email,
    role: r.role,
    language: r.language,
    message: r.message,
    status: shownStatus(r.status, r.expires_at, now),
    invitedBy: r.invited_by ? { id: r.invited_by, displayName: r.inviter_name ?? '' } : null,
    createdAt: r.created_at.toISOString(),
    expiresAt: r.expires_at?.toISOString() ?? null,
    acceptedAt: r.accepted_at?.toISOString() ?? null,
    acceptedBy: r.accepted_by ? { id: r.accepted_by, displayName: r.accepter_name ?? '' } : null,
    revokedAt: r.revoked_at?.toISOString() ?? null,
    delivery: {
      status: r.delivery_status ?? 'queued',
      sends: r.send_number,
      sentAt: r.sent_at?.toISOString() ?? null,
      error: r.delivery_error,
    },
  };
}
