import { DomainError, fill } from '@roundtable/core';
import type { Constituency, Language } from '@roundtable/core';
import type { SpaceRole } from './access-rule';
import { IDENTITY_MESSAGES as M } from '../identity-messages';

/** The signed-in user as the access checks see them (one row, read per request). */
export interface Principal {
  id: string;
  displayName: string;
  organisation: string | null;
  constituency: Constituency;
  country: string | null;
  preferredLanguage: Language;
  isOrganiser: boolean;
  /** The email address is verified, or verification is off (EMAIL_VERIFICATION): the member may post. */
  emailVerified: boolean;
  /** Two-factor sign-in is enrolled. */
  twoFactor: boolean;
  /** Organisation and constituency confirmed by an organiser or an invitation. */
  affiliationVerified?: boolean;
}

export interface SpaceScope {
  spaceId: string;
  roundtableId: string;
  status: 'draft' | 'open' | 'closed' | 'archived';
  moderation: 'pre' | 'post';
  /** The user's role in the space: their membership, raised by a roundtable-level role. */
  role: SpaceRole | null;
  isMember: boolean;
  /** When the user is suspended here (space or consultation-wide): the end, ISO 8601. */
  suspendedUntil?: string | null;
}

export interface RequestAccess {
  user: Principal | null;
  space?: SpaceScope;
  /** For roundtable-scoped routes: the roundtable and the user's role there. */
  roundtable?: { roundtableId: string; role: SpaceRole | null };
  /** For a moderator digest or stocktaking summary: whether any version of it is published. */
  document?: DocumentScope;
}

export interface DocumentScope {
  kind: 'digest' | 'stocktaking';
  id: string;
  published: boolean;
}

export function canModerate(access: RequestAccess): boolean {
  return !!access.user?.isOrganiser || access.space?.role === 'moderator';
}

/**
 * A suspended member may not post, reply, edit, flag, follow the space live or catch up
 * on its events until the suspension ends: 403 with the end date.
 */
export function assertNotSuspended(access: RequestAccess): void {
  const until = access.space?.suspendedUntil;
  if (until && Date.parse(until) > Date.now()) {
    throw DomainError.forbidden(fill(M.suspended, { until }), 'suspended');
  }
}

/** A member whose email address is not verified may read but not post: 403 saying why. */
export function assertMayPost(access: RequestAccess): void {
  const user = access.user;
  if (user && !user.emailVerified) throw DomainError.forbidden(M.unverified, 'email_unverified');
}
