import type { Multilingual } from '@roundtable/core';
import { DomainError, LANGUAGES } from '@roundtable/core';
import { SPACES_MESSAGES as M } from '../spaces-messages';

/** A roundtable's objectives: the text as first written, and its English, French and Spanish versions (same order). */
export interface ObjectiveTexts {
  objectives: string[];
  translations: Multilingual[];
}

const languagesOf = (m: Multilingual | undefined): Multilingual => {
  const out: Multilingual = {};
  for (const l of LANGUAGES) if (m?.[l]) out[l] = m[l];
  return out;
};

/**
 * The objectives after a create or edit. `objectives` given alone: each keeps the language
 * versions it had when its text is unchanged, a new or changed one has none. The language
 * versions given alone: the originals stay when their number is the same, otherwise each
 * objective's original is its first language version (en, fr, es), and one without any is
 * a 400. Both given: one version entry per objective (`{}` for none yet), or 400.
 */
export function nextObjectiveTexts(
  current: ObjectiveTexts,
  input: { objectives?: string[]; objectiveTranslations?: Multilingual[] },
): ObjectiveTexts {
  const { objectives, objectiveTranslations } = input;
  if (objectives && objectiveTranslations) {
    if (objectives.length !== objectiveTranslations.length) {
      throw DomainError.badRequest(M.objectivesMismatch, 'objectives_mismatch');
    }
    return { objectives, translations: objectiveTranslations.map(languagesOf) };
  }
  if (objectives) {
    const kept = new Map(current.objectives.map((text, i) => [text, current.translations[i] ?? {}]));
    return { objectives, translations: objectives.map((text) => kept.get(text) ?? {}) };
  }
  if (objectiveTranslations) {
    const translations = objectiveTranslations.map(languagesOf);
    if (current.objectives.length === translations.length) return { objectives: current.objectives, translations };
    const originals = translations.map((t) => LANGUAGES.map((l) => t[l]).find((x) => !!x));
    if (originals.some((o) => !o)) throw DomainError.badRequest(M.objectiveTextMissing, 'objective_text_missing');
    return { objectives: originals as string[], translations };
  }
  return current;
}

/** One version entry per objective, whatever an older row holds. */
export function alignedTranslations(
  objectives: string[],
  translations: Multilingual[] | null | undefined,
): Multilingual[] {
  return objectives.map((_, i) => translations?.[i] ?? {});
}
