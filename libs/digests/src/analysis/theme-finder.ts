import type { Constituency } from '@roundtable/core';
import { centralSentence, themeCalls } from './central-sentence';
import { pickQuotes } from './quote-picker';
import type { AnalysedContribution, Theme } from './theme.types';

export interface ThemeOptions {
  /** At most this many themes (default 10). */
  maxThemes?: number;
  /** A phrase must be written by at least this many authors (default 2). */
  minAuthors?: number;
  /** Quotes per theme (default 3). */
  quotesPerTheme?: number;
  /** Names a theme must not be (organisations, people, countries, constituencies, procedure). */
  exclusions?: { excludes(key: string, label: string): boolean };
}

/** Two phrases sharing a word are one theme when their contributions overlap this much (Jaccard). */
export const MERGE_OVERLAP = 0.5;
/** Two single-word topics sharing no word are one theme ("COVID-19", "pandemic") when their contributions overlap this much. */
export const SYNONYM_OVERLAP = 0.6;
/** A single word is a topic only if fewer than this share of the contributions use it ("migration" in a migration consultation is not). */
export const SINGLE_WORD_SHARE = 0.4;
const CALLS = 6;

interface Candidate {
  key: string;
  stems: Set<string>;
  docs: Set<number>;
  constituencies: number;
  authors: number;
}

/**
 * Recurring topics of a set of contributions: key phrases (and distinctive single
 * nouns) written by at least two authors, never the name of an actor or a procedure,
 * ranked by breadth (distinct constituencies, then authors, then contributions). A
 * more specific phrase folds into the general one it contains ("regular migration
 * pathways" into "regular migration"), close variants said by mostly the same
 * contributions fold together. Deterministic: ties fall to the key's alphabetical order.
 */
export function findThemes(
  contributions: AnalysedContribution[],
  labels: Map<string, Map<string, number>>,
  options: ThemeOptions = {},
): Theme[] {
  return findTopics(contributions, labels, options).themes;
}

/** How many phrases of one author a question keeps for the stocktaking (the most distinctive first). */
export const LONE_TOPICS = 40;

/**
 * Themes, and the phrases only one author wrote in this question (`lone`): no theme here,
 * but the same phrase written by someone else in another question is one ("unaccompanied
 * children" in questions 1 and 2), which only the stocktaking, reading every question, sees.
 */
export function findTopics(
  contributions: AnalysedContribution[],
  labels: Map<string, Map<string, number>>,
  options: ThemeOptions = {},
): { themes: Theme[]; lone: Theme[] } {
  const maxThemes = options.maxThemes ?? 10;
  const minAuthors = options.minAuthors ?? 2;

  const docsByKey = new Map<string, Set<number>>();
  contributions.forEach((c, i) => {
    for (const s of c.sentences) {
      for (const key of s.keys) {
        let docs = docsByKey.get(key);
        if (!docs) docsByKey.set(key, (docs = new Set()));
        docs.add(i);
      }
    }
  });

  const singleCap = Math.max(4, SINGLE_WORD_SHARE * contributions.length);
  const candidates: Candidate[] = [];
  for (const [key, docs] of docsByKey) {
    const authors = new Set([...docs].map((i) => contributions[i].authorId)).size;
    if (authors < minAuthors) continue;
    const stems = stemsOf(key);
    // a single word needs more voices than a phrase, and must not be what most contributions say
    if (stems.size === 1 && (docs.size > singleCap || authors < minAuthors + 1)) continue;
    if (options.exclusions?.excludes(key, bestLabel(labels.get(key)) ?? key)) continue;
    const constituencies = new Set([...docs].map((i) => contributions[i].constituency).filter((c) => c !== 'other'))
      .size;
    candidates.push({ key, stems, docs, constituencies, authors });
  }
  candidates.sort(byBreadth);

  const selected: Array<Candidate & { variants: string[]; firstDocs: number; forms: Array<Set<string>> }> = [];
  for (const c of candidates) {
    const host = selected.find((s) => sameLanguage(s.key, c.key) && belongs(s, c));
    if (host) {
      // the general wording names the theme when it is more common ("climate change" over "climate change contexts"); written
      // exactly as often, the shorter one is a fragment of the longer ("risk reduction" of "disaster risk reduction");
      // and a phrase names a single word's theme when it contains the word ("pathways" → "regular pathways")
      const general = c.stems.size >= 2 && subset(c.stems, host.stems) && c.docs.size > host.firstDocs;
      if (general || (host.stems.size === 1 && c.stems.size >= 2 && subset(host.stems, c.stems))) {
        host.variants.push(host.key);
        host.key = c.key;
        host.stems = c.stems;
      } else {
        host.variants.push(c.key);
      }
      host.forms.push(c.stems);
      for (const d of c.docs) host.docs.add(d);
      continue;
    }
    if (selected.length < maxThemes)
      selected.push({ ...c, docs: new Set(c.docs), variants: [], firstDocs: c.docs.size, forms: [c.stems] });
  }

  // a single word is named by the phrase its sources write it in ("mobility" → "labour mobility")
  for (const s of [...selected]) {
    if (s.stems.size !== 1) continue;
    const phrase = wholePhrase(s, docsByKey, contributions, options.exclusions, labels);
    if (!phrase) continue;
    // no one phrase says it: the word stands for several topics ("human mobility", "labour mobility"), the theme is the most common one
    const narrowed = phrase.docs < WHOLE_PHRASE_SHARE * s.docs.size;
    if (narrowed) s.docs = new Set([...s.docs].filter((d) => docsByKey.get(phrase.key)!.has(d)));
    // the word stays a variant only when the phrase says all of it
    const word = narrowed ? [] : [s.key];
    const other = selected.find((o) => o !== s && (o.key === phrase.key || o.variants.includes(phrase.key)));
    if (other) {
      // that phrase is already a theme: the word's contributions join it
      other.variants.push(...word, ...s.variants.filter((v) => !narrowed || stemsOf(v).size >= 2));
      for (const d of s.docs) other.docs.add(d);
      selected.splice(selected.indexOf(s), 1);
      continue;
    }
    if (narrowed) s.variants = s.variants.filter((v) => stemsOf(v).size >= 2);
    s.variants.push(...word);
    s.key = phrase.key;
    s.stems = stemsOf(phrase.key);
    s.forms.push(s.stems);
  }

  // a phrase too rare to be a theme still counts for the theme it contains ("regular labour pathways" for "regular pathways")
  for (const [key, docs] of docsByKey) {
    if (selected.some((s) => s.key === key || s.variants.includes(key))) continue;
    const stems = stemsOf(key);
    if (stems.size < 2) continue;
    const host = selected.find((s) => s.stems.size >= 2 && sameLanguage(s.key, key) && subset(s.stems, stems));
    if (!host) continue;
    host.variants.push(key);
    for (const d of docs) host.docs.add(d);
  }

  const themes = selected.map((s): Theme => {
    const members = [...s.docs].sort((a, b) => a - b).map((i) => contributions[i]);
    const constituencies: Partial<Record<Constituency, number>> = {};
    for (const m of members) constituencies[m.constituency] = (constituencies[m.constituency] ?? 0) + 1;
    return {
      key: s.key,
      label: bestLabel(labels.get(s.key)) ?? s.key,
      variants: s.variants,
      contributionIds: members.map((m) => m.id),
      constituencies,
      authors: new Set(members.map((m) => m.authorId)).size,
      quotes: [],
    };
  });
  const known = (t: Theme) => Object.keys(t.constituencies).filter((c) => c !== 'other').length;
  themes.sort(
    (a, b) =>
      known(b) - known(a) ||
      b.authors - a.authors ||
      b.contributionIds.length - a.contributionIds.length ||
      (a.key < b.key ? -1 : 1),
  );

  // rarer stems say more about what a sentence is about
  const stemDocs = new Map<string, number>();
  for (const c of contributions)
    for (const stem of new Set(c.sentences.flatMap((s) => s.keys.flatMap((k) => [...stemsOf(k)]))))
      stemDocs.set(stem, (stemDocs.get(stem) ?? 0) + 1);
  const idf = (stem: string) => Math.log(1 + contributions.length / (stemDocs.get(stem) ?? 1));
  const byId = new Map(contributions.map((c) => [c.id, c]));
  const otherKeys = new Set(themes.flatMap((t) => [t.key, ...t.variants]));
  for (const theme of themes) {
    const members = theme.contributionIds.map((id) => byId.get(id)!);
    const own = new Set([theme.key, ...theme.variants]);
    theme.quotes = pickQuotes(theme, members, otherKeys, options.quotesPerTheme ?? 3);
    theme.synopsis = centralSentence(own, members, idf);
    theme.calls = themeCalls(own, members, otherKeys, CALLS);
  }
  const taken = new Set(themes.flatMap((t) => [t.key, ...t.variants]));
  const lone: Array<Theme & { weight: number }> = [];
  for (const [key, docs] of docsByKey) {
    const stems = stemsOf(key);
    if (stems.size < 2 || taken.has(key)) continue;
    const members = [...docs].sort((a, b) => a - b).map((i) => contributions[i]);
    if (new Set(members.map((m) => m.authorId)).size !== 1) continue;
    const label = bestLabel(labels.get(key)) ?? key;
    if (options.exclusions?.excludes(key, label)) continue;
    const quotes = pickQuotes({ key, variants: [] }, members, otherKeys, 1);
    if (quotes.length === 0) continue;
    const weight = [...stems].reduce((sum, stem) => sum + idf(stem), 0);
    lone.push({
      key,
      label,
      variants: [],
      contributionIds: members.map((m) => m.id),
      constituencies: { [members[0].constituency]: members.length },
      authors: 1,
      quotes,
      synopsis: quotes[0],
      weight,
    });
  }
  lone.sort((a, b) => b.weight - a.weight || (a.key < b.key ? -1 : 1));
  return { themes, lone: lone.slice(0, LONE_TOPICS).map(({ weight: _weight, ...t }) => t) };
}

/** A phrase names a single word's theme, all its contributions, when at least this share of them write the word in it. */
export const WHOLE_PHRASE_SHARE = 0.5;

/**
 * The phrase a single-word theme is written in ("disaster risk reduction" for
 * "reduction"): the one most of its contributions write, by at least two authors. When
 * the word is mostly written inside phrases but none is that common, the most common of
 * them ("labour mobility", beside "human mobility"): the theme keeps its contributions
 * only. The longer phrase wins when it is as common as a shorter one it contains. Null
 * when the word mostly stands on its own ("the pandemic").
 */
function wholePhrase(
  theme: { stems: Set<string>; docs: Set<number> },
  docsByKey: Map<string, Set<number>>,
  contributions: AnalysedContribution[],
  exclusions: ThemeOptions['exclusions'],
  labels: Map<string, Map<string, number>>,
): { key: string; docs: number } | null {
  const [word] = theme.stems;
  let best: { key: string; docs: number; size: number } | null = null;
  const inPhrases = new Set<number>();
  for (const [key, docs] of docsByKey) {
    const stems = stemsOf(key);
    if (stems.size < 2 || !stems.has(word)) continue;
    const inside = [...docs].filter((d) => theme.docs.has(d));
    for (const d of inside) inPhrases.add(d);
    if (inside.length < 2) continue;
    if (new Set(inside.map((d) => contributions[d].authorId)).size < 2) continue;
    if (exclusions?.excludes(key, bestLabel(labels.get(key)) ?? key)) continue;
    const better =
      !best ||
      inside.length > best.docs ||
      (inside.length === best.docs && (stems.size > best.size || (stems.size === best.size && key < best.key)));
    if (better) best = { key, docs: inside.length, size: stems.size };
  }
  if (!best) return null;
  if (best.docs >= WHOLE_PHRASE_SHARE * theme.docs.size) return best;
  // the word alone is the topic when most contributions write it on its own
  return inPhrases.size >= WHOLE_PHRASE_SHARE * theme.docs.size ? best : null;
}

/** Whether a candidate phrase belongs to a theme already chosen. */
function belongs(host: Candidate & { forms: Array<Set<string>> }, c: Candidate): boolean {
  // phrases contain one another ("regular migration pathways" in "regular migration"); a single word only by its contributions
  if (c.stems.size >= 2 && host.forms.some((f) => f.size >= 2 && (subset(f, c.stems) || subset(c.stems, f))))
    return true;
  const overlap = jaccard(host.docs, c.docs);
  // a single word mostly said inside a theme that contains it ("pathways" in "pathways for regular migration"), and the other way round
  if (
    c.stems.size === 1 &&
    host.forms.some((f) => f.size >= 2 && subset(c.stems, f)) &&
    within(c.docs, host.docs) >= 0.5
  )
    return true;
  if (
    c.stems.size >= 2 &&
    host.forms.every((f) => f.size === 1) &&
    subset(host.stems, c.stems) &&
    within(host.docs, c.docs) >= 0.5
  )
    return true;
  // sharing a word and said by mostly the same contributions ("access to services" in "health services")
  if (host.forms.some((f) => shares(f, c.stems)) && overlap >= MERGE_OVERLAP) return true;
  // two single words said by mostly the same contributions are one topic ("COVID-19", "pandemic")
  return c.stems.size === 1 && host.forms.some((f) => f.size === 1) && c.docs.size >= 3 && overlap >= SYNONYM_OVERLAP;
}

function byBreadth(a: Candidate, b: Candidate): number {
  return (
    b.constituencies - a.constituencies ||
    b.authors - a.authors ||
    b.docs.size - a.docs.size ||
    b.stems.size - a.stems.size ||
    (a.key < b.key ? -1 : 1)
  );
}

const stemsOf = (key: string) => new Set(key.replace(/^[a-z]{2}:/, '').split(' '));

/** Counts how often each label was written for each key, so a theme shows its most common wording. */
export function countLabel(labels: Map<string, Map<string, number>>, key: string, label: string, weight = 1): void {
  let forms = labels.get(key);
  if (!forms) labels.set(key, (forms = new Map()));
  forms.set(label, (forms.get(label) ?? 0) + weight);
}

function bestLabel(forms: Map<string, number> | undefined): string | undefined {
  if (!forms) return undefined;
  return [...forms].sort((a, b) => b[1] - a[1] || a[0].length - b[0].length || (a[0] < b[0] ? -1 : 1))[0]?.[0];
}

/** |a ∩ b| / |a| */
function within(a: Set<unknown>, b: Set<unknown>): number {
  let both = 0;
  for (const x of a) if (b.has(x)) both += 1;
  return a.size === 0 ? 0 : both / a.size;
}

/** |a ∩ b| / |a ∪ b| */
export function jaccard(a: Set<unknown>, b: Set<unknown>): number {
  let both = 0;
  for (const x of a) if (b.has(x)) both += 1;
  const either = a.size + b.size - both;
  return either === 0 ? 0 : both / either;
}

export function shares(a: Set<string>, b: Set<string>): boolean {
  for (const x of a) if (b.has(x)) return true;
  return false;
}

function subset(small: Set<string>, big: Set<string>): boolean {
  for (const s of small) if (!big.has(s)) return false;
  return true;
}

function sameLanguage(a: string, b: string): boolean {
  const prefix = (k: string) => /^([a-z]{2}):/.exec(k)?.[1] ?? '';
  return prefix(a) === prefix(b);
}
