import { randomUUID } from 'node:crypto';
import type { Constituency } from '@roundtable/core';
import type { KeyPoint, Theme } from '@roundtable/digests';
import type { ItemKind, Participation, SummaryItem, SummaryQuote, SummarySections } from './summary.types';

/** A published digest as compiled: its published key points and its themes. */
export interface DigestInput {
  id: string;
  spaceId: string;
  number: number;
  themes: Theme[];
  keyPoints: KeyPoint[];
}

/** A contribution that counts: published, in the period, in one of the roundtable's questions. */
export interface ContributionFact {
  authorId: string;
  constituency: Constituency;
  number: number;
}

const MAX_EMPHASES = 8;
const MAX_CONVERGENCE = 10;
const MAX_SINGLE = 8;
const QUOTES = 3;

interface MergedTheme {
  key: string;
  /** The stem sets of every key folded in, once each. */
  forms: Map<string, Set<string>>;
  labels: Map<string, number>;
  sources: Set<string>;
  quotes: Map<string, SummaryQuote>;
}

/**
 * The generated sections of a stocktaking summary, from the published digests of the
 * roundtable's questions. Themes of different questions with the same key (or one
 * containing the other) are one theme; who raised it is read from the contributions
 * themselves, so figures are the database's. Convergence: themes raised by at least two
 * constituencies; gaps: themes raised by only one, and questions with little engagement.
 */
export function compileSections(digests: DigestInput[], facts: Map<string, ContributionFact>, participation: Participation): Omit<SummarySections, 'introduction' | 'participationText' | 'dropped'> {
  const themes = mergeThemes(digests, facts);
  const ranked = themes
    .map((t) => themeItem(t, facts))
    .filter((i) => i.sources.length >= 2)
    .sort((a, b) => b.constituencies.length - a.constituencies.length || b.contributions - a.contributions || (a.key < b.key ? -1 : 1));

  const known = (i: SummaryItem) => i.constituencies.filter((c) => c !== 'other');
  const keyEmphases = ranked.slice(0, MAX_EMPHASES).map((i) => ({ ...i, id: randomUUID() }));
  const convergence = ranked.filter((i) => known(i).length >= 2).slice(0, MAX_CONVERGENCE).map((i) => ({ ...i, id: randomUUID() }));
  const single = ranked
    .filter((i) => i.constituencies.length === 1 && known(i).length === 1)
    .slice(0, MAX_SINGLE)
    .map((i) => ({ ...i, id: randomUUID(), key: `gap:${i.key.replace(/^theme:/, '')}`, kind: 'single-constituency' as const }));

  const counts = participation.questions.map((q) => q.contributions).sort((a, b) => a - b);
  const median = counts.length ? counts[Math.floor((counts.length - 1) / 2)] : 0;
  const threshold = Math.max(3, median / 2);
  const quiet = participation.questions
    .filter((q) => q.contributions < threshold)
    .map(
      (q): SummaryItem =>
        item('low-engagement', `question:${q.spaceId}`, {
          contributions: q.contributions,
          participants: q.participants,
          questions: [q.number],
        }),
    );

  return { keyEmphases, convergence, priorities: priorities(digests, facts), gaps: [...single, ...quiet] };
}

function mergeThemes(digests: DigestInput[], facts: Map<string, ContributionFact>): MergedTheme[] {
  const merged: MergedTheme[] = [];
  const all = digests.flatMap((d) => d.themes).sort((a, b) => b.contributionIds.length - a.contributionIds.length || (a.key < b.key ? -1 : 1));
  for (const theme of all) {
    const forms = [theme.key, ...theme.variants].map((k) => [k, stemsOf(k)] as const);
    // each digest folded its own near-synonyms already; across questions a theme is the same key, or one containing the other
    const host =
      merged.find((m) => forms.some(([k]) => m.forms.has(k))) ??
      merged.find((m) => prefix(m.key) === prefix(theme.key) && [...m.forms.values()].some((f) => forms.some(([, g]) => subset(f, g) || subset(g, f))));
    const target: MergedTheme = host ?? { key: theme.key, forms: new Map(), labels: new Map(), sources: new Set(), quotes: new Map() };
    if (!host) merged.push(target);
    for (const [k, g] of forms) if (!target.forms.has(k)) target.forms.set(k, g);
    target.labels.set(theme.label, (target.labels.get(theme.label) ?? 0) + theme.contributionIds.length);
    for (const id of theme.contributionIds) if (facts.has(id)) target.sources.add(id);
    for (const q of theme.quotes) if (facts.has(q.contributionId)) target.quotes.set(q.contributionId, q);
  }
  return merged;
}

function themeItem(t: MergedTheme, facts: Map<string, ContributionFact>): SummaryItem {
  const sources = [...t.sources];
  const who = new Map<Constituency, number>();
  const authors = new Set<string>();
  const questions = new Set<number>();
  for (const id of sources) {
    const f = facts.get(id)!;
    who.set(f.constituency, (who.get(f.constituency) ?? 0) + 1);
    authors.add(f.authorId);
    questions.add(f.number);
  }
  const label = [...t.labels].sort((a, b) => b[1] - a[1] || a[0].length - b[0].length || (a[0] < b[0] ? -1 : 1))[0][0];
  return item('theme', `theme:${t.key}`, {
    label,
    constituencies: [...who].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([c]) => c),
    contributions: sources.length,
    participants: authors.size,
    questions: [...questions].sort((a, b) => a - b),
    sources,
    quotes: pickQuotes([...t.quotes.values()], facts),
  });
}

/** At most one quote per author, different constituencies first. */
function pickQuotes(quotes: SummaryQuote[], facts: Map<string, ContributionFact>): SummaryQuote[] {
  const byAuthor = new Map<string, SummaryQuote>();
  for (const q of quotes) {
    const author = facts.get(q.contributionId)!.authorId;
    if (!byAuthor.has(author)) byAuthor.set(author, q);
  }
  const candidates = [...byAuthor.values()];
  const chosen: SummaryQuote[] = [];
  const seen = new Set<Constituency>();
  for (const q of candidates) {
    if (chosen.length < QUOTES && !seen.has(q.constituency)) {
      chosen.push(q);
      seen.add(q.constituency);
    }
  }
  for (const q of candidates) if (chosen.length < QUOTES && !chosen.includes(q)) chosen.push(q);
  return chosen;
}

/** What moderators marked as priorities; the same theme marked in several questions is one priority. */
function priorities(digests: DigestInput[], facts: Map<string, ContributionFact>): SummaryItem[] {
  const byKey = new Map<string, SummaryItem>();
  for (const d of digests) {
    for (const kp of d.keyPoints.filter((k) => k.priority)) {
      const key = kp.themeKey ? `priority:theme:${kp.themeKey}` : `priority:${d.id}:${kp.id}`;
      const sources = kp.sources.filter((s) => facts.has(s));
      const existing = byKey.get(key);
      if (existing) {
        existing.sources = [...new Set([...existing.sources, ...sources])];
        existing.questions = [...new Set([...existing.questions, d.number])].sort((a, b) => a - b);
        continue;
      }
      byKey.set(key, item('priority', key, { sourceText: kp.text, sources, questions: [d.number] }));
    }
  }
  for (const p of byKey.values()) {
    const who = new Set(p.sources.map((s) => facts.get(s)!.constituency));
    p.constituencies = [...who].sort();
    p.contributions = p.sources.length;
    p.participants = new Set(p.sources.map((s) => facts.get(s)!.authorId)).size;
  }
  return [...byKey.values()];
}

export function item(kind: ItemKind, key: string, fields: Partial<SummaryItem> = {}): SummaryItem {
  return {
    id: randomUUID(),
    key,
    kind,
    label: null,
    text: null,
    phrased: null,
    sourceText: null,
    constituencies: [],
    contributions: 0,
    participants: 0,
    questions: [],
    sources: [],
    quotes: [],
    edited: false,
    ...fields,
  };
}

const stemsOf = (key: string) => new Set(key.replace(/^[a-z]{2}:/, '').split(' '));
const prefix = (key: string) => /^([a-z]{2}):/.exec(key)?.[1] ?? '';

function subset(small: Set<string>, big: Set<string>): boolean {
  for (const s of small) if (!big.has(s)) return false;
  return true;
}
