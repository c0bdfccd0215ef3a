import type { Language } from '@roundtable/core';
import type { Segment } from '../text/segment';

export { TranslationError } from './translation-error';
export { UnsupportedPairError } from './unsupported-pair.error';

/**
 * A language an engine may translate through without readers ever seeing it: Apertium
 * pivots EN↔FR through Spanish or Catalan (`ca`).
 */
export type EngineLanguage = Language | 'ca';

/** One step of a route: translate from the first language to the second. */
export type Leg = readonly [EngineLanguage, EngineLanguage];

/** What a provider may know about a leg beyond its two languages. */
export interface LegContext {
  /**
   * Set on the legs that leave a pivot language: the language the text was written in.
   * A word of the pivot language the engine cannot translate must not reach the reader.
   */
  writtenIn?: Language;
}

/**
 * A machine translation engine. Providers translate the text parts of each segment and
 * return kept parts unchanged, in order; they never see glossary or typography rules
 * (the {@link TranslationEngine} applies those around any provider).
 */
export interface TranslationProvider {
  /** Recorded with every translation (`apertium`, `libretranslate`, `deepl`). */
  readonly name: string;
  /** The legs that take `from` to `to` (one, or two through a pivot); throws {@link UnsupportedPairError}. */
  route(from: Language, to: Language): Leg[];
  translate(
    segments: Segment[],
    from: EngineLanguage,
    to: EngineLanguage,
    signal: AbortSignal,
    context?: LegContext,
  ): Promise<Segment[]>;
}

/** Injection token of the configured provider. */
export const TRANSLATION_PROVIDER = Symbol('TRANSLATION_PROVIDER');

/** HTTP statuses worth retrying: timeouts, rate limits, quota waits and server errors. */
export function retryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status === 456 || status >= 500;
}
