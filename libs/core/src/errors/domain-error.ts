import { HttpStatus } from '@nestjs/common';
import type { Localised } from '../i18n/localised';
import type { Language } from '../languages';

/**
 * An expected failure of a domain rule. It carries a stable code and a human message in
 * each language (from the library's `*-messages.ts` catalogue); the HTTP filter answers in
 * the request's language, the gateway in the member's. `message` is the English text (logs).
 */
export class DomainError extends Error {
  constructor(
    readonly status: HttpStatus,
    readonly code: string,
    readonly text: Localised,
    readonly headers: Record<string, string> = {},
  ) {
    super(text.en);
  }

  /** The message in this language. */
  messageIn(language: Language): string {
    return this.text[language];
  }

  /** 404, saying what was not found: one of {@link NOT_FOUND}'s sentences. */
  static notFound(what: Localised): DomainError {
    return new DomainError(HttpStatus.NOT_FOUND, 'not_found', what);
  }

  static forbidden(message: Localised, code = 'forbidden'): DomainError {
    return new DomainError(HttpStatus.FORBIDDEN, code, message);
  }

  static conflict(message: Localised, code = 'conflict'): DomainError {
    return new DomainError(HttpStatus.CONFLICT, code, message);
  }

  static badRequest(message: Localised, code = 'bad_request'): DomainError {
    return new DomainError(HttpStatus.BAD_REQUEST, code, message);
  }

  static tooMany(message: Localised, retryAfterSeconds: number): DomainError {
    return new DomainError(HttpStatus.TOO_MANY_REQUESTS, 'rate_limited', message, {
      'Retry-After': String(Math.max(1, Math.ceil(retryAfterSeconds))),
    });
  }

  static unavailable(message: Localised): DomainError {
    return new DomainError(HttpStatus.SERVICE_UNAVAILABLE, 'unavailable', message, { 'Retry-After': '5' });
  }
}
