import type { AnalysedContribution, ObjectiveCoverage } from './theme.types';

/** "objective 5", "objectif 5", "objetivo n° 5", "objectives 2 and 5", "objetivos 2, 5 y 18" */
const MENTION = /(?<!\p{L})(?:objective|objectif|objetivo)s?\s*(?:n[°ºo.]*\s*)?(\d{1,2}(?:\s*(?:,|and|et|y|&|\/)\s*\d{1,2})*)/giu;
/** "Objective 5: …", "5. …", "Objectif 5 - …" at the start of an objective's text. */
const OWN_NUMBER = /^\s*(?:(?:objective|objectif|objetivo)\s*)?(\d{1,2})\s*[:.)\-–—]/iu;
/** A stem used by more than this share of the contributions says nothing about one objective. */
const COMMON = 0.4;

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
 * "objectif 5", "objetivo 5") or share a key phrase of its focus area (the objective's
 * own words, read on the English side), leaving out words most contributions use.
 */
export function objectiveCoverage(objectives: string[], objectiveKeys: string[][], contributions: AnalysedContribution[]): ObjectiveCoverage[] {
  const df = new Map<string, number>();
  for (const c of contributions) for (const k of new Set(c.sentences.flatMap((s) => s.keys))) df.set(k, (df.get(k) ?? 0) + 1);
  const limit = Math.max(3, COMMON * contributions.length);
  return objectives.map((text, i) => {
    const number = objectiveNumber(text, i);
    const focus = new Set(objectiveKeys[i].filter((k) => k.includes(' ') && (df.get(k) ?? 0) <= limit));
    const ids = contributions
      .filter((c) => mentionedObjectives(c.sentences.map((s) => s.text).join(' ')).has(number) || c.sentences.some((s) => s.keys.some((k) => focus.has(k))))
      .map((c) => c.id);
    return { number, text, contributionIds: ids };
  });
}
