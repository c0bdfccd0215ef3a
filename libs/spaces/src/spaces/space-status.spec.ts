import { HttpStatus } from '@nestjs/common';
import { DomainError } from '@roundtable/core';
import { assertSpaceTransition, SPACE_STATUSES, SPACE_TRANSITIONS, SpaceStatus } from './space-status';

const allowed: Array<[SpaceStatus, SpaceStatus]> = [
  ['draft', 'open'],
  ['draft', 'archived'],
  ['open', 'closed'],
  ['open', 'archived'],
  ['closed', 'open'],
  ['closed', 'archived'],
];

function attempt(from: SpaceStatus, to: SpaceStatus): DomainError | undefined {
  try {
    assertSpaceTransition(from, to);
    return undefined;
  } catch (err) {
    if (err instanceof DomainError) return err;
    throw err;
  }
}

describe('space status transitions', () => {
  it('covers every status', () => {
    expect(Object.keys(SPACE_TRANSITIONS).sort()).toEqual([...SPACE_STATUSES].sort());
  });

  it.each(allowed)('allows %s → %s', (from, to) => {
    expect(attempt(from, to)).toBeUndefined();
  });

  it.each(SPACE_STATUSES.map((s) => [s]))('treats %s → itself as no change', (status) => {
    expect(attempt(status, status)).toBeUndefined();
  });

  const refused = SPACE_STATUSES.flatMap((from) =>
    SPACE_STATUSES.filter((to) => to !== from && !allowed.some(([f, t]) => f === from && t === to)).map(
      (to) => [from, to] as [SpaceStatus, SpaceStatus],
    ),
  );

  it('refuses everything else, e.g. archived → open and anything → draft', () => {
    expect(refused).toEqual(
      expect.arrayContaining([
        ['archived', 'open'],
        ['archived', 'closed'],
        ['archived', 'draft'],
        ['open', 'draft'],
        ['closed', 'draft'],
        ['draft', 'closed'],
      ]),
    );
  });

  it.each(refused)('refuses %s → %s with a 409 that says why', (from, to) => {
    const err = attempt(from, to);
    expect(err).toBeInstanceOf(DomainError);
    expect(err!.status).toBe(HttpStatus.CONFLICT);
    expect(err!.code).toBe('invalid_transition');
    expect(err!.message).toContain(from);
    expect(err!.message).toContain(to);
  });

  it('says that archived is final', () => {
    expect(attempt('archived', 'open')!.message).toMatch(/archived is final/);
  });

  it('lists what may follow instead', () => {
    expect(attempt('draft', 'closed')!.message).toMatch(/open, archived/);
  });
});
