/** Why a member flags a contribution. */
export const FLAG_REASONS = ['spam', 'off_topic', 'abusive', 'other'] as const;
export type FlagReason = (typeof FLAG_REASONS)[number];
