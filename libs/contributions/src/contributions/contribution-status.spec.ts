import { DomainError } from '@roundtable/core';
import {
  assertContributionTransition,
  canTransition,
  CONTRIBUTION_STATUSES,
  CONTRIBUTION_TRANSITIONS,
} from './contribution-status';

describe('contribution status transitions', () => {
  it.each([
    ['pending', 'published'],
    ['pending', 'rejected'],
    ['published', 'hidden'],
    ['hidden', 'published'],
    ['published', 'deleted'],
    ['rejected', 'deleted'],
  ] as const)('allows %s → %s', (from, to) => {
    expect(canTransition(from, to)).toBe(true);
    expect(() => assertContributionTransition(from, to)).not.toThrow();
  });

  it.each([
    ['deleted', 'published'],
    ['rejected', 'published'],
    ['published', 'pending'],
    ['hidden', 'rejected'],
  ] as const)('refuses %s → %s with a 409 naming both statuses', (from, to) => {
    let error: unknown;
    try {
      assertContributionTransition(from, to);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).status).toBe(409);
    expect((error as DomainError).message).toContain(from);
    expect((error as DomainError).message).toContain(to);
  });

  it('makes deleted final and lists every status in the table', () => {
    expect(CONTRIBUTION_TRANSITIONS.deleted).toEqual([]);
    expect(Object.keys(CONTRIBUTION_TRANSITIONS).sort()).toEqual([...CONTRIBUTION_STATUSES].sort());
  });
});
