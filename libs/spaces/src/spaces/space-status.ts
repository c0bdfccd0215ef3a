import { DomainError } from '@roundtable/core';

export const SPACE_STATUSES = ['draft', 'open', 'closed', 'archived'] as const;
export type SpaceStatus = (typeof SPACE_STATUSES)[number];

/** A space's lifecycle: which status may follow which. Checked only here. */
export const SPACE_TRANSITIONS: Record<SpaceStatus, readonly SpaceStatus[]> = {
  draft: ['open', 'archived'],
  open: ['closed', 'archived'],
  closed: ['open', 'archived'],
  archived: [],
};

export function assertSpaceTransition(from: SpaceStatus, to: SpaceStatus): void {
  if (from === to) return;
  if (!SPACE_TRANSITIONS[from].includes(to)) {
    const allowed = SPACE_TRANSITIONS[from];
    throw DomainError.conflict(
      `A space cannot go from ${from} to ${to}` +
        (allowed.length ? ` (from ${from}: ${allowed.join(', ')})` : ` (${from} is final)`),
      'invalid_transition',
    );
  }
}
