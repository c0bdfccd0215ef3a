import { DomainError } from '@roundtable/core';
import type { DigestPeriod } from './digest.types';

const MAX_DAYS = 400;

/** A period from the API: start before end, at most ~13 months. A bare date means midnight UTC. */
export function parsePeriod(input: { periodStart: string; periodEnd: string }): DigestPeriod {
  const start = new Date(input.periodStart);
  const end = new Date(input.periodEnd);
  if (Number.isNaN(start.getTime())) throw DomainError.badRequest('periodStart is not a date');
  if (Number.isNaN(end.getTime())) throw DomainError.badRequest('periodEnd is not a date');
  if (end.getTime() <= start.getTime()) throw DomainError.badRequest('periodEnd must be after periodStart');
  if (end.getTime() - start.getTime() > MAX_DAYS * 86_400_000)
    throw DomainError.badRequest(`a period spans at most ${MAX_DAYS} days`);
  return { start, end };
}

/** The week a scheduled digest covers: the 7 days before its scheduled time. */
export function weekBefore(end: Date): DigestPeriod {
  return { start: new Date(end.getTime() - 7 * 86_400_000), end };
}
