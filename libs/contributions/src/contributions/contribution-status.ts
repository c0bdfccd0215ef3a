import { contributionStatusWord, DomainError, fill } from '@roundtable/core';
import { CONTRIBUTIONS_MESSAGES as M } from '../contributions-messages';

export const CONTRIBUTION_STATUSES = ['pending', 'published', 'hidden', 'rejected', 'deleted'] as const;
export type ContributionStatus = (typeof CONTRIBUTION_STATUSES)[number];

/** A contribution's lifecycle, declared once: which status may follow which. */
export const CONTRIBUTION_TRANSITIONS: Record<ContributionStatus, readonly ContributionStatus[]> = {
  pending: ['published', 'rejected', 'deleted'],
  published: ['hidden', 'deleted'],
  hidden: ['published', 'deleted'],
  rejected: ['deleted'],
  deleted: [],
};

export function canTransition(from: ContributionStatus, to: ContributionStatus): boolean {
  return CONTRIBUTION_TRANSITIONS[from].includes(to);
}

export function assertContributionTransition(from: ContributionStatus, to: ContributionStatus): void {
  if (!canTransition(from, to)) {
    throw DomainError.conflict(
      fill(M.transition, { from: contributionStatusWord(from), to: contributionStatusWord(to) }),
      'invalid_transition',
    );
  }
}

/** Statuses every member of the space may see (hidden and deleted ones as tombstones). */
export const PUBLIC_STATUSES: readonly ContributionStatus[] = ['published', 'hidden', 'deleted'];
