import type { Language } from '@roundtable/core';

/**
 * Machine translation of short texts (sentences, theme labels, statements), in batches.
 * Returns one translation per input, in order; throws when the engine is unavailable.
 */
export interface TextTranslator {
  readonly provider: string;
  translate(texts: string[], from: Language, to: Language): Promise<string[]>;
}

/** Injection token of the {@link TextTranslator} digests and summaries use. */
export const TEXT_TRANSLATOR = Symbol('TEXT_TRANSLATOR');
