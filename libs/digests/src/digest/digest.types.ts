import type { Period } from '@roundtable/core';
import type { Constituency, Language } from '@roundtable/core';
import type { AnalysisTranslation } from '../analysis/theme-analyser';
import type { ObjectiveCoverage, Theme } from '../analysis/theme.types';

/** A published contribution of the space in the period, with what the digest needs of its author. */
export interface DigestRow {
  id: string;
  parentId: string | null;
  rootId: string;
  authorId: string;
  authorName: string;
  organisation: string | null;
  constituency: Constituency;
  country: string | null;
  language: Language | null;
  body: string;
  createdAt: Date;
  /** The author moderates this space (or its roundtable): counted apart from participants. */
  byModerator: boolean;
}

export interface ConstituencyFigures {
  contributions: number;
  participants: number;
}

/** Activity of a space in a period, from the database. Moderators are counted apart. */
export interface DigestFigures {
  contributions: number;
  /** Contributions that start a thread. */
  threads: number;
  replies: number;
  /** Distinct authors who do not moderate the space. */
  participants: number;
  moderators: number;
  moderatorContributions: number;
  /** Participants' contributions and heads, per constituency (moderators excluded). */
  byConstituency: Partial<Record<Constituency, ConstituencyFigures>>;
  byLanguage: Partial<Record<Language, number>>;
  /** Participants' contributions per country, where the profile gives one. */
  byCountry: Record<string, number>;
}

export interface DiscussedThread {
  contributionId: string;
  excerpt: string;
  authorName: string;
  constituency: Constituency;
  /** Replies posted in the period, anywhere under it. */
  replies: number;
  /** Distinct people who replied in the period. */
  repliers: number;
}

/** What the platform computes for a digest; the moderator edits only the key points. */
export interface DigestContent {
  figures: DigestFigures;
  threads: DiscussedThread[];
  themes: Theme[];
  /** Phrases only one author wrote in this question: a topic when someone else writes them in another question (absent in digests drafted before). */
  lone?: Theme[];
  /** How far each of the roundtable's objectives was addressed by participants (absent in digests drafted before). */
  objectives?: ObjectiveCoverage[];
  /** Whether French and Spanish contributions were read through the translation engine (absent in digests drafted before). */
  translation?: AnalysisTranslation;
}

/** A key point of a digest: generated from a theme, or written by the moderator. */
export interface KeyPoint {
  id: string;
  text: string;
  /** Marked as a priority by the moderator (stocktaking lists these). */
  priority: boolean;
  /** The theme it came from, if any. */
  themeKey: string | null;
  /** Contributions it rests on. */
  sources: string[];
  origin: 'generated' | 'moderator';
  /** Reworded by the moderator. */
  edited: boolean;
}

/** The period a moderator digest covers: core's {@link Period} (one period type for every lib). */
export type DigestPeriod = Period;
