/**
 * Where a route finds the space (or roundtable) it acts on. A `digest` id leads to its
 * space and a `stocktaking` id to its roundtable; both also carry whether the document
 * is published (a draft is shown to staff only).
 */
export type ResourceKind = 'space' | 'contribution' | 'roundtable' | 'consultation' | 'digest' | 'stocktaking';

/** Roles a user can hold in a space, weakest first. */
export const SPACE_ROLES = ['participant', 'rapporteur', 'moderator'] as const;
export type SpaceRole = (typeof SPACE_ROLES)[number];

/**
 * What a route requires:
 * - `public`: anyone, signed in or not;
 * - `signed-in`: any valid token;
 * - `organiser`: the global organiser role;
 * - `viewer`: may see the resource (a non-draft space, or staff of a draft one);
 * - `member`: has joined the space (or holds a role in it);
 * - `moderator` / `rapporteur`: holds that role in the space or its roundtable;
 * - `staff`: moderator or rapporteur.
 * Organisers pass every rule.
 */
export type AccessLevel =
  'public' | 'signed-in' | 'organiser' | 'viewer' | 'member' | 'moderator' | 'rapporteur' | 'staff';

export interface AccessRule {
  level: AccessLevel;
  /** For resource-scoped levels: which kind of id the route parameter holds. */
  resource?: ResourceKind;
  /** The route parameter holding the id (default `id`). */
  param?: string;
}
