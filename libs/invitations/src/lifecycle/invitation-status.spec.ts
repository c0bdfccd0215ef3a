import { HttpStatus } from '@nestjs/common';
import { DomainError } from '@roundtable/core';
import {
  assertInvitationAllows,
  INVITATION_OPERATIONS,
  INVITATION_STATUSES,
  InvitationOperation,
  InvitationStatus,
  mayApply,
  shownStatus,
} from './invitation-status';

function refusal(operation: InvitationOperation, status: InvitationStatus): DomainError | undefined {
  try {
    assertInvitationAllows(operation, status);
    return undefined;
  } catch (err) {
    if (err instanceof DomainError) return err;
    throw err;
  }
}

describe('invitation lifecycle', () => {
  it('shows a pending invitation past its expiry as expired, and nothing else', () => {
    const now = new Date('2026-03-01T12:00:00Z');
    expect(shownStatus('pending', null, now)).toBe('pending');
    expect(shownStatus('pending', new Date('2026-03-01T12:00:01Z'), now)).toBe('pending');
    expect(shownStatus('pending', new Date('2026-03-01T12:00:00Z'), now)).toBe('expired');
    expect(shownStatus('accepted', new Date('2020-01-01T00:00:00Z'), now)).toBe('accepted');
    expect(shownStatus('revoked', new Date('2020-01-01T00:00:00Z'), now)).toBe('revoked');
  });

  it('lets only a pending invitation be accepted, and pending or expired ones be revoked or resent', () => {
    const allowed = Object.fromEntries(
      (Object.keys(INVITATION_OPERATIONS) as InvitationOperation[]).map((op) => [
        op,
        INVITATION_STATUSES.filter((s) => mayApply(op, s)),
      ]),
    );
    expect(allowed).toEqual({ accept: ['pending'], revoke: ['pending', 'expired'], resend: ['pending', 'expired'] });
  });

  it('refuses a used link with 409, a revoked or expired one with 410, each with its code', () => {
    expect(refusal('accept', 'pending')).toBeUndefined();
    expect(refusal('accept', 'accepted')).toMatchObject({ status: HttpStatus.CONFLICT, code: 'invitation_used' });
    expect(refusal('accept', 'revoked')).toMatchObject({ status: HttpStatus.GONE, code: 'invitation_revoked' });
    expect(refusal('accept', 'expired')).toMatchObject({ status: HttpStatus.GONE, code: 'invitation_expired' });
    expect(refusal('revoke', 'accepted')).toMatchObject({ status: HttpStatus.CONFLICT, code: 'invitation_closed' });
    expect(refusal('resend', 'revoked')?.message).toBe('An invitation that is revoked cannot be sent again');
  });
});
