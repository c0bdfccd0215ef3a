import { randomUUID } from 'node:crypto';
import type { Constituency } from '@roundtable/core';
import type { KeyPoint, ObjectiveCoverage, Theme } from '@roundtable/digests';
import type { Region } from './regions';
import type { ItemKind, Participation, SummaryItem, SummaryQuote, SummarySections } from './summary.types';

/** A published digest as compiled: its published key points, its themes and how it covered the objectives. */
export interface DigestInput {
  id: string;
  spaceId: string;
  number: number;
  themes: Theme[];
  /** Phrases one author wrote in that question: a theme once someone else writes them in another question. */
  lone?: Theme[];
  keyPoints: KeyPoint[];
  objectives?: ObjectiveCoverage[];
}

/** A participant's contribution that counts: published, in the period, in one of the roundtable's questions (moderators' and organisers' are not facts). */
export interface ContributionFact {
  authorId: string;
  constituency: Constituency;
  number: number;
  /** The UN M49 region of the author's country, when the profile gives one. */
  region?: Region | null;
}

/** An objective of the roundtable as the organiser wrote it. */
export interface ObjectiveInput {
  number: number;
  text: string;
  /** The organiser's English, French and Spanish versions of it, where given. */
  translations?: Partial<Record<'en' | 'fr' | 'es', string>>;
}

const MAX_EMPHASES = 8;
const MAX_CONVERGENCE = 10;
const MAX_ACTIONS = 10;
const MAX_SINGLE = 8;
const QUOTES = 6;
const CALL_QUOTES = 6;
/** A single-word theme raised in more than this share of the participants' contributions is the roundtable's subject. */
const SUBJECT_SHARE = 0.35;

interface MergedTheme {
  key: string;
  /** The stem sets of every key folded in, once each. */
  forms: Map<string, Set<string>>;
  labels: Map<string, number>;
  sources: Set<string>;
  quotes: Map<string, SummaryQuote>;
  calls: Map<string, SummaryQuote>;
  synopsis: { quote: SummaryQuote; weight: number } | null;
  /** Only phrases single authors wrote, one question each: a theme only when said in two questions or more. */
  lone: boolean;
}

/**
 * The generated sections of a stocktaking summary, from the published digests of the
 * roundtable's questions. Themes of different questions with the same key (or one
 * containing the other) are one theme; who raised it is read from the participants'
 * contributions themselves, so figures are the database's. Key emphases: the broadest
 * themes, each said in one sentence; convergence: themes raised by at least two named
 * constituencies; priorities for action: the calls for action of each theme, and what
 * moderators marked; gaps: objectives few addressed, themes raised by one constituency
 * only, and questions with little engagement.
 */
export function compileSections(
  digests: DigestInput[],
  facts: Map<string, ContributionFact>,
  participation: Participation,
  objectives: ObjectiveInput[] = [],
): Omit<SummarySections, 'introduction' | 'participationText' | 'regionsText' | 'dropped'> {
  const themes = mergeThemes(digests, facts);
  // a single word that most of the roundtable uses is its subject ("migration"), not one of its topics
  const subject = Math.max(4, SUBJECT_SHARE * facts.size);
  const items = themes
    .map((t) => ({ theme: t, item: themeItem(t, facts) }))
    .filter(
      (x) =>
        x.item.sources.length >= 2 &&
        x.item.participants >= 2 &&
        (x.theme.key.includes(' ') || x.item.sources.length <= subject),
    )
    .filter((x) => !x.theme.lone || x.item.questions.length >= 2);
  items.sort(
    (a, b) =>
      breadth(b.item) - breadth(a.item) ||
      b.item.contributions - a.item.contributions ||
      (a.item.key < b.item.key ? -1 : 1),
  );
  const ranked = items.map((x) => x.item);
  // a key point the moderator reworded says the theme as they wrote it
  const reworded = new Map(
    digests.flatMap((d) =>
      d.keyPoints.filter((k) => k.edited && k.themeKey).map((k) => [k.themeKey!, k.text] as const),
    ),
  );
  for (const { theme, item: i } of items) {
    const text = [...theme.forms.keys()].map((k) => reworded.get(k)).find(Boolean);
    if (text) i.sourceText = text;
  }

  const keyEmphases = ranked.slice(0, MAX_EMPHASES).map((i) => ({ ...i, id: randomUUID() }));
  const convergence = ranked
    .filter((i) => known(i).length >= 2)
    .slice(0, MAX_CONVERGENCE)
    .map((i) => ({ ...i, id: randomUUID(), synopsis: null, quotes: onePerConstituency(i.quotes) }));
  const single = ranked
    .filter((i) => known(i).length === 1)
    .slice(0, MAX_SINGLE)
    .map((i) => ({
      ...i,
      id: randomUUID(),
      key: `gap:${i.key.replace(/^theme:/, '')}`,
      kind: 'single-constituency' as const,
      synopsis: null,
    }));
  const called = new Set<string>();
  const actions = items
    .map((x) => actionItem(x.theme, x.item, facts, called))
    .filter((i): i is SummaryItem => i !== null)
    .sort((a, b) => known(b).length - known(a).length || b.participants - a.participants || (a.key < b.key ? -1 : 1))
    .slice(0, MAX_ACTIONS);

  const counts = participation.questions.map((q) => q.contributions).sort((a, b) => a - b);
  const median = counts.length ? counts[Math.floor((counts.length - 1) / 2)] : 0;
  const threshold = Math.max(3, median / 2);
  const quiet = participation.questions
    .filter((q) => q.contributions < threshold)
    .map((q): SummaryItem =>
      item('low-engagement', `question:${q.spaceId}`, {
        contributions: q.contributions,
        participants: q.participants,
        questions: [q.number],
      }),
    );

  return {
    keyEmphases,
    convergence,
    priorities: [...actions, ...priorities(digests, facts)],
    gaps: [...objectiveGaps(objectives, digests, facts), ...single, ...quiet],
  };
}

const known = (i: SummaryItem) => i.constituencies.filter((c) => c !== 'other');
/** Breadth first: named constituencies, then people, then questions. */
const breadth = (i: SummaryItem) => known(i).length * 10_000 + i.participants * 100 + i.questions.length;

function mergeThemes(digests: DigestInput[], facts: Map<string, ContributionFact>): MergedTheme[] {
  const merged: MergedTheme[] = [];
  const all = digests
    .flatMap((d) => d.themes)
    .sort((a, b) => b.contributionIds.length - a.contributionIds.length || (a.key < b.key ? -1 : 1));
  // after the themes: a phrase one author wrote joins a theme of another question, or meets the same phrase there
  const lone = new Set(
    digests.flatMap((d) => d.lone ?? []).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)),
  );
  for (const theme of [...all, ...lone]) {
    const forms = [theme.key, ...theme.variants].map((k) => [k, stemsOf(k)] as const);
    // each digest folded its own near-synonyms already; across questions a theme is the same key, or one containing the other
    const host =
      merged.find((m) => forms.some(([k]) => m.forms.has(k))) ??
      merged.find(
        (m) =>
          prefix(m.key) === prefix(theme.key) &&
          [...m.forms.values()].some(
            (f) => f.size >= 2 && forms.some(([, g]) => g.size >= 2 && (subset(f, g) || subset(g, f))),
          ),
      );
    const target: MergedTheme = host ?? {
      key: theme.key,
      forms: new Map(),
      labels: new Map(),
      sources: new Set(),
      quotes: new Map(),
      calls: new Map(),
      synopsis: null,
      lone: lone.has(theme),
    };
    if (!host) merged.push(target);
    for (const [k, g] of forms) if (!target.forms.has(k)) target.forms.set(k, g);
    target.labels.set(theme.label, (target.labels.get(theme.label) ?? 0) + theme.contributionIds.length);
    for (const id of theme.contributionIds) if (facts.has(id)) target.sources.add(id);
    for (const q of theme.quotes) if (facts.has(q.contributionId)) target.quotes.set(q.contributionId, q);
    for (const q of theme.calls ?? []) if (facts.has(q.contributionId)) target.calls.set(q.contributionId, q);
    // the theme is said by the central sentence of the question that discussed it most
    const s = theme.synopsis;
    if (s && facts.has(s.contributionId) && (!target.synopsis || theme.contributionIds.length > target.synopsis.weight))
      target.synopsis = { quote: s, weight: theme.contributionIds.length };
  }
  return foldSingleWords(merged);
}

/** A single-word theme of one question mostly said, in the others, inside a phrase theme containing the word is that theme ("pathways" in "regular pathways"). */
function foldSingleWords(merged: MergedTheme[]): MergedTheme[] {
  const out = merged.filter((m) => [...m.forms.values()].some((f) => f.size >= 2));
  for (const single of merged.filter((m) => !out.includes(m))) {
    const stems = [...single.forms.values()].flatMap((f) => [...f]);
    const host = out.find(
      (m) =>
        prefix(m.key) === prefix(single.key) &&
        [...m.forms.values()].some((f) => stems.some((x) => f.has(x))) &&
        share(single.sources, m.sources) >= 0.5,
    );
    if (!host) {
      out.push(single);
      continue;
    }
    for (const [k, f] of single.forms) if (!host.forms.has(k)) host.forms.set(k, f);
    for (const id of single.sources) host.sources.add(id);
    for (const [id, q] of single.quotes) if (!host.quotes.has(id)) host.quotes.set(id, q);
    for (const [id, q] of single.calls) if (!host.calls.has(id)) host.calls.set(id, q);
  }
  return out;
}

/** |a ∩ b| / |a| */
function share(a: Set<string>, b: Set<string>): number {
  let both = 0;
  for (const x of a) if (b.has(x)) both += 1;
  return a.size === 0 ? 0 : both / a.size;
}

function themeItem(t: MergedTheme, facts: Map<string, ContributionFact>): SummaryItem {
  const sources = [...t.sources];
  const label = [...t.labels].sort((a, b) => b[1] - a[1] || a[0].length - b[0].length || (a[0] < b[0] ? -1 : 1))[0][0];
  return item('theme', `theme:${t.key}`, {
    label,
    ...who(sources, facts),
    sources,
    quotes: pickQuotes([...t.quotes.values()], facts),
    synopsis: t.synopsis?.quote ?? null,
  });
}

/**
 * The calls for action of a theme: who called for them, the clearest one first, one per
 * author. A call that carries several themes is listed under the broadest one only
 * (`called` holds those already listed).
 */
function actionItem(
  t: MergedTheme,
  theme: SummaryItem,
  facts: Map<string, ContributionFact>,
  called: Set<string>,
): SummaryItem | null {
  const fresh = [...t.calls.values()].filter((q) => !called.has(`${q.contributionId}|${q.text}`));
  const calls = pickQuotes(fresh, facts, CALL_QUOTES);
  if (calls.length === 0) return null;
  for (const q of fresh) called.add(`${q.contributionId}|${q.text}`);
  const sources = [...new Set(fresh.map((q) => q.contributionId))];
  return item('action', `action:${t.key}`, {
    label: theme.label,
    ...who(sources, facts),
    sources,
    quotes: calls,
    synopsis: calls[0],
  });
}

function who(
  sources: string[],
  facts: Map<string, ContributionFact>,
): Pick<SummaryItem, 'constituencies' | 'contributions' | 'participants' | 'questions' | 'regions'> {
  const by = new Map<Constituency, number>();
  const regions = new Map<Region, number>();
  const authors = new Set<string>();
  const questions = new Set<number>();
  for (const id of sources) {
    const f = facts.get(id)!;
    by.set(f.constituency, (by.get(f.constituency) ?? 0) + 1);
    authors.add(f.authorId);
    questions.add(f.number);
    if (f.region) regions.set(f.region, (regions.get(f.region) ?? 0) + 1);
  }
  return {
    regions: [...regions].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([r]) => r),
    constituencies: [...by].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([c]) => c),
    contributions: sources.length,
    participants: authors.size,
    questions: [...questions].sort((a, b) => a - b),
  };
}

/** Objectives that few participants addressed: fewer than a third of the best-covered one, and at most 2. */
function objectiveGaps(
  objectives: ObjectiveInput[],
  digests: DigestInput[],
  facts: Map<string, ContributionFact>,
): SummaryItem[] {
  if (objectives.length === 0 || !digests.some((d) => d.objectives)) return [];
  const covered = new Map<number, Set<string>>(objectives.map((o) => [o.number, new Set()]));
  for (const d of digests)
    for (const o of d.objectives ?? [])
      for (const id of o.contributionIds) if (facts.has(id)) covered.get(o.number)?.add(id);
  const most = Math.max(0, ...[...covered.values()].map((s) => s.size));
  const few = Math.min(2, Math.floor(most / 3));
  return objectives
    .filter((o) => covered.get(o.number)!.size <= few)
    .map((o) => {
      const sources = [...covered.get(o.number)!];
      return item('objective', `objective:${o.number}`, {
        label: o.text,
        objective: o.number,
        ...who(sources, facts),
        sources,
      });
    });
}

/** At most one quote per author, different constituencies first; each ends on its own sentence boundary. */
function pickQuotes(quotes: SummaryQuote[], facts: Map<string, ContributionFact>, limit = QUOTES): SummaryQuote[] {
  const byAuthor = new Map<string, SummaryQuote>();
  for (const q of quotes) {
    const author = facts.get(q.contributionId)!.authorId;
    const current = byAuthor.get(author);
    if (!current || (!whole(current.text) && whole(q.text))) byAuthor.set(author, q);
  }
  const candidates = [...byAuthor.values()].sort((a, b) => Number(whole(b.text)) - Number(whole(a.text)));
  const chosen: SummaryQuote[] = [];
  const seen = new Set<Constituency>();
  for (const q of candidates) {
    if (chosen.length < limit && !seen.has(q.constituency)) {
      chosen.push(q);
      seen.add(q.constituency);
    }
  }
  for (const q of candidates) if (chosen.length < limit && !chosen.includes(q)) chosen.push(q);
  return chosen;
}

/** One quote for each named constituency (convergence shows who converges). */
function onePerConstituency(quotes: SummaryQuote[]): SummaryQuote[] {
  const seen = new Set<Constituency>();
  return quotes.filter((q) => q.constituency !== 'other' && !seen.has(q.constituency) && !!seen.add(q.constituency));
}

const whole = (text: string) => /[.!?…]["'”’»)]*$/.test(text.trim());

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
