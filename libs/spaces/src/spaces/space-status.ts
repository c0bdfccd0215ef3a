import { DomainError, fill, listed, SPACE_STATUS_WORDS } from '@roundtable/core';
import { SPACES_MESSAGES as M } from '../spaces-messages';

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
    const words = SPACE_STATUS_WORDS;
    const next = allowed.length
      ? fill(M.allowedFrom, { from: words[from], allowed: listed(allowed.map((s) => words[s])) })
      : fill(M.finalStatus, { status: words[from] });
    throw DomainError.conflict(
      fill(M.transition, { from: words[from], to: words[to], allowed: next }),
      'invalid_transition',
    );
  }
}
