import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger, Optional } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import { randomUUID } from 'node:crypto';
import { errorCodes } from 'fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { QueryFailedError } from 'typeorm';
import { languageFromAcceptLanguage } from '../i18n/accept-language';
import { fill, Localised } from '../i18n/localised';
import { SignedInLanguage } from '../i18n/signed-in-language';
import { InvalidInput } from '../http/invalid-input';
import type { Language } from '../languages';
import { DomainError } from './domain-error';
import { HTTP_MESSAGES as M } from './http-messages';
import { isBackingServiceUnavailable } from './unavailable';

interface ErrorBody {
  statusCode: number;
  error: string;
  message: string | string[];
  code?: string;
  correlationId?: string;
}

/** Postgres errors that mean "your input was wrong", never a server fault. */
const PG_CLIENT_ERRORS: Record<string, [HttpStatus, Localised]> = {
  '22P02': [HttpStatus.BAD_REQUEST, M.malformedValue],
  '22001': [HttpStatus.BAD_REQUEST, M.valueTooLong],
  '22007': [HttpStatus.BAD_REQUEST, M.malformedDate],
  '22008': [HttpStatus.BAD_REQUEST, M.dateOutOfRange],
  '22003': [HttpStatus.BAD_REQUEST, M.numberOutOfRange],
  '23505': [HttpStatus.CONFLICT, M.alreadyExists],
  '23503': [HttpStatus.BAD_REQUEST, M.missingReference],
  '23502': [HttpStatus.BAD_REQUEST, M.missingValue],
  '23514': [HttpStatus.BAD_REQUEST, M.valueNotAllowed],
};

/** Fastify's request errors; Nest hands most of them on as an HttpException holding only Fastify's message. */
const FASTIFY_ERRORS: Partial<Record<keyof typeof errorCodes, Localised>> = {
  FST_ERR_CTP_BODY_TOO_LARGE: M.bodyTooLarge,
  FST_ERR_CTP_INVALID_MEDIA_TYPE: M.unsupportedMediaType,
  FST_ERR_CTP_EMPTY_JSON_BODY: M.emptyJson,
  FST_ERR_CTP_INVALID_JSON_BODY: M.malformedJson,
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: M.contentLength,
};
const FASTIFY_BY_MESSAGE = new Map(
  Object.entries(FASTIFY_ERRORS).map(([code, text]) => [
    new (errorCodes[code as keyof typeof errorCodes] as unknown as new () => Error)().message,
    text,
  ]),
);

/** What an HttpException that says no more than its status text is told. */
const BY_STATUS: Partial<Record<number, Localised>> = {
  400: M.badRequest,
  401: M.unauthorized,
  403: M.forbidden,
  404: M.notFound,
  405: M.methodNotAllowed,
  413: M.bodyTooLarge,
  415: M.unsupportedMediaType,
  429: M.tooMany,
  503: M.unavailable,
};

/**
 * The one place that turns an error into the API's error shape
 * `{ statusCode, error, message }`. Unexpected errors are logged with a correlation id,
 * which the response carries; expected ones are not logged as errors.
 * `message` is in the language `Accept-Language` names (en, fr, es), else the signed-in
 * user's preferred language, else English; `Content-Language` says which. `error` stays the
 * HTTP status text, in English: it is part of the protocol.
 */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpError');

  constructor(@Optional() private readonly signedIn?: SignedInLanguage) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    void this.languageOf(request, exception).then((language) => {
      const { body, headers } = this.toBody(exception, request, language);
      for (const [name, value] of Object.entries(headers)) void reply.header(name, value);
      void reply.header('content-language', language).status(body.statusCode).send(body);
    });
  }

  /**
   * The request's language: `Accept-Language` first (a client says what it shows), then
   * the signed-in user's preference, then English. A request that failed because PostgreSQL
   * or Redis is away is not made to read them again.
   */
  async languageOf(request: FastifyRequest | undefined, exception?: unknown): Promise<Language> {
    const asked = languageFromAcceptLanguage(request?.headers?.['accept-language']);
    if (asked) return asked;
    if (!request || !this.signedIn || isBackingServiceUnavailable(exception)) return 'en';
    try {
      return (await this.signedIn.of(request)) ?? 'en';
    } catch {
      return 'en';
    }
  }

  toBody(
    exception: unknown,
    request?: FastifyRequest,
    language: Language = 'en',
  ): { body: ErrorBody; headers: Record<string, string> } {
    if (exception instanceof DomainError) {
      return {
        body: this.shape(exception.status, exception.messageIn(language), exception.code),
        headers: exception.headers,
      };
    }
    if (exception instanceof InvalidInput) {
      return { body: this.shape(HttpStatus.BAD_REQUEST, exception.messagesIn(language)), headers: {} };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const message =
        typeof response === 'string'
          ? response
          : ((response as { message?: string | string[] }).message ?? exception.message);
      return { body: this.shape(status, this.httpMessage(status, message, language)), headers: {} };
    }
    const fastifyStatus = (exception as { statusCode?: number })?.statusCode;
    if (typeof fastifyStatus === 'number' && fastifyStatus >= 400 && fastifyStatus < 500) {
      return {
        body: this.shape(fastifyStatus, this.fastifyMessage(exception as Error & { code?: string }, language)),
        headers: {},
      };
    }
    if (exception instanceof QueryFailedError) {
      const code = (exception.driverError as { code?: string })?.code ?? '';
      const known = PG_CLIENT_ERRORS[code];
      if (known) {
        // name the field when PostgreSQL says which column (display_name → displayName)
        const column = (exception.driverError as { column?: string })?.column;
        const field = column?.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
        const text = field ? fill(M.ofField, { field, message: known[1] }) : known[1];
        return { body: this.shape(known[0], text[language]), headers: {} };
      }
    }
    const correlationId = (request?.id as string | undefined) ?? randomUUID();
    if (isBackingServiceUnavailable(exception)) {
      // PostgreSQL or Redis is away for a moment: the request was fine, the client should retry
      this.logger.warn({ correlationId, err: (exception as Error).message }, 'Backing service unavailable');
      const body = this.shape(HttpStatus.SERVICE_UNAVAILABLE, M.unavailable[language], 'unavailable');
      body.correlationId = correlationId;
      return { body, headers: { 'Retry-After': '5' } };
    }
    this.logger.error({ err: exception, correlationId }, 'Unexpected error');
    const body = this.shape(HttpStatus.INTERNAL_SERVER_ERROR, M.unexpected[language]);
    body.correlationId = correlationId;
    return { body, headers: {} };
  }

  /** An HttpException's message in the language: Fastify's and Nest's own are known; others (health checks) stay as they are. */
  private httpMessage(status: number, message: string | string[], language: Language): string | string[] {
    if (typeof message !== 'string') return message;
    const fastify = FASTIFY_BY_MESSAGE.get(message);
    if (fastify) return fastify[language];
    const route = status === 404 ? /^Cannot (\S+) (.+)$/.exec(message) : null;
    if (route) return fill(M.routeNotFound, { method: route[1], path: route[2] })[language];
    // a SyntaxError of a JSON parser, handed on by Nest as a 400
    if (status === 400 && (message.startsWith('Unexpected') || message.includes('JSON')))
      return M.malformedJson[language];
    return (message === STATUS_CODES[status] && BY_STATUS[status]?.[language]) || message;
  }

  private fastifyMessage(error: Error & { code?: string }, language: Language): string {
    const known = FASTIFY_ERRORS[error.code as keyof typeof errorCodes];
    if (known) return known[language];
    return error.message.startsWith('Unexpected') || error.message.includes('JSON')
      ? M.malformedJson[language]
      : error.message;
  }

  private shape(statusCode: number, message: string | string[], code?: string): ErrorBody {
    const body: ErrorBody = { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message };
    if (code) body.code = code;
    return body;
  }
}
