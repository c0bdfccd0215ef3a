import { contributionStatusWord, DomainError, fill, SpaceEventType } from '@roundtable/core';
import { assertContributionTransition, ContributionStatus } from '@roundtable/contributions';
import { MODERATION_DONE_WORDS, MODERATION_MESSAGES as M } from '../moderation-messages';

export const MODERATION_ACTIONS = [
  'approve',
  'reject',
  'hide',
  'restore',
  'pin',
  'unpin',
  'lock',
  'unlock',
  'resolve',
] as const;
export type ModerationAction = (typeof MODERATION_ACTIONS)[number];

/** What one moderation action does to a contribution. */
export interface ActionRule {
  /** The statuses it applies to; any other is a 409. */
  from: readonly ContributionStatus[];
  /** The status it leads to: a move the contribution lifecycle table must allow. */
  to?: ContributionStatus;
  /** The thread flags it sets. */
  set?: { pinned?: boolean; locked?: boolean };
  /** The space event readers receive; none when nobody but moderators ever saw the item. */
  event?: SpaceEventType;
  /** Whether a reason must be given (it is shown to the author). */
  reasonRequired: boolean;
  /** Closes the contribution's open flags: the decision answers them, and it leaves the queue. */
  closesFlags: boolean;
}

/**
 * Every moderation action, declared once. Status moves are checked against the contribution
 * lifecycle ({@link assertContributionTransition}) by {@link planModeration}, the one place
 * that decides whether an action may happen.
 */
export const ACTION_RULES: Record<ModerationAction, ActionRule> = {
  approve: {
    from: ['pending'],
    to: 'published',
    event: 'contribution.published',
    reasonRequired: false,
    closesFlags: true,
  },
  reject: { from: ['pending'], to: 'rejected', reasonRequired: true, closesFlags: true },
  hide: { from: ['published'], to: 'hidden', event: 'contribution.hidden', reasonRequired: true, closesFlags: true },
  restore: {
    from: ['hidden'],
    to: 'published',
    event: 'contribution.restored',
    reasonRequired: false,
    closesFlags: true,
  },
  pin: {
    from: ['published'],
    set: { pinned: true },
    event: 'contribution.updated',
    reasonRequired: false,
    closesFlags: false,
  },
  unpin: {
    from: ['published', 'hidden'],
    set: { pinned: false },
    event: 'contribution.updated',
    reasonRequired: false,
    closesFlags: false,
  },
  lock: {
    from: ['published', 'hidden'],
    set: { locked: true },
    event: 'contribution.updated',
    reasonRequired: false,
    closesFlags: false,
  },
  unlock: {
    from: ['published', 'hidden'],
    set: { locked: false },
    event: 'contribution.updated',
    reasonRequired: false,
    closesFlags: false,
  },
  // reviewed, nothing to change: a flagged item stays published, a flag-hidden one stays hidden
  resolve: { from: ['published', 'hidden'], reasonRequired: false, closesFlags: true },
};

/** The facts about a contribution an action is checked against. */
export interface ModeratedState {
  status: ContributionStatus;
  pinned: boolean;
  locked: boolean;
  openFlags: number;
}

/** Returns the action's rule, or throws 409 (impossible in this state) / 400 (reason missing). */
export function planModeration(action: ModerationAction, state: ModeratedState, reason?: string | null): ActionRule {
  const rule = ACTION_RULES[action];
  if (rule.to) assertContributionTransition(state.status, rule.to);
  if (!rule.from.includes(state.status)) {
    throw DomainError.conflict(
      fill(M.cannotAct, { status: contributionStatusWord(state.status), done: MODERATION_DONE_WORDS[action] }),
      'invalid_transition',
    );
  }
  if (rule.set?.pinned !== undefined && rule.set.pinned === state.pinned) {
    throw DomainError.conflict(state.pinned ? M.alreadyPinned : M.alreadyUnpinned, 'no_change');
  }
  if (rule.set?.locked !== undefined && rule.set.locked === state.locked) {
    throw DomainError.conflict(state.locked ? M.alreadyLocked : M.alreadyUnlocked, 'no_change');
  }
  if (action === 'resolve' && state.openFlags === 0) {
    throw DomainError.conflict(M.noOpenFlags, 'no_open_flags');
  }
  if (rule.reasonRequired && !reason?.trim()) {
    throw DomainError.badRequest(fill(M.reasonRequired, { action }), 'reason_required');
  }
  return rule;
}
