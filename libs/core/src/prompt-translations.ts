import { createHash } from 'node:crypto';
import { LANGUAGES } from './languages';
import type { Language, Multilingual } from './languages';

/** A machine translation of a space prompt into a language the organiser did not give. */
export interface PromptTranslation {
  text: string | null;
  status: 'done' | 'failed';
  /** The language it was translated from, and a hash of that text when translated. */
  from: Language;
  sourceHash: string;
  provider: string;
  machine: true;
}

/** Stored in `spaces.prompt_translations`, keyed by target language. */
export type PromptTranslations = Partial<Record<Language, PromptTranslation>>;

export function promptSourceHash(text: string): string {
  return createHash('sha1').update(text).digest('hex').slice(0, 16);
}

/** Whether a stored machine translation still matches the prompt it came from. */
export function isCurrentPromptTranslation(
  prompt: Multilingual,
  translation: PromptTranslation | undefined,
): translation is PromptTranslation {
  const source = translation ? prompt[translation.from] : undefined;
  return !!translation && !!source && promptSourceHash(source) === translation.sourceHash;
}

/** Languages the prompt lacks that have no current machine translation (done or failed). */
export function missingPromptLanguages(
  prompt: Multilingual,
  translations: PromptTranslations | null | undefined,
): Language[] {
  return LANGUAGES.filter((l) => !prompt[l] && !isCurrentPromptTranslation(prompt, translations?.[l]));
}

/**
 * The prompt as readers see it: the organiser's texts, completed by current machine
 * translations (the organiser's own text always wins).
 */
export function completePrompt(
  prompt: Multilingual,
  translations: PromptTranslations | null | undefined,
): Multilingual {
  const out: Multilingual = {};
  for (const l of LANGUAGES) {
    const machine = translations?.[l];
    if (prompt[l]) out[l] = prompt[l];
    else if (isCurrentPromptTranslation(prompt, machine) && machine.status === 'done' && machine.text)
      out[l] = machine.text;
  }
  return out;
}
