import type { Job } from 'bullmq';
import { UnrecoverableError } from 'bullmq';
import { isLastAttempt, LANGUAGES } from '@roundtable/core';
import type { Language } from '@roundtable/core';
import { TranslationError } from '../providers/translation-error';

/**
 * What the translations of published texts (stocktaking summaries, moderator digests) have
 * in common: one job per other language with a fixed id, a failure that can never work
 * ending the job at once, the last failure recorded, and jobs still pending a while after
 * publication asked for again (they were lost: Redis away when publishing).
 */

/** A translation still pending this long after publication was lost: readers' requests ask for it again. */
export const LOST_TRANSLATION_AFTER_MS = 60_000;

/** The languages a text written in `source` is translated into. */
export function otherLanguages(source: Language): Language[] {
  return LANGUAGES.filter((l) => l !== source);
}

/** Whether a published translation pending since `publishedAt` should be asked for again. */
export function translationLost(status: string, publishedAt: Date | null): boolean {
  return status === 'pending' && !!publishedAt && Date.now() - publishedAt.getTime() > LOST_TRANSLATION_AFTER_MS;
}

/**
 * How a translation job's failure ends: `final` when no retry follows (an engine failure that
 * can never work, such as an unsupported pair, or the last attempt), then the caller records
 * it as failed; `rethrow` is what the job throws (an `UnrecoverableError` stops BullMQ's retries).
 */
export function translationJobFailure(
  err: unknown,
  job: Pick<Job, 'attemptsMade' | 'opts'>,
): { final: boolean; rethrow: unknown; message: string } {
  const message = (err as Error)?.message ?? String(err);
  const permanent = (err instanceof TranslationError && !err.retryable) || err instanceof UnrecoverableError;
  return {
    final: permanent || isLastAttempt(job),
    rethrow: permanent && !(err instanceof UnrecoverableError) ? new UnrecoverableError(message) : err,
    message: message.slice(0, 500),
  };
}
