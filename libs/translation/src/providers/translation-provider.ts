import type { Language } from '@roundtable/core';
import type { Segment } from '../text/segment';

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

/**
 * A translation that failed. `retryable` says whether trying again later may work
 * (timeouts, 5xx, a restarting engine) or never will (an unsupported pair, a 4xx).
 */
export class TranslationError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = 'TranslationError';
  }
}

export class UnsupportedPairError extends TranslationError {
  constructor(provider: string, from: string, to: string) {
    super(`${provider} cannot translate ${from} → ${to}`, false);
    this.name = 'UnsupportedPairError';
  }
}

/** HTTP statuses worth retrying: timeouts, rate limits, quota waits and server errors. */
export function retryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status === 456 || status >= 500;
}
