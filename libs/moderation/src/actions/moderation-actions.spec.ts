import { DomainError } from '@roundtable/core';
import { canTransition, CONTRIBUTION_STATUSES } from '@roundtable/contributions';
import { ACTION_RULES, MODERATION_ACTIONS, ModeratedState, planModeration } from './moderation-actions';

const state = (over: Partial<ModeratedState> = {}): ModeratedState => ({
  status: 'published',
  pinned: false,
  locked: false,
  openFlags: 0,
  ...over,
});

function statusOf(fn: () => unknown): number | 'ok' {
  try {
    fn();
    return 'ok';
  } catch (err) {
    if (err instanceof DomainError) return err.status;
    throw err;
  }
}

describe('moderation action table', () => {
  it('only declares status moves that the contribution lifecycle allows', () => {
    for (const action of MODERATION_ACTIONS) {
      const rule = ACTION_RULES[action];
      if (!rule.to) continue;
      for (const from of rule.from) expect(canTransition(from, rule.to)).toBe(true);
    }
  });

  it('allows each action from exactly its statuses and answers 409 from every other', () => {
    for (const action of MODERATION_ACTIONS) {
      for (const status of CONTRIBUTION_STATUSES) {
        const s = state({ status, pinned: action === 'unpin', locked: action === 'unlock', openFlags: 1 });
        const expected = ACTION_RULES[action].from.includes(status) ? 'ok' : 409;
        expect({ action, status, got: statusOf(() => planModeration(action, s, 'a reason')) }).toEqual({
          action,
          status,
          got: expected,
        });
      }
    }
  });

  it('requires a reason to reject or hide (400), not to approve or restore', () => {
    expect(statusOf(() => planModeration('reject', state({ status: 'pending' })))).toBe(400);
    expect(statusOf(() => planModeration('hide', state(), '   '))).toBe(400);
    expect(statusOf(() => planModeration('approve', state({ status: 'pending' })))).toBe('ok');
    expect(statusOf(() => planModeration('restore', state({ status: 'hidden' })))).toBe('ok');
  });

  it('refuses changes that change nothing: pin twice, unlock an unlocked thread, resolve without flags (409)', () => {
    expect(statusOf(() => planModeration('pin', state({ pinned: true })))).toBe(409);
    expect(statusOf(() => planModeration('unlock', state({ locked: false })))).toBe(409);
    expect(statusOf(() => planModeration('resolve', state({ openFlags: 0 })))).toBe(409);
    expect(statusOf(() => planModeration('resolve', state({ status: 'hidden', openFlags: 3 })))).toBe('ok');
  });

  it('approving a hidden contribution is not restoring it (409), though hidden → published exists', () => {
    expect(statusOf(() => planModeration('approve', state({ status: 'hidden' })))).toBe(409);
  });
});
