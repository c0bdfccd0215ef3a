import type { Constituency } from '@roundtable/core';
import { pickQuotes } from './quote-picker';
import type { AnalysedContribution, Theme } from './theme.types';

export interface ThemeOptions {
  /** At most this many themes (default 10). */
  maxThemes?: number;
  /** A phrase must appear in at least this many contributions (default 2). */
  minContributions?: number;
  /** Quotes per theme (default 3). */
  quotesPerTheme?: number;
}

/** Two phrases sharing a word are one theme when their contributions overlap this much (Jaccard). */
export const MERGE_OVERLAP = 0.5;

interface Candidate {
  key: string;
  stems: Set<string>;
  docs: Set<number>;
  score: number;
}

/**
 * Recurring themes of a set of contributions: key phrases found in at least two of
 * them, ranked by how many contributions and constituencies carry them, with a more
 * specific phrase folded into the general one it contains ("regular migration pathways"
 * into "regular migration"). Deterministic: ties fall to the key's alphabetical order.
 */
export function findThemes(contributions: AnalysedContribution[], labels: Map<string, Map<string, number>>, options: ThemeOptions = {}): Theme[] {
  const maxThemes = options.maxThemes ?? 10;
  const minContributions = options.minContributions ?? 2;

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

  const candidates: Candidate[] = [];
  for (const [key, docs] of docsByKey) {
    if (docs.size < minContributions) continue;
    const constituencies = new Set([...docs].map((i) => contributions[i].constituency)).size;
    const stems = new Set(key.replace(/^[a-z]{2}:/, '').split(' '));
    candidates.push({ key, stems, docs, score: docs.size + 0.5 * (constituencies - 1) });
  }
  candidates.sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : 1));

  const selected: Array<Candidate & { variants: string[]; firstDocs: number; forms: Array<Set<string>> }> = [];
  for (const c of candidates) {
    // a phrase folds into a theme it contains or is contained in, or that shares a word with it and is said by
    // mostly the same contributions ("access to services" in "health services")
    const host = selected.find(
      (s) =>
        sameLanguage(s.key, c.key) &&
        (s.forms.some((f) => subset(f, c.stems) || subset(c.stems, f)) || (shares(s.stems, c.stems) && jaccard(s.docs, c.docs) >= MERGE_OVERLAP)),
    );
    if (host) {
      // the general wording names the theme when it is at least as common ("climate change" over "climate change contexts")
      if (subset(c.stems, host.stems) && c.docs.size >= host.firstDocs) {
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
    if (selected.length < maxThemes) selected.push({ ...c, docs: new Set(c.docs), variants: [], firstDocs: c.docs.size, forms: [c.stems] });
  }

  // a phrase too rare to be a theme still counts for the theme it contains ("regular labour pathways" for "regular pathways")
  for (const [key, docs] of docsByKey) {
    if (docs.size >= minContributions) continue;
    const stems = new Set(key.replace(/^[a-z]{2}:/, '').split(' '));
    const host = selected.find((s) => sameLanguage(s.key, key) && subset(s.stems, stems));
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
  themes.sort((a, b) => b.contributionIds.length - a.contributionIds.length || Object.keys(b.constituencies).length - Object.keys(a.constituencies).length || (a.key < b.key ? -1 : 1));

  const byId = new Map(contributions.map((c) => [c.id, c]));
  const otherKeys = new Set(themes.flatMap((t) => [t.key, ...t.variants]));
  for (const theme of themes) {
    theme.quotes = pickQuotes(theme, theme.contributionIds.map((id) => byId.get(id)!), otherKeys, options.quotesPerTheme ?? 3);
  }
  return themes;
}

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
