import type { AnalysedContribution, ObjectiveCoverage } from './theme.types';

/** "objective 5", "objectif 5", "objetivo n° 5", "objectives 2 and 5", "objetivos 2, 5 y 18" */
const MENTION = /(?<!\p{L})(?:objective|objectif|objetivo)s?\s*(?:n[°ºo.]*\s*)?(\d{1,2}(?:\s*(?:,|and|et|y|&|\/)\s*\d{1,2})*)/giu;
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
 * "objectif 5", "objetivo 5"), or that share with its focus area (the objective's own
 * words, read on the English side) a key phrase, a distinctive single word, or two
 * words, leaving out words most contributions use.
 */
export function objectiveCoverage(objectives: string[], objectiveKeys: string[][], contributions: AnalysedContribution[], structure: (stem: string) => boolean = () => false): ObjectiveCoverage[] {
  const stemsOf = (keys: string[]) => new Set(keys.flatMap((k) => k.replace(/^[a-z]{2}:/, '').split(' ')));
  const df = new Map<string, number>();
  const own = contributions.map((c) => {
    const keys = new Set(c.sentences.flatMap((s) => s.keys));
    const stems = stemsOf([...keys]);
    for (const s of stems) df.set(s, (df.get(s) ?? 0) + 1);
    return { c, keys, stems, mentions: mentionedObjectives(c.sentences.map((s) => s.text).join(' ')) };
  });
  const limit = Math.max(2, COMMON * contributions.length);
  return objectives.map((text, i) => {
    const number = objectiveNumber(text, i);
    const keys = new Set(objectiveKeys[i].filter((k) => k.includes(' ') || (!structure(k) && (df.get(k) ?? 0) <= limit)));
    const words = [...stemsOf(objectiveKeys[i])].filter((s) => !structure(s) && (df.get(s) ?? 0) <= limit);
    const ids = own
      .filter((x) => x.mentions.has(number) || [...x.keys].some((k) => keys.has(k)) || words.filter((w) => x.stems.has(w)).length >= 2)
      .map((x) => x.c.id);
    return { number, text, contributionIds: ids };
  });
}
