import { TranslationError } from './translation-error';

/** The provider has no route between these languages: retrying cannot help. */
export class UnsupportedPairError extends TranslationError {
  constructor(provider: string, from: string, to: string) {
    super(`${provider} cannot translate ${from} → ${to}`, false);
    this.name = 'UnsupportedPairError';
  }
}
