import { SPACE_ROLES } from '@roundtable/identity';
import type { SpaceRole } from '@roundtable/identity';

/**
 * What an invitation opens: a whole roundtable (every question it has when the invitation is
 * accepted) or some of its questions. The key names the target as one value, so "this
 * address, this target, still pending" can be unique in the database.
 */
export interface InvitationScope {
  roundtableId: string;
  /** Empty: the whole roundtable. */
  spaceIds: string[];
}

export const WHOLE_ROUNDTABLE_KEY = '*';

/** `*` for the whole roundtable, else the question ids sorted and joined (the same set in any order is the same target). */
export function scopeKey(spaceIds: readonly string[]): string {
  if (spaceIds.length === 0) return WHOLE_ROUNDTABLE_KEY;
  return [...new Set(spaceIds.map((id) => id.toLowerCase()))].sort().join(',');
}

export function roleRank(role: SpaceRole | null | undefined): number {
  return role ? SPACE_ROLES.indexOf(role) : -1;
}

/** What an existing account already holds in a roundtable, as far as an invitation is concerned. */
export interface Holdings {
  /** Role per question of the roundtable the account is a member of. */
  spaceRoles: ReadonlyMap<string, SpaceRole>;
  /** A roundtable-level role (moderator or rapporteur of every question). */
  roundtableRole: SpaceRole | null;
}

/**
 * Whether an account already has everything an invitation would give, so inviting it would
 * only send a pointless email. `openSpaceIds` are the roundtable's questions that can still
 * be joined (not archived); a whole-roundtable invitation to a roundtable without any is
 * never "already held" (accepting it later gives the questions opened by then).
 */
export function alreadyHolds(
  scope: InvitationScope,
  role: SpaceRole,
  holdings: Holdings,
  openSpaceIds: readonly string[],
): boolean {
  const wanted = roleRank(role);
  if (roleRank(holdings.roundtableRole) >= wanted) return true;
  if (scope.spaceIds.length === 0 && role !== 'participant') return false; // a roundtable role is asked for
  const targets = scope.spaceIds.length ? scope.spaceIds : openSpaceIds;
  if (targets.length === 0) return false;
  return targets.every((id) => roleRank(holdings.spaceRoles.get(id)) >= wanted);
}
