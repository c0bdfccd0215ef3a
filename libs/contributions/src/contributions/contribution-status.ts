import { DomainError } from '@roundtable/core';

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
    throw DomainError.conflict(`A ${from} contribution cannot become ${to}`, 'invalid_transition');
  }
}

/** Statuses every member of the space may see (hidden and deleted ones as tombstones). */
export const PUBLIC_STATUSES: readonly ContributionStatus[] = ['published', 'hidden', 'deleted'];
