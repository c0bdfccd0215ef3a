import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { QueryFailedError } from 'typeorm';
import { DomainError } from './domain-error';
import { isBackingServiceUnavailable } from './unavailable';

interface ErrorBody {
  statusCode: number;
  error: string;
  message: string | string[];
  code?: string;
  correlationId?: string;
}

/** Postgres errors that mean "your input was wrong", never a server fault. */
const PG_CLIENT_ERRORS: Record<string, [HttpStatus, string]> = {
  '22P02': [HttpStatus.BAD_REQUEST, 'Malformed identifier or value'],
  '22001': [HttpStatus.BAD_REQUEST, 'Value too long'],
  '22007': [HttpStatus.BAD_REQUEST, 'Malformed date'],
  '22008': [HttpStatus.BAD_REQUEST, 'Date out of range'],
  '22003': [HttpStatus.BAD_REQUEST, 'Number out of range'],
  '23505': [HttpStatus.CONFLICT, 'Already exists'],
  '23503': [HttpStatus.BAD_REQUEST, 'Refers to something that does not exist'],
  '23502': [HttpStatus.BAD_REQUEST, 'A required value is missing'],
  '23514': [HttpStatus.BAD_REQUEST, 'Value not allowed'],
};

/**
 * The one place that turns an error into the API's error shape
 * `{ statusCode, error, message }`. Unexpected errors are logged with a correlation id,
 * which the response carries; expected ones are not logged as errors.
 */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpError');

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const { body, headers } = this.toBody(exception, request);
    for (const [name, value] of Object.entries(headers)) void reply.header(name, value);
    void reply.status(body.statusCode).send(body);
  }

  toBody(exception: unknown, request?: FastifyRequest): { body: ErrorBody; headers: Record<string, string> } {
    if (exception instanceof DomainError) {
      return { body: this.shape(exception.status, exception.message, exception.code), headers: exception.headers };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const message =
        typeof response === 'string'
          ? response
          : ((response as { message?: string | string[] }).message ?? exception.message);
      return { body: this.shape(status, message), headers: {} };
    }
    const fastifyStatus = (exception as { statusCode?: number })?.statusCode;
    if (typeof fastifyStatus === 'number' && fastifyStatus >= 400 && fastifyStatus < 500) {
      return {
        body: this.shape(fastifyStatus, this.fastifyMessage(exception as Error & { code?: string })),
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
        return { body: this.shape(known[0], field ? `${field}: ${known[1]}` : known[1]), headers: {} };
      }
    }
    const correlationId = (request?.id as string | undefined) ?? randomUUID();
    if (isBackingServiceUnavailable(exception)) {
      // PostgreSQL or Redis is away for a moment: the request was fine, the client should retry
      this.logger.warn({ correlationId, err: (exception as Error).message }, 'Backing service unavailable');
      const body = this.shape(
        HttpStatus.SERVICE_UNAVAILABLE,
        'The service is briefly unavailable; try again in a few seconds',
        'unavailable',
      );
      body.correlationId = correlationId;
      return { body, headers: { 'Retry-After': '5' } };
    }
    this.logger.error({ err: exception, correlationId }, 'Unexpected error');
    const body = this.shape(
      HttpStatus.INTERNAL_SERVER_ERROR,
      'Something went wrong on our side; quote the correlation id if you report it',
    );
    body.correlationId = correlationId;
    return { body, headers: {} };
  }

  private fastifyMessage(error: Error & { code?: string }): string {
    switch (error.code) {
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return 'Request body is too large';
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return 'Unsupported content type; send application/json';
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return 'The JSON body is empty';
      default:
        return error.message.startsWith('Unexpected') || error.message.includes('JSON')
          ? `Malformed JSON body: ${error.message}`
          : error.message;
    }
  }

  private shape(statusCode: number, message: string | string[], code?: string): ErrorBody {
    const body: ErrorBody = { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message };
    if (code) body.code = code;
    return body;
  }
}
