import { completePrompt } from '@roundtable/core';
import type { Language, Multilingual, Period } from '@roundtable/core';
import type { DigestContentRow, RawItem, RawOutcome, RawPublication, RawSpace } from './digest-content.query';
import type { DigestLinks } from './digest-links';

/** One contribution as a digest shows it. */
export interface DigestItem {
  id: string;
  url: string;
  author: string;
  organisation: string | null;
  excerpt: string;
  replyCount: number;
  /** Replying to someone: their name. */
  inReplyTo: string | null;
  /** Shown in a translation: the catalogue key naming the original language (machine-made or corrected by people), and a link to the original. */
  machineTranslatedKey: string | null;
  originalUrl: string | null;
  /** Shown as written, in another language than the member's (no translation yet). */
  writtenInKey: string | null;
}

export interface DigestQuestion {
  number: number;
  prompt: string;
  url: string;
  total: number;
  items: DigestItem[];
  /** How many more than shown (the link shows them all). */
  more: number;
}

export interface DigestRoundtable {
  number: number;
  title: string;
  questions: DigestQuestion[];
}

export interface DigestOutcome {
  /** Catalogue key of what happened (`outcome.hide`, …). */
  key: string;
  reason: string | null;
  excerpt: string;
  url: string;
}

export interface DigestPublication {
  /** Catalogue key (`publication.moderatorDigest`, `publication.stocktaking`). */
  key: string;
  roundtableNumber: number;
  roundtableTitle: string;
  /** A moderator digest's question; null for a roundtable's stocktaking summary. */
  questionNumber: number | null;
  url: string;
}

/** Everything the template needs, in the member's language. */
export interface DigestView {
  lang: Language;
  name: string;
  consultation: string;
  period: string;
  counts: {
    total: number;
    contributions: number;
    replies: number;
    highlights: number;
    outcomes: number;
    publications: number;
  };
  highlights: DigestItem[];
  replies: DigestItem[];
  roundtables: DigestRoundtable[];
  publications: DigestPublication[];
  outcomes: DigestOutcome[];
  links: { settings: string; unsubscribe: string; home: string };
}

const EXCERPT_CHARS = 280;

/** Why a member gets no digest at all for the consultation, or null when they get one (if it has content). */
export function whyNoDigest(row: DigestContentRow): string | null {
  const me = row.me;
  if (!me) return 'account removed';
  if (!me.email) return 'no email address';
  if (me.digest !== 'weekly') return 'unsubscribed';
  if (me.digest_paused_at) return 'paused after bounces';
  if (me.suspended) return 'suspended';
  if (row.spaces.length === 0) return 'no space in this consultation';
  return null;
}

/** The text of a multilingual field in `lang`, else in English, else in any language it has. */
export function pick(text: Multilingual | null | undefined, lang: Language): string {
  if (!text) return '';
  return text[lang] ?? text.en ?? Object.values(text).find((v) => !!v) ?? '';
}

/** Whitespace collapsed, cut at a word boundary near `max` characters. */
export function excerpt(text: string, max = EXCERPT_CHARS): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s.,;:!?-]+$/, '')}…`;
}

/**
 * Turns the rows of one member's digest into what the email shows: grouped by roundtable
 * and question (in their order), the most-discussed first in each; replies to the member;
 * highlights; publications; moderation outcomes; counts. Null when there is nothing to
 * tell: an empty digest is not sent.
 */
export function buildDigestView(
  row: DigestContentRow,
  window: Period,
  links: DigestLinks,
  unsubscribeUrl: string,
): DigestView | null {
  const me = row.me!;
  const lang = me.preferred_language;
  const item = (raw: RawItem): DigestItem => toItem(raw, lang, links);

  const bySpace = new Map<string, RawItem[]>();
  for (const raw of row.items) bySpace.set(raw.space_id, [...(bySpace.get(raw.space_id) ?? []), raw]);

  const roundtables: DigestRoundtable[] = [];
  for (const space of row.spaces) {
    const shown = bySpace.get(space.id);
    if (!shown?.length) continue;
    let roundtable = roundtables.find((r) => r.number === space.roundtable_number);
    if (!roundtable) {
      roundtable = { number: space.roundtable_number, title: pick(space.roundtable_title, lang), questions: [] };
      roundtables.push(roundtable);
    }
    roundtable.questions.push(
      toQuestion(space, shown.map(item), Number(row.totals[space.id] ?? shown.length), lang, links),
    );
  }

  const contributions = roundtables.reduce((n, r) => n + r.questions.reduce((m, q) => m + q.total, 0), 0);
  const outcomes = row.outcomes.map((o) => toOutcome(o, links));
  const publications = (row.publications ?? []).map((p) => toPublication(p, lang, links));
  const counts = {
    contributions,
    replies: row.replies_total,
    highlights: row.highlights.length,
    outcomes: outcomes.length,
    publications: publications.length,
    total: 0,
  };
  counts.total = counts.contributions + counts.replies + counts.highlights + counts.outcomes + counts.publications;
  if (counts.total === 0) return null;

  const timezone = row.consultation?.timezone ?? 'UTC';
  return {
    lang,
    name: me.display_name,
    consultation: pick(row.consultation?.title, lang),
    period: formatPeriod(window.start, window.end, lang, timezone),
    counts,
    highlights: row.highlights.map(item),
    replies: row.replies.map(item),
    roundtables,
    publications,
    outcomes,
    links: { settings: links.settings(), unsubscribe: unsubscribeUrl, home: links.home() },
  };
}

function toItem(raw: RawItem, lang: Language, links: DigestLinks): DigestItem {
  const foreign = raw.language !== null && raw.language !== lang;
  const translated = foreign && !!raw.translated;
  return {
    id: raw.id,
    url: links.contribution(raw.space_id, raw.id),
    author: raw.author_name,
    organisation: raw.author_organisation,
    excerpt: excerpt(translated ? raw.translated! : raw.body),
    replyCount: raw.reply_count,
    inReplyTo: raw.parent_id ? raw.parent_author_name : null,
    machineTranslatedKey: translated
      ? `${raw.translated_by_machine === false ? 'correctedTranslationFrom' : 'machineTranslatedFrom'}.${raw.language}`
      : null,
    originalUrl: translated ? links.original(raw.space_id, raw.id, raw.language!) : null,
    writtenInKey: foreign && !translated ? `writtenIn.${raw.language}` : null,
  };
}

function toQuestion(
  space: RawSpace,
  items: DigestItem[],
  total: number,
  lang: Language,
  links: DigestLinks,
): DigestQuestion {
  const prompt = completePrompt(space.prompt, space.prompt_translations);
  return {
    number: space.number,
    prompt: excerpt(pick(prompt, lang), 200),
    url: links.space(space.id),
    total,
    items,
    more: Math.max(0, total - items.length),
  };
}

function toPublication(raw: RawPublication, lang: Language, links: DigestLinks): DigestPublication {
  return {
    key: `publication.${raw.kind}`,
    roundtableNumber: raw.roundtable_number,
    roundtableTitle: pick(raw.roundtable_title, lang),
    questionNumber: raw.kind === 'moderatorDigest' ? raw.space_number : null,
    url: raw.kind === 'stocktaking' ? links.stocktaking(raw.id) : links.moderatorDigest(raw.id),
  };
}

function toOutcome(raw: RawOutcome, links: DigestLinks): DigestOutcome {
  return {
    key: `outcome.${raw.action}`,
    reason: raw.reason,
    excerpt: excerpt(raw.body, 160),
    url: links.contribution(raw.space_id, raw.contribution_id),
  };
}

const DATE_FORMATS = new Map<string, Intl.DateTimeFormat>();
const PERIODS = new Map<string, string>();

/**
 * "6 – 13 January 2025", as the member's language writes a range, in the consultation's
 * timezone. ICU is slow at this (a formatter costs ~0.5 ms to build, a range ~0.1 ms to
 * format) and every member of a run has the same period: both are remembered.
 */
export function formatPeriod(start: Date, end: Date, lang: Language, timeZone: string): string {
  const key = `${lang} ${timeZone} ${start.getTime()} ${end.getTime()}`;
  let text = PERIODS.get(key);
  if (text === undefined) {
    const zone = `${lang} ${timeZone}`;
    let format = DATE_FORMATS.get(zone);
    if (!format) {
      try {
        format = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone });
      } catch {
        format = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' });
      }
      DATE_FORMATS.set(zone, format);
    }
    text = format.formatRange(start, end);
    if (PERIODS.size > 10_000) PERIODS.clear();
    PERIODS.set(key, text);
  }
  return text;
}
