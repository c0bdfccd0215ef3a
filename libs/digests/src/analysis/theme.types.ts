import type { Constituency, Language } from '@roundtable/core';

/**
 * A key phrase of a sentence: `key` is the sorted, de-duplicated stems of its content
 * words (so "access to health services", "health services access" and the English side
 * of "acceso a los servicios de salud" share one key); `label` is the phrase as written.
 */
export interface KeyPhrase {
  key: string;
  label: string;
}

/** One sentence of a contribution: as written, and the keys found on its English side. */
export interface AnalysedSentence {
  text: string;
  keys: string[];
  /** The English side the keys were found on, when it is a machine translation. */
  english?: string;
}

/** A contribution as the theme finder sees it. */
export interface AnalysedContribution {
  id: string;
  authorId: string;
  authorName: string;
  organisation: string | null;
  constituency: Constituency;
  language: Language;
  sentences: AnalysedSentence[];
}

/** A sentence that represents a theme, quoted as its author wrote it. */
export interface Quote {
  contributionId: string;
  text: string;
  language: Language;
  authorName: string;
  organisation: string | null;
  constituency: Constituency;
  /** The sentence's English side, when it was machine-translated for the analysis. */
  english?: string;
}

/** A recurring theme of a discussion, with the contributions and constituencies that raise it. */
export interface Theme {
  key: string;
  label: string;
  /** Keys of more specific phrases folded into this theme ("regular migration pathways" into "regular migration"). */
  variants: string[];
  contributionIds: string[];
  /** Contributions raising it, per constituency of their authors. */
  constituencies: Partial<Record<Constituency, number>>;
  authors: number;
  quotes: Quote[];
  /** The most central sentence of its sources, compressed: what the theme says, in one sentence (absent in digests drafted before). */
  synopsis?: Quote;
  /** Sentences of its sources that call for action (should, must, recommend; devrait, il faut; debe, es necesario…), one per author. */
  calls?: Quote[];
}

/** How far the roundtable's objectives were addressed in a digest's contributions. */
export interface ObjectiveCoverage {
  /** "Objective 5" → 5; otherwise the objective's place in the list. */
  number: number;
  text: string;
  /** Participants' contributions that mention it explicitly or share the words of its focus area. */
  contributionIds: string[];
}
