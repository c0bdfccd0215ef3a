/**
 * A delivery record's lifecycle: `claimed` (a worker holds it until `claimed_until`) → one
 * of the final states. An expired claim may be claimed again (its worker died, or its
 * send failed transiently); `failed` (retries exhausted) may be claimed again by a job an
 * operator retries. Nothing leaves `sent`, `empty`, `skipped` or `bounced`.
 */
export type DeliveryStatus = 'claimed' | 'sent' | 'empty' | 'skipped' | 'bounced' | 'failed';

/** Final states in which the member's digest for the period is settled for good. */
export const SETTLED: readonly DeliveryStatus[] = ['sent', 'empty', 'skipped', 'bounced'];

/** Consecutive bounces after which a member's digest is paused. */
export const BOUNCES_BEFORE_PAUSE = 3;

/** The outcome of trying to claim a delivery. */
export type Claim =
  | { kind: 'claimed'; periodStart: Date; attempts: number }
  | { kind: 'held'; until: Date }
  | { kind: 'settled'; status: DeliveryStatus };
