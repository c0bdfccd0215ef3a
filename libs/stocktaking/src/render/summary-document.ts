import type { Constituency, Language } from '@roundtable/core';
import type { ListSection, QuestionFigures, SummaryContent, SummaryItem, SummaryQuote } from '../compile/summary.types';
import { CATALOGUES, Catalogue } from '../i18n/catalogue';
import { labelLanguage, objectiveFocus, paragraphs, TranslatedTexts, writtenIn } from './free-text';

export interface SourceRef {
  n: number;
  url: string;
}

export interface DocQuote {
  text: string;
  attribution: string;
}

export interface DocItem {
  text: string;
  sources: SourceRef[];
  moreSources: number;
  quotes: DocQuote[];
}

export type Block =
  | { type: 'heading'; level: 1 | 2 | 3; text: string }
  | { type: 'paragraph'; text: string; note?: boolean }
  | { type: 'list'; ordered: boolean; items: DocItem[] }
  | { type: 'table'; header: string[]; rows: string[][] };

/** What each exporter renders: the same blocks, so Markdown, HTML, PDF and DOCX say the same. */
export interface SummaryDocument {
  lang: Language;
  title: string;
  blocks: Block[];
}

export interface SourceInfo {
  authorName: string;
  constituency: Constituency;
  number: number;
}

export interface DocumentInput {
  roundtableTitle: string;
  periodStart: Date;
  periodEnd: Date;
  published: boolean;
  language: Language;
  content: SummaryContent;
  texts: TranslatedTexts;
  sourceInfo: Map<string, SourceInfo>;
  appUrl: string;
}

const SOURCES_SHOWN = 12;
const SOURCE_LIST_MAX = 400;

/** The rendered wording of a statement in the catalogue's language. */
export function statement(
  item: SummaryItem,
  section: ListSection,
  cat: Catalogue,
  texts: TranslatedTexts,
  summaryLanguage: Language,
): { text: string; machine: boolean } {
  if (item.text) return texts.get({ text: item.text, language: writtenIn(item.text, summaryLanguage) });
  if (item.phrased) return texts.get({ text: item.phrased, language: 'en' });
  const named = item.constituencies.filter((c) => c !== 'other');
  const who = cat.list((named.length ? named : item.constituencies).map((c) => cat.constituencies[c]));
  if (item.sourceText) {
    const t = texts.get({ text: item.sourceText, language: writtenIn(item.sourceText, 'en') });
    return { text: `${t.text} ${cat.questionRef(item.questions)}`, machine: t.machine };
  }
  if (item.kind === 'low-engagement')
    return { text: cat.quiet(item.questions[0], item.contributions, item.participants), machine: false };
  if (item.kind === 'objective') {
    const t = texts.get({
      text: objectiveFocus(item.label ?? ''),
      language: writtenIn(item.label ?? '', summaryLanguage),
    });
    return { text: cat.objectiveGap(item.objective ?? 0, t.text, item.contributions), machine: t.machine };
  }
  const label = texts.get({ text: item.label ?? '', language: labelLanguage(item) });
  const name = capitalise(label.text);
  const said =
    item.synopsis && (section === 'keyEmphases' || item.kind === 'action') ? quoteText(item.synopsis, texts) : null;
  let text: string;
  if (item.kind === 'single-constituency') text = cat.single(name, who, item.contributions);
  else if (section === 'convergence') text = cat.convergence(name, named.length, who, item.contributions);
  else if (item.kind === 'action' && said)
    text = cat.action(
      name,
      said.text,
      cat.from(
        who,
        (item.regions ?? []).map((r) => cat.region[r]),
      ),
    );
  else if (said)
    text = cat.keyEmphasis(
      name,
      said.text,
      cat.from(
        who,
        (item.regions ?? []).map((r) => cat.region[r]),
      ),
    );
  else text = cat.emphasis(name, item.contributions, item.questions.length, who);
  return { text, machine: label.machine || !!said?.machine };
}

/** A quoted sentence in the reader's language: as written, its published translation, or the analysis' English side. */
export function quoteText(q: SummaryQuote, texts: TranslatedTexts): { text: string; machine: boolean } {
  const t = texts.get({ text: q.text, language: q.language });
  if (t.machine || q.language === texts.target || texts.target !== 'en' || !q.english) return t;
  return { text: q.english, machine: true };
}

/** Who said a quote, each name once: "Ana Ruiz, Red Migrante (civil society)", "Canada (State)". */
export function attribution(q: SummaryQuote, cat: Catalogue): string {
  const name = q.authorName.trim();
  const org = q.organisation?.trim();
  const same = (a: string, b: string) => a.toLowerCase().includes(b.toLowerCase());
  const who = org && !same(name, org) && !same(org, name) ? `${name}, ${org}` : name || org || '';
  return `${who} (${cat.constituency[q.constituency]})`;
}

export function participationSentence(content: SummaryContent, cat: Catalogue): string {
  const p = content.participation;
  return cat.participants(
    p.participants,
    p.groups.map((g) => cat.group(g)),
    p.verified,
  );
}

/** "They came from 12 countries in 3 regions: Africa, the Americas and Europe." (null when no profile names a country) */
export function regionsSentence(content: SummaryContent, cat: Catalogue): string | null {
  const regions = content.participation.regions ?? [];
  if (regions.length === 0) return null;
  return cat.regions(
    regions.reduce((n, r) => n + r.countries, 0),
    regions.map((r) => cat.region[r.region]),
  );
}

export function questionSentence(q: QuestionFigures, cat: Catalogue): string {
  return cat.question(q.number, q.contributions, q.participants, q.replies, q.moderatorContributions);
}

/** Builds the document of a summary in one language. */
export function buildDocument(input: DocumentInput, lang: Language): SummaryDocument {
  const cat = CATALOGUES[lang];
  const { content, texts } = input;
  const s = content.sections;
  const p = content.participation;
  const blocks: Block[] = [];
  let machine = false;
  const free = (text: string) => {
    const t = texts.get({ text, language: writtenIn(text, input.language) });
    machine ||= t.machine;
    return t.text;
  };

  const numbers = new Map<string, number>();
  const refs = (ids: string[]): { sources: SourceRef[]; moreSources: number } => {
    const sources = ids.slice(0, SOURCES_SHOWN).map((id) => {
      if (!numbers.has(id)) numbers.set(id, numbers.size + 1);
      return { n: numbers.get(id)!, url: `${input.appUrl.replace(/\/+$/, '')}/contributions/${id}` };
    });
    return { sources, moreSources: Math.max(0, ids.length - SOURCES_SHOWN) };
  };

  blocks.push({
    type: 'paragraph',
    text: cat.period(day(input.periodStart), day(new Date(input.periodEnd.getTime() - 1))),
    note: true,
  });
  if (!input.published) blocks.push({ type: 'paragraph', text: cat.draftNotice, note: true });

  if (s.introduction) {
    blocks.push({ type: 'heading', level: 2, text: cat.headings.introduction });
    for (const para of paragraphs(s.introduction)) blocks.push({ type: 'paragraph', text: free(para) });
  }

  blocks.push({ type: 'heading', level: 2, text: cat.headings.participation });
  blocks.push({
    type: 'paragraph',
    text: s.participationText ? free(s.participationText) : participationSentence(content, cat),
  });
  // the regions keep their own paragraph, as the rapporteur worded it or generated, whatever became of the participation text
  const regions = s.regionsText ? free(s.regionsText) : regionsSentence(content, cat);
  if (regions) blocks.push({ type: 'paragraph', text: regions });
  blocks.push({
    type: 'paragraph',
    text: cat.moderators(p.moderators, p.moderatorContributions, p.contributions, p.participantContributions),
  });
  blocks.push({ type: 'heading', level: 3, text: cat.headings.questions });
  blocks.push({
    type: 'list',
    ordered: false,
    items: p.questions.map((q) => ({ text: questionSentence(q, cat), sources: [], moreSources: 0, quotes: [] })),
  });

  const section = (name: ListSection, heading: string) => {
    const items = s[name];
    if (items.length === 0) return;
    blocks.push({ type: 'heading', level: 2, text: heading });
    blocks.push({
      type: 'list',
      ordered: name === 'priorities',
      items: items.map((item) => {
        const st = statement(item, name, cat, texts, input.language);
        machine ||= st.machine;
        // quotes show who converges, and who else called for an action; elsewhere they would repeat the statement
        const quotes =
          name === 'convergence'
            ? item.quotes
            : item.kind === 'action'
              ? item.quotes.filter((q) => q.contributionId !== item.synopsis?.contributionId)
              : [];
        return {
          text: item.stale ? `${st.text} ${cat.stale}` : st.text,
          ...refs(item.sources),
          quotes: quotes.map((q) => {
            // a quote is what its author wrote (or its published translation), never the analysis' working translation
            const t = texts.get({ text: q.text, language: q.language });
            machine ||= t.machine;
            return { text: t.text, attribution: attribution(q, cat) };
          }),
        };
      }),
    });
  };
  section('keyEmphases', cat.headings.keyEmphases);
  section('convergence', cat.headings.convergence);
  section('priorities', cat.headings.priorities);
  section('gaps', cat.headings.gaps);

  const a = content.annex;
  blocks.push({ type: 'heading', level: 2, text: cat.headings.annex });
  blocks.push({
    type: 'table',
    header: [
      cat.annex.question,
      ...a.constituencies.map((c) => capitalise(cat.constituency[c])),
      cat.annex.moderators,
      cat.annex.total,
    ],
    rows: [
      ...a.rows.map((r) => [
        String(r.number),
        ...a.constituencies.map((c) => String(r.counts[c] ?? 0)),
        String(r.moderators),
        String(r.total),
      ]),
      [
        cat.annex.totals,
        ...a.constituencies.map((c) => String(a.totals.counts[c] ?? 0)),
        String(a.totals.moderators),
        String(a.totals.total),
      ],
    ],
  });

  if (numbers.size > 0) {
    blocks.push({ type: 'heading', level: 2, text: cat.headings.sources });
    const listed = [...numbers].slice(0, SOURCE_LIST_MAX);
    blocks.push({
      type: 'list',
      ordered: false,
      items: listed.map(([id, n]) => {
        const info = input.sourceInfo.get(id);
        const who = info
          ? `${info.authorName} (${cat.constituency[info.constituency]}), ${cat.annex.question.toLowerCase()} ${info.number}`
          : id;
        return {
          text: who,
          sources: [{ n, url: `${input.appUrl.replace(/\/+$/, '')}/contributions/${id}` }],
          moreSources: 0,
          quotes: [],
        };
      }),
    });
    if (numbers.size > SOURCE_LIST_MAX)
      blocks.push({ type: 'paragraph', text: cat.more(numbers.size - SOURCE_LIST_MAX), note: true });
  }
  if (machine) blocks.splice(1, 0, { type: 'paragraph', text: cat.machineNotice, note: true });

  return { lang, title: `${cat.title} — ${input.roundtableTitle}`, blocks };
}

function day(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function capitalise(text: string): string {
  return text ? text[0].toUpperCase() + text.slice(1) : text;
}
