import { createHash } from 'node:crypto';
import type { Language } from '@roundtable/core';
import { guessLanguage } from '@roundtable/digests';
import type { SummaryContent, SummaryItem } from '../compile/summary.types';
import { LIST_SECTIONS } from '../compile/summary.types';

/** A piece of free text of a summary and the language it is written in. */
export interface FreeText {
  text: string;
  language: Language;
}

/** The key a translation of a free text is stored under. */
export function textKey(t: FreeText): string {
  return createHash('sha256').update(`${t.language}|${t.text}`).digest('base64url').slice(0, 32);
}

/** The language of a text a person wrote (an edit, a moderator's priority): guessed when long enough. */
export function writtenIn(text: string, fallback: Language): Language {
  return (text.match(/\p{L}+/gu)?.length ?? 0) >= 4 ? guessLanguage(text) : fallback;
}

/** Theme labels are in English unless the theme was found within one language (`fr:`/`es:` keys). */
export function labelLanguage(item: SummaryItem): Language {
  const m = /^(?:theme|gap):(fr|es):/.exec(item.key);
  return (m?.[1] as Language | undefined) ?? 'en';
}

/** Every free text a rendering of the summary may show. */
export function freeTexts(content: SummaryContent, summaryLanguage: Language): FreeText[] {
  const out = new Map<string, FreeText>();
  const add = (text: string | null, language: Language) => {
    if (!text) return;
    const t = { text, language };
    out.set(textKey(t), t);
  };
  const s = content.sections;
  for (const para of paragraphs(s.introduction)) add(para, writtenIn(para, summaryLanguage));
  add(s.participationText, writtenIn(s.participationText ?? '', summaryLanguage));
  add(s.regionsText ?? null, writtenIn(s.regionsText ?? '', summaryLanguage));
  for (const section of LIST_SECTIONS) {
    for (const i of s[section]) {
      add(i.text, writtenIn(i.text ?? '', summaryLanguage));
      add(i.phrased, 'en');
      add(i.sourceText, writtenIn(i.sourceText ?? '', 'en'));
      add(i.kind === 'objective' ? null : i.label, labelLanguage(i));
      if (i.kind === 'objective' && i.label) add(objectiveFocus(i.label), writtenIn(i.label, summaryLanguage));
      for (const q of i.quotes) add(q.text, q.language);
      if (i.synopsis) add(i.synopsis.text, i.synopsis.language);
    }
  }
  return [...out.values()];
}

/**
 * Looks up translations of free texts into one language; untranslated text is shown as
 * written. A translation a rapporteur reviewed (with their corrections) or accepted is
 * no longer marked as a machine translation.
 */
export class TranslatedTexts {
  constructor(
    readonly target: Language,
    private readonly texts: Record<string, string> = {},
    readonly reviewed = false,
  ) {}

  get(t: FreeText): { text: string; machine: boolean } {
    if (t.language === this.target) return { text: t.text, machine: false };
    const translated = this.texts[textKey(t)];
    return translated ? { text: translated, machine: !this.reviewed } : { text: t.text, machine: false };
  }
}

/** The paragraphs of a free text; each is translated on its own. */
export function paragraphs(text: string | null): string[] {
  return text
    ? text
        .split(/\n{2,}/)
        .map((p) => p.trim())
        .filter(Boolean)
    : [];
}

/** An objective's focus area without the "Objective 5:" it may start with. */
export function objectiveFocus(text: string): string {
  return text.replace(/^\s*(?:(?:objective|objectif|objetivo)\s*)?\d{1,2}\s*[:.)\-–—]\s*/iu, '').trim();
}
