import type { Constituency, Language } from '@roundtable/core';
import type { SpaceRole } from './access-rule';

/** The signed-in user as the access checks see them (one row, read per request). */
export interface Principal {
  id: string;
  displayName: string;
  organisation: string | null;
  constituency: Constituency;
  country: string | null;
  preferredLanguage: Language;
  isOrganiser: boolean;
}

export interface SpaceScope {
  spaceId: string;
  roundtableId: string;
  status: 'draft' | 'open' | 'closed' | 'archived';
  moderation: 'pre' | 'post';
  /** The user's role in the space: their membership, raised by a roundtable-level role. */
  role: SpaceRole | null;
  isMember: boolean;
}

export interface RequestAccess {
  user: Principal | null;
  space?: SpaceScope;
  /** For roundtable-scoped routes: the roundtable and the user's role there. */
  roundtable?: { roundtableId: string; role: SpaceRole | null };
}

export function canModerate(access: RequestAccess): boolean {
  return !!access.user?.isOrganiser || access.space?.role === 'moderator';
}
