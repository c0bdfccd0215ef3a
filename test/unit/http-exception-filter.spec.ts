import { BadRequestException, HttpStatus } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { DomainError, HttpExceptionFilter } from '@roundtable/core';

/** The one place that maps errors to the API's error shape. */
describe('HttpExceptionFilter', () => {
  const filter = new HttpExceptionFilter();
  const pgError = (code: string, extra: Record<string, unknown> = {}) =>
    new QueryFailedError('UPDATE x', [], Object.assign(new Error('pg says no'), { code, ...extra }));

  it('maps a domain error to its status, message and code, with its headers', () => {
    const slowDown = { en: 'Slow down', fr: 'Doucement', es: 'Más despacio' };
    const { body, headers } = filter.toBody(DomainError.tooMany(slowDown, 12.2));
    expect(body).toEqual({ statusCode: 429, error: 'Too Many Requests', message: 'Slow down', code: 'rate_limited' });
    expect(headers).toEqual({ 'Retry-After': '13' });
    expect(filter.toBody(DomainError.tooMany(slowDown, 1), undefined, 'fr').body).toEqual({
      statusCode: 429,
      error: 'Too Many Requests',
      message: 'Doucement',
      code: 'rate_limited',
    });
  });

  it('words database, Fastify and unexpected errors in the language asked, keeping the status text in English', () => {
    expect(filter.toBody(pgError('23502', { column: 'display_name' }), undefined, 'fr').body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'displayName : Une valeur obligatoire manque',
    });
    const tooLarge = Object.assign(new Error('Request body is too large'), {
      statusCode: 413,
      code: 'FST_ERR_CTP_BODY_TOO_LARGE',
    });
    expect(filter.toBody(tooLarge, undefined, 'es').body.message).toBe('El cuerpo de la solicitud es demasiado grande');
    const spy = jest.spyOn((filter as any).logger, 'error').mockImplementation(() => undefined);
    expect(filter.toBody(new Error('boom'), undefined, 'es').body.message).toMatch(
      /^Algo ha fallado por nuestra parte/,
    );
    spy.mockRestore();
  });

  it('keeps validation messages as a list', () => {
    const { body } = filter.toBody(new BadRequestException(['a must be b', 'c must be d']));
    expect(body).toEqual({ statusCode: 400, error: 'Bad Request', message: ['a must be b', 'c must be d'] });
  });

  it.each([
    ['22P02', HttpStatus.BAD_REQUEST],
    ['23505', HttpStatus.CONFLICT],
    ['23503', HttpStatus.BAD_REQUEST],
    ['23502', HttpStatus.BAD_REQUEST],
    ['23514', HttpStatus.BAD_REQUEST],
  ])('maps PostgreSQL input errors (%s) to %i, not 500', (code, status) => {
    const { body } = filter.toBody(pgError(code));
    expect(body.statusCode).toBe(status);
    expect(body).not.toHaveProperty('correlationId');
  });

  it('names the field when PostgreSQL names the column', () => {
    const { body } = filter.toBody(pgError('23502', { column: 'display_name' }));
    expect(body.message).toMatch(/^displayName: /);
  });

  it('turns anything unexpected into a 500 with a correlation id and no internals', () => {
    const spy = jest.spyOn((filter as any).logger, 'error').mockImplementation(() => undefined);
    const { body } = filter.toBody(new Error('secret internals at /srv/app.js:12'));
    expect(body.statusCode).toBe(500);
    expect(body.correlationId).toEqual(expect.any(String));
    expect(JSON.stringify(body)).not.toContain('secret internals');
    expect(spy).toHaveBeenCalledTimes(1);
  });

  it('maps Fastify body errors to their 4xx status', () => {
    const tooLarge = Object.assign(new Error('Request body is too large'), {
      statusCode: 413,
      code: 'FST_ERR_CTP_BODY_TOO_LARGE',
    });
    expect(filter.toBody(tooLarge).body).toMatchObject({
      statusCode: 413,
      error: 'Payload Too Large',
      message: 'Request body is too large',
    });
    const malformed = Object.assign(new SyntaxError('Unexpected end of JSON input'), { statusCode: 400 });
    expect(filter.toBody(malformed).body).toMatchObject({
      statusCode: 400,
      message: expect.stringMatching(/Malformed JSON/),
    });
  });
});
