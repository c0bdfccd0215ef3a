import type { Constituency, Language, Multilingual } from '@roundtable/core';
import type { Region } from './regions';

/** A constituency's part in the participation sentence: people, and the States or organisations they represent. */
export interface ParticipationGroup {
  constituency: Constituency;
  participants: number;
  /** Distinct States (countries) for `state`; distinct organisations for the others. */
  entities: number;
  contributions: number;
}

/** Participants from one UN M49 region. */
export interface RegionFigures {
  region: Region;
  countries: number;
  participants: number;
}

export interface QuestionFigures {
  spaceId: string;
  number: number;
  prompt: Multilingual;
  contributions: number;
  participantContributions: number;
  replies: number;
  participants: number;
  moderatorContributions: number;
  members: number;
  /** The published digest(s) of this question the summary was compiled from. */
  digests: number;
}

/** Who took part, from the database: participants and moderators counted apart. */
export interface Participation {
  participants: number;
  /** Of the participants, those whose organisation and constituency are verified (absent in summaries compiled before). */
  verified?: number;
  contributions: number;
  participantContributions: number;
  replies: number;
  moderators: number;
  moderatorContributions: number;
  groups: ParticipationGroup[];
  /** The UN M49 regions participants' countries belong to, most participants first (absent in summaries compiled before). */
  regions?: RegionFigures[];
  languages: Partial<Record<Language, number>>;
  questions: QuestionFigures[];
}

export interface AnnexRow {
  spaceId: string;
  number: number;
  /** Participants' contributions per constituency. */
  counts: Partial<Record<Constituency, number>>;
  moderators: number;
  total: number;
}

/** Spaces × constituencies. */
export interface Annex {
  constituencies: Constituency[];
  rows: AnnexRow[];
  totals: AnnexRow;
}

export interface SummaryQuote {
  contributionId: string;
  text: string;
  language: Language;
  authorName: string;
  organisation: string | null;
  constituency: Constituency;
  /** The sentence's English side, when the analysis machine-translated it. */
  english?: string;
}

export const ITEM_KINDS = [
  'theme',
  'priority',
  'action',
  'single-constituency',
  'objective',
  'low-engagement',
  'custom',
] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

/**
 * A statement of the summary. Its wording is, in order of precedence: the rapporteur's
 * `text`, the summariser's `phrased` rewording, the `sourceText` it came from (a
 * moderator's priority), or the catalogue's sentence built from `label` and the figures.
 */
export interface SummaryItem {
  id: string;
  /** Stable across re-compiles: `theme:<key>`, `priority:<digest>:<point>`, `action:<key>`, `gap:<key>`, `objective:<n>`, `question:<space>`, `custom:<id>`. */
  key: string;
  kind: ItemKind;
  label: string | null;
  text: string | null;
  phrased: string | null;
  sourceText: string | null;
  constituencies: Constituency[];
  contributions: number;
  participants: number;
  questions: number[];
  sources: string[];
  quotes: SummaryQuote[];
  /**
   * What the theme says in one sentence: the most central sentence of its sources,
   * compressed (key emphases), or the clearest call for action (priorities for action).
   */
  synopsis?: SummaryQuote | null;
  /** The UN M49 regions of the participants who raised it. */
  regions?: Region[];
  /** An objective of the roundtable (gaps): its number as the organiser gave it. */
  objective?: number | null;
  /** Reworded by the rapporteur. */
  edited: boolean;
  /** Kept for its edit, although the discussion no longer yields it. */
  stale?: boolean;
}

export const LIST_SECTIONS = ['keyEmphases', 'convergence', 'priorities', 'gaps'] as const;
export type ListSection = (typeof LIST_SECTIONS)[number];

export interface SummarySections {
  introduction: string | null;
  /** The rapporteur's own participation text; null shows the generated sentence. */
  participationText: string | null;
  /** The rapporteur's own sentence on the regions participants came from; null (or absent, in summaries compiled before) shows the generated one. */
  regionsText?: string | null;
  keyEmphases: SummaryItem[];
  convergence: SummaryItem[];
  priorities: SummaryItem[];
  gaps: SummaryItem[];
  /** Generated items the rapporteur removed (`<section>/<key>`), not brought back by a re-compile. */
  dropped: string[];
}

export interface CompiledDigestRef {
  id: string;
  spaceId: string;
  version: number;
  periodStart: string;
  periodEnd: string;
}

export interface SummaryContent {
  compiledAt: string;
  digests: CompiledDigestRef[];
  /** For the rapporteur: questions without a published digest, and the like. Not exported. */
  warnings: string[];
  participation: Participation;
  annex: Annex;
  sections: SummarySections;
}
