import type { SpaceRole } from '@roundtable/identity';
import { alreadyHolds, Holdings, scopeKey } from './invitation-scope';

const A = 'aaaaaaaa-0000-4000-8000-000000000001';
const B = 'bbbbbbbb-0000-4000-8000-000000000002';
const holding = (spaces: Record<string, SpaceRole>, roundtableRole: SpaceRole | null = null): Holdings => ({
  spaceRoles: new Map(Object.entries(spaces)),
  roundtableRole,
});

describe('invitation targets', () => {
  it('names the same set of questions with one key, whatever the order or case, and the whole roundtable with *', () => {
    expect(scopeKey([])).toBe('*');
    expect(scopeKey([B, A])).toBe(`${A},${B}`);
    expect(scopeKey([A.toUpperCase(), B, A])).toBe(`${A},${B}`);
  });

  it('says an account already holds an invitation only when it has the role (or a stronger one) everywhere it points', () => {
    const questions = { roundtableId: 'r', spaceIds: [A, B] };
    expect(alreadyHolds(questions, 'participant', holding({ [A]: 'participant', [B]: 'moderator' }), [A, B])).toBe(
      true,
    );
    expect(alreadyHolds(questions, 'participant', holding({ [A]: 'participant' }), [A, B])).toBe(false);
    expect(alreadyHolds(questions, 'moderator', holding({ [A]: 'moderator', [B]: 'rapporteur' }), [A, B])).toBe(false);
    expect(alreadyHolds(questions, 'rapporteur', holding({}, 'moderator'), [A, B])).toBe(true);
  });

  it('treats a whole roundtable as its open questions for participants, and as a roundtable role for staff', () => {
    const whole = { roundtableId: 'r', spaceIds: [] };
    expect(alreadyHolds(whole, 'participant', holding({ [A]: 'participant', [B]: 'participant' }), [A, B])).toBe(true);
    expect(alreadyHolds(whole, 'participant', holding({ [A]: 'participant' }), [A, B])).toBe(false);
    expect(alreadyHolds(whole, 'participant', holding({}), [])).toBe(false);
    expect(alreadyHolds(whole, 'moderator', holding({ [A]: 'moderator', [B]: 'moderator' }), [A, B])).toBe(false);
    expect(alreadyHolds(whole, 'rapporteur', holding({}, 'rapporteur'), [A, B])).toBe(true);
  });
});
