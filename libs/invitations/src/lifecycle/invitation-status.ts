import { HttpStatus } from '@nestjs/common';
import { DomainError, fill } from '@roundtable/core';
import { INVITATION_STATUS_WORDS, INVITATIONS_MESSAGES as M } from '../invitations-messages';

/** What is stored: an invitation is pending until it is accepted or revoked, both final. */
export const STORED_INVITATION_STATUSES = ['pending', 'accepted', 'revoked'] as const;
export type StoredInvitationStatus = (typeof STORED_INVITATION_STATUSES)[number];

/** What people see: a pending invitation whose link has run out is `expired`. */
export const INVITATION_STATUSES = ['pending', 'accepted', 'revoked', 'expired'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

/**
 * An invitation's lifecycle, declared once: each operation and the statuses it may start
 * from. Accepting moves pending → accepted, revoking pending or expired → revoked (both
 * final); resending keeps it pending with a fresh link, which also revives an expired one.
 */
export const INVITATION_OPERATIONS = {
  accept: ['pending'],
  revoke: ['pending', 'expired'],
  resend: ['pending', 'expired'],
} as const satisfies Record<string, readonly InvitationStatus[]>;

export type InvitationOperation = keyof typeof INVITATION_OPERATIONS;

/** The status shown for a stored one: pending past its expiry is expired (no clock in the database row). */
export function shownStatus(
  stored: StoredInvitationStatus,
  expiresAt: Date | null,
  now = new Date(),
): InvitationStatus {
  if (stored === 'pending' && expiresAt && expiresAt.getTime() <= now.getTime()) return 'expired';
  return stored;
}

export function mayApply(operation: InvitationOperation, status: InvitationStatus): boolean {
  return (INVITATION_OPERATIONS[operation] as readonly InvitationStatus[]).includes(status);
}

/**
 * Throws the error a client should see when `operation` is not allowed on an invitation in
 * `status`: a used link is 409 (it did its job once), a revoked or expired one 410 (gone).
 */
export function assertInvitationAllows(operation: InvitationOperation, status: InvitationStatus): void {
  if (mayApply(operation, status)) return;
  if (operation === 'accept') {
    switch (status) {
      case 'accepted':
        throw DomainError.conflict(M.used, 'invitation_used');
      case 'revoked':
        throw new DomainError(HttpStatus.GONE, 'invitation_revoked', M.revoked);
      case 'expired':
        throw new DomainError(HttpStatus.GONE, 'invitation_expired', M.expired);
    }
  }
  throw DomainError.conflict(
    fill(operation === 'revoke' ? M.cannotRevoke : M.cannotResend, { status: INVITATION_STATUS_WORDS[status] }),
    'invitation_closed',
  );
}
