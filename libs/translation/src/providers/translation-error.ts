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
