import type { Language } from '@roundtable/core';
import { contentStems } from './native-phrases';
import type { AnalysedContribution, ObjectiveCoverage, Theme } from './theme.types';

/** An objective's focus area as words of each language: its own, and its translations. */
export type ObjectiveWords = Partial<Record<Language, string>>;

/** "objective 5", "objectif 5", "objetivo n° 5", "objectives 2 and 5", "objetivos 2, 5 y 18" */
const MENTION =
  /(?<!\p{L})(?:objective|objectif|objetivo)s?\s*(?:n[°ºo.]*\s*)?(\d{1,2}(?:\s*(?:,|and|et|y|&|\/)\s*\d{1,2})*)/giu;
/** "Objective 5: …", "5. …", "Objectif 5 - …" at the start of an objective's text. */
const OWN_NUMBER = /^\s*(?:(?:objective|objectif|objetivo)\s*)?(\d{1,2})\s*[:.)\-–—]/iu;
/** A word used by more than this share of the contributions says nothing about one objective. */
const COMMON = 0.7;

/** The number an objective goes by: the one its text starts with, else its place in the list. */
export function objectiveNumber(text: string, index: number): number {
  const m = OWN_NUMBER.exec(text);
  return m ? Number(m[1]) : index + 1;
}

/** The objective numbers a text names explicitly. */
export function mentionedObjectives(text: string): Set<number> {
  const out = new Set<number>();
  for (const m of text.matchAll(MENTION)) for (const n of m[1].match(/\d{1,2}/g) ?? []) out.add(Number(n));
  return out;
}

/**
 * Which contributions address each objective: those that name it ("objective 5",
 * "objectif 5", "objetivo 5"), that share with its focus area (the objective's own
 * words, read on the English side) a key phrase or a distinctive single word, or that
 * share two distinctive words with it in their own language — the objective as the
 * organiser wrote it, or its translation into the contribution's language, so
 * "données ventilées" meets "datos desglosados" without depending on how a machine
 * translation words either; and the contributions of a recurring topic whose phrase holds
 * a distinctive word of the objective. Words most contributions use say nothing about one objective.
 */
export function objectiveCoverage(
  objectives: string[],
  objectiveKeys: string[][],
  contributions: AnalysedContribution[],
  structure: (stem: string, language: Language) => boolean = () => false,
  wordings: ObjectiveWords[] = [],
  themes: Array<Pick<Theme, 'key' | 'variants' | 'contributionIds'>> = [],
): ObjectiveCoverage[] {
  const stemsOf = (keys: string[]) => new Set(keys.flatMap((k) => k.replace(/^[a-z]{2}:/, '').split(' ')));
  const df = new Map<string, number>();
  const nativeDf = new Map<string, number>();
  const perLanguage = new Map<Language, number>();
  const own = contributions.map((c) => {
    const keys = new Set(c.sentences.flatMap((s) => s.keys));
    const stems = stemsOf([...keys]);
    for (const s of stems) df.set(s, (df.get(s) ?? 0) + 1);
    const text = c.sentences.map((s) => s.text).join(' ');
    const native = contentStems(text, c.language);
    for (const s of native) nativeDf.set(`${c.language}:${s}`, (nativeDf.get(`${c.language}:${s}`) ?? 0) + 1);
    perLanguage.set(c.language, (perLanguage.get(c.language) ?? 0) + 1);
    return { c, keys, stems, native, mentions: mentionedObjectives(text) };
  });
  const limit = Math.max(2, COMMON * contributions.length);
  const nativeLimit = (language: Language) => Math.max(3, COMMON * (perLanguage.get(language) ?? 0));
  return objectives.map((text, i) => {
    const number = objectiveNumber(text, i);
    const keys = new Set(
      objectiveKeys[i].filter((k) => k.includes(' ') || (!structure(k, 'en') && (df.get(k) ?? 0) <= limit)),
    );
    const words = [...stemsOf(objectiveKeys[i])].filter((s) => !structure(s, 'en') && (df.get(s) ?? 0) <= limit);
    const focus = new Map<Language, Set<string>>();
    for (const [language, wording] of Object.entries(wordings[i] ?? {}) as Array<[Language, string]>) {
      const stems = [...contentStems(focusOf(wording), language)].filter(
        (s) => !structure(s, language) && (nativeDf.get(`${language}:${s}`) ?? 0) <= nativeLimit(language),
      );
      focus.set(language, new Set(stems));
    }
    const inOwnWords = (x: (typeof own)[number]) => {
      const f = focus.get(x.c.language);
      if (!f) return false;
      let shared = 0;
      for (const s of f) if (x.native.has(s)) shared += 1;
      return shared >= 2;
    };
    // a recurring topic named by a distinctive word of the objective ("migration data" for "collect accurate data") addresses it in all its contributions
    const byTheme = new Set(
      themes
        .filter((t) => [t.key, ...t.variants].some((k) => k.includes(' ') && words.some((w) => stemsOf([k]).has(w))))
        .flatMap((t) => t.contributionIds),
    );
    const ids = own
      .filter(
        (x) =>
          x.mentions.has(number) ||
          byTheme.has(x.c.id) ||
          [...x.keys].some((k) => keys.has(k)) ||
          words.filter((w) => x.stems.has(w)).length >= 2 ||
          inOwnWords(x),
      )
      .map((x) => x.c.id);
    return { number, text, contributionIds: ids };
  });
}

/** An objective's text without its number ("Objective 5: …" → "…"). */
function focusOf(text: string): string {
  return text.replace(OWN_NUMBER, '').trim();
}
