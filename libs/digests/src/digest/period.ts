import { DomainError, fill } from '@roundtable/core';
import type { DigestPeriod } from './digest.types';
import { DIGESTS_MESSAGES as M } from '../digests-messages';

const MAX_DAYS = 400;

/** A period from the API: start before end, at most ~13 months. A bare date means midnight UTC. */
export function parsePeriod(input: { periodStart: string; periodEnd: string }): DigestPeriod {
  const start = new Date(input.periodStart);
  const end = new Date(input.periodEnd);
  if (Number.isNaN(start.getTime())) throw DomainError.badRequest(M.periodStartNotDate);
  if (Number.isNaN(end.getTime())) throw DomainError.badRequest(M.periodEndNotDate);
  if (end.getTime() <= start.getTime()) throw DomainError.badRequest(M.periodBackwards);
  if (end.getTime() - start.getTime() > MAX_DAYS * 86_400_000)
    throw DomainError.badRequest(fill(M.periodTooLong, { days: MAX_DAYS }));
  return { start, end };
}

/** The week a scheduled digest covers: the 7 days before its scheduled time. */
export function weekBefore(end: Date): DigestPeriod {
  return { start: new Date(end.getTime() - 7 * 86_400_000), end };
}
