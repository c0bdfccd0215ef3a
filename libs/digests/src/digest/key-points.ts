import { randomUUID } from 'node:crypto';
import { DomainError, fill } from '@roundtable/core';
import type { Constituency, Language } from '@roundtable/core';
import type { AnalysisTranslation } from '../analysis/theme-analyser';
import type { Theme } from '../analysis/theme.types';
import type { KeyPoint } from './digest.types';
import { DIGESTS_MESSAGES as M } from '../digests-messages';

export const MAX_KEY_POINTS = 40;
export const MAX_KEY_POINT_TEXT = 2000;

/** English names of constituencies in a running sentence (digests are the moderators' working documents). */
export const CONSTITUENCY_PLURAL_EN: Record<Constituency, string> = {
  state: 'States',
  civil_society: 'civil society',
  business: 'business',
  local_government: 'local and regional governments',
  international_organisation: 'international organisations',
  youth: 'youth',
  academia: 'academia',
  other: 'other participants',
};

/** "a, b and c" */
export const listEn = listWith('and');

const LANGUAGE_EN: Record<string, string> = { en: 'English', fr: 'French', es: 'Spanish' };

/**
 * One key point per theme, broadest first: the theme's most central sentence and who
 * raised it ("Regular pathways: Employers need regular pathways that match real
 * shortages. Raised by States, civil society and business in 7 contributions."). When the
 * translation engine was unavailable, the first point says so.
 */
export function generateKeyPoints(themes: Theme[], translation?: AnalysisTranslation, limit = 8): KeyPoint[] {
  const points = themes.slice(0, limit).map((t): KeyPoint => ({
    id: randomUUID(),
    text: keyPointOf(t, 'en', t.label, t.synopsis && (t.synopsis.english ?? t.synopsis.text)),
    priority: false,
    themeKey: t.key,
    sources: [...t.contributionIds],
    origin: 'generated',
    edited: false,
  }));
  if (translation?.status === 'unavailable') points.unshift(unavailableNotice(translation));
  return points;
}

/** Constituencies in a running sentence, and "a, b and c", per language. */
const RAISED_BY: Record<
  Language,
  {
    names: Record<Constituency, string>;
    colon: string;
    list(items: string[]): string;
    sentence(who: string, n: number): string;
  }
> = {
  en: {
    names: CONSTITUENCY_PLURAL_EN,
    colon: ':',
    list: listEn,
    sentence: (who, n) => `Raised by ${who} in ${n} contribution${n === 1 ? '' : 's'}.`,
  },
  fr: {
    names: {
      state: 'les États',
      civil_society: 'la société civile',
      business: 'les entreprises',
      local_government: 'les collectivités locales et régionales',
      international_organisation: 'les organisations internationales',
      youth: 'les jeunes',
      academia: 'les universitaires',
      other: 'd’autres participants',
    },
    // French sets a (no-break) space before a colon
    colon: '\u00a0:',
    list: listWith('et'),
    sentence: (who, n) => `Soulevé par ${who} dans ${n} contribution${n === 1 ? '' : 's'}.`,
  },
  es: {
    names: {
      state: 'los Estados',
      civil_society: 'la sociedad civil',
      business: 'las empresas',
      local_government: 'los gobiernos locales y regionales',
      international_organisation: 'las organizaciones internacionales',
      youth: 'la juventud',
      academia: 'el mundo académico',
      other: 'otros participantes',
    },
    colon: ':',
    list: listWith('y'),
    sentence: (who, n) => `Planteado por ${who} en ${n} contribuci${n === 1 ? 'ón' : 'ones'}.`,
  },
};

/** "a, b {and} c" */
function listWith(and: string): (items: string[]) => string {
  return (items) =>
    items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;
}

/**
 * A generated key point in `lang`: the theme's label, its most central sentence and who
 * raised it in how many contributions. Readers of a digest in another language get its
 * generated points worded so, with the label and the sentence in their language, rather
 * than the English point machine-translated whole (the engine does poorly on "raised by"
 * and on lists of constituencies).
 */
export function keyPointOf(
  theme: Pick<Theme, 'constituencies' | 'contributionIds'>,
  lang: Language,
  label: string,
  said?: string,
): string {
  const wording = RAISED_BY[lang];
  const who = (Object.entries(theme.constituencies) as Array<[Constituency, number]>)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([c]) => wording.names[c]);
  const sentence = said?.trim() ? ` ${endSentence(said)}` : '';
  return `${capitalise(label)}${wording.colon}${sentence} ${wording.sentence(wording.list(who), theme.contributionIds.length)}`;
}

/** The line a draft carries when French or Spanish contributions could not be translated for the analysis. */
export function unavailableNotice(translation: AnalysisTranslation): KeyPoint {
  const languages = listEn(translation.untranslated.map((l) => LANGUAGE_EN[l] ?? l));
  return {
    id: randomUUID(),
    text: `Machine translation (${translation.provider}) was unavailable: themes of the ${languages} contributions were found within ${languages} only and may be missing from shared themes. Draft again once translation works.`,
    priority: false,
    themeKey: null,
    sources: [],
    origin: 'generated',
    edited: false,
  };
}

function endSentence(text: string): string {
  const t = text.trim();
  return /[.!?…]["'”’»)]*$/.test(t) ? t : `${t}.`;
}

export interface KeyPointEdit {
  /** An existing point (keeps its sources); absent for a new one. */
  id?: string;
  text: string;
  priority?: boolean;
  /** Contributions a new point rests on (ids of this space). */
  sources?: string[];
}

/**
 * The moderator's edit of the key points: the list as it should now read. Points are
 * kept, reworded, marked as priority and reordered by their place in the list; points
 * left out are dropped; points without an id are added. Sources of existing points are
 * the platform's and stay as they are.
 */
export function applyKeyPointEdits(
  current: KeyPoint[],
  edits: KeyPointEdit[],
  validSource: (id: string) => boolean,
): KeyPoint[] {
  if (edits.length > MAX_KEY_POINTS) throw DomainError.badRequest(fill(M.tooManyKeyPoints, { max: MAX_KEY_POINTS }));
  const byId = new Map(current.map((p) => [p.id, p]));
  const seen = new Set<string>();
  return edits.map((e, i) => {
    const text = e.text.replace(/\s+/g, ' ').trim();
    if (!text) throw DomainError.badRequest(fill(M.keyPointBlank, { i }));
    if (text.length > MAX_KEY_POINT_TEXT)
      throw DomainError.badRequest(fill(M.keyPointTooLong, { i, max: MAX_KEY_POINT_TEXT }));
    if (e.id) {
      const existing = byId.get(e.id);
      if (!existing) throw DomainError.badRequest(fill(M.keyPointUnknown, { i, id: e.id }));
      if (seen.has(e.id)) throw DomainError.badRequest(fill(M.keyPointTwice, { i, id: e.id }));
      seen.add(e.id);
      return {
        ...existing,
        text,
        priority: e.priority ?? existing.priority,
        edited: existing.edited || text !== existing.text,
      };
    }
    const sources = [...new Set(e.sources ?? [])];
    const unknown = sources.find((s) => !validSource(s));
    if (unknown) throw DomainError.badRequest(fill(M.keyPointSource, { i, id: unknown }));
    return {
      id: randomUUID(),
      text,
      priority: e.priority ?? false,
      themeKey: null,
      sources,
      origin: 'moderator',
      edited: false,
    };
  });
}

export function capitalise(text: string): string {
  return text ? text[0].toUpperCase() + text.slice(1) : text;
}
