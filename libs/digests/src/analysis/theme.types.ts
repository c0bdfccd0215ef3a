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
}
