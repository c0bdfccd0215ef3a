import type { Language } from '@roundtable/core';
import type { Segment } from '../text/segment';

export { TranslationError } from './translation-error';
export { UnsupportedPairError } from './unsupported-pair.error';

/** One step of a route: translate from the first language to the second. */
export type Leg = readonly [Language, Language];

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
  translate(segments: Segment[], from: Language, to: Language, signal: AbortSignal): Promise<Segment[]>;
}

/** Injection token of the configured provider. */
export const TRANSLATION_PROVIDER = Symbol('TRANSLATION_PROVIDER');

/** HTTP statuses worth retrying: timeouts, rate limits, quota waits and server errors. */
export function retryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status === 456 || status >= 500;
}
