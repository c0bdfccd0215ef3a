import { HttpStatus } from '@nestjs/common';

/**
 * An expected failure of a domain rule. It carries a stable code and a human message; the
 * HTTP filter maps it to its status, the gateway to an error ack.
 */
export class DomainError extends Error {
  constructor(
    readonly status: HttpStatus,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  static notFound(what: string): DomainError {
    return new DomainError(HttpStatus.NOT_FOUND, 'not_found', `${what} not found`);
  }

  static forbidden(message: string, code = 'forbidden'): DomainError {
    return new DomainError(HttpStatus.FORBIDDEN, code, message);
  }

  static conflict(message: string, code = 'conflict'): DomainError {
    return new DomainError(HttpStatus.CONFLICT, code, message);
  }

  static badRequest(message: string, code = 'bad_request'): DomainError {
    return new DomainError(HttpStatus.BAD_REQUEST, code, message);
  }

  static tooMany(message: string, retryAfterSeconds: number): DomainError {
    return new DomainError(HttpStatus.TOO_MANY_REQUESTS, 'rate_limited', message, {
      'Retry-After': String(Math.max(1, Math.ceil(retryAfterSeconds))),
    });
  }

  static unavailable(message: string): DomainError {
    return new DomainError(HttpStatus.SERVICE_UNAVAILABLE, 'unavailable', message, { 'Retry-After': '5' });
  }
}
