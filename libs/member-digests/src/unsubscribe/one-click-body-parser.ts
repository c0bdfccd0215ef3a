import { HttpStatus, Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/** RFC 8058 one-click requests are form posts (`List-Unsubscribe=One-Click`); mail providers use either encoding. */
const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'];
const UNSUBSCRIBE_PATH = /^\/api\/v1\/unsubscribe(\?|$)/;
const MAX_BYTES = 4096;

/**
 * Lets form bodies through to `POST /unsubscribe` (read and ignored: the token in the URL
 * is what counts). Nest already parses `application/x-www-form-urlencoded`; for
 * `multipart/form-data`, which Fastify refuses by default, this parser accepts it on that
 * route only: every other route keeps answering 415, as before.
 */
@Injectable()
export class OneClickBodyParser implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance?.() as FastifyInstance | undefined;
    if (!fastify?.addContentTypeParser) return; // not an HTTP process
    for (const type of FORM_TYPES) {
      if (fastify.hasContentTypeParser(type)) continue;
      fastify.addContentTypeParser(
        type,
        { parseAs: 'string', bodyLimit: MAX_BYTES },
        (request: FastifyRequest, body: string | Buffer, done) => {
          if (!UNSUBSCRIBE_PATH.test(request.url)) {
            const error = Object.assign(new Error(`Unsupported Media Type: ${type}`), {
              statusCode: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
            });
            done(error, undefined);
            return;
          }
          done(null, { form: String(body) });
        },
      );
    }
  }
}
