import { createHash } from 'node:crypto';
import type { Language, Multilingual } from '../languages';
import { QueueName } from './queue-name';
import type { QueueRegistry } from './queue-registry';

/** The jobs of the translations queue (one processor, in the worker, dispatches on these names). */
export enum TranslationJobName {
  /** Translate one version of a contribution into the languages it lacks. */
  Contribution = 'translate-contribution',
  /** Fill in the languages a space's prompt lacks. */
  Prompt = 'translate-prompt',
}

export interface TranslateContributionJob {
  contributionId: string;
  version: number;
  /** The target languages (a job queued before jobs held several names one `language`). */
  languages?: Language[];
  language?: Language;
}

/** The target languages of a contribution's translation job, whichever shape it was queued in. */
export function targetLanguagesOf(job: TranslateContributionJob): Language[] {
  return job.languages ?? (job.language ? [job.language] : []);
}

export interface TranslatePromptJob {
  spaceId: string;
}

/**
 * One job per contribution, version and set of target languages (`tr-<id>-<version>-es-fr`):
 * duplicates collapse. A set of one language gives the id such jobs always had.
 */
export function contributionTranslationJobId(contributionId: string, version: number, languages: Language[]): string {
  return `tr-${contributionId}-${version}-${[...languages].sort().join('-')}`;
}

/** One job per space and wording of its prompt: a changed prompt is translated again, a repeat is not. */
export function promptTranslationJobId(spaceId: string, prompt: Multilingual): string {
  const wording = JSON.stringify(['en', 'fr', 'es'].map((l) => prompt[l as Language] ?? null));
  return `prompt-${spaceId}-${createHash('sha1').update(wording).digest('hex').slice(0, 12)}`;
}

/**
 * Asks the worker to translate a space's prompt into the languages it lacks. Called after
 * the space is saved, without waiting (Redis may be away); never throws: the translation
 * sweeper finds what was missed.
 */
export async function requestPromptTranslation(
  queues: QueueRegistry,
  spaceId: string,
  prompt: Multilingual,
): Promise<void> {
  if (['en', 'fr', 'es'].every((l) => prompt[l as Language])) return;
  await queues
    .get(QueueName.Translations)
    .add(TranslationJobName.Prompt, { spaceId } satisfies TranslatePromptJob, {
      jobId: promptTranslationJobId(spaceId, prompt),
    })
    .catch(() => undefined);
}
