import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter as BoardAdapter } from '@bull-board/fastify';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  ALL_QUEUES,
  HTTP_MESSAGES,
  isBackingServiceUnavailable,
  languageFromAcceptLanguage,
  QueueName,
  QueueRegistry,
} from '@roundtable/core';
import { AccessService, bearer } from '@roundtable/identity';
import { OPS_MESSAGES } from './ops-messages';

export const QUEUE_BOARD_PATH = '/admin/queues';
const COOKIE = 'rt_queue_board';

/**
 * Bull Board (the queue dashboard) at `/admin/queues`, for organisers only. Its routes
 * live outside Nest, so this hook is their access rule: a Bearer token, or — for a
 * browser — `?token=<organiser access token>` once, which becomes an HttpOnly,
 * SameSite=Strict cookie scoped to the board and is then dropped from the address.
 * Anyone else gets 401 (no or bad token) or 403 (not an organiser).
 */
export async function mountQueueBoard(app: NestFastifyApplication): Promise<void> {
  const registry = app.get(QueueRegistry);
  const access = app.get(AccessService);
  const board = new BoardAdapter();
  board.setBasePath(QUEUE_BOARD_PATH);
  createBullBoard({
    queues: ALL_QUEUES.map((name) => new BullMQAdapter(registry.get(name as QueueName))),
    serverAdapter: board,
    options: { uiConfig: { boardTitle: 'Roundtable queues' } },
  });

  await app.register(async (scope: FastifyInstance) => {
    scope.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
      const fromQuery = (request.query as Record<string, unknown> | undefined)?.token;
      const token =
        bearer(request.headers.authorization) ??
        (typeof fromQuery === 'string' ? fromQuery : undefined) ??
        cookie(request, COOKIE);
      let allowed: 'yes' | 401 | 403 | 503;
      let language = languageFromAcceptLanguage(request.headers['accept-language']);
      try {
        const user = token ? await access.principalFromToken(token) : null;
        language ??= user?.preferredLanguage;
        allowed = !user ? 401 : user.isOrganiser ? 'yes' : 403;
      } catch (err) {
        if (!isBackingServiceUnavailable(err)) throw err;
        allowed = 503;
      }
      if (allowed !== 'yes') {
        const message = {
          401: OPS_MESSAGES.boardSignIn,
          403: OPS_MESSAGES.boardOrganisersOnly,
          503: HTTP_MESSAGES.unavailable,
        }[allowed][language ?? 'en'];
        const error = { 401: 'Unauthorized', 403: 'Forbidden', 503: 'Service Unavailable' }[allowed];
        return reply.code(allowed).header('cache-control', 'no-store').send({ statusCode: allowed, error, message });
      }
      if (typeof fromQuery === 'string') {
        // keep the token out of the address bar, history and referrers from here on
        const url = new URL(request.url, 'http://board.invalid');
        url.searchParams.delete('token');
        return reply
          .header(
            'set-cookie',
            `${COOKIE}=${encodeURIComponent(fromQuery)}; Path=${QUEUE_BOARD_PATH}; HttpOnly; SameSite=Strict; Max-Age=3600`,
          )
          .header('cache-control', 'no-store')
          .redirect(`${url.pathname}${url.search}`, 303);
      }
      // job data may name members: never cached by a browser or a proxy
      void reply.header('cache-control', 'no-store');
    });
    // the board's page runs its bundled scripts and inline styles: a CSP of its own, still no framing
    scope.addHook('onSend', async (_request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
      const type = String(reply.getHeader('content-type') ?? '');
      if (type.startsWith('text/html')) {
        void reply.header(
          'content-security-policy',
          "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
        );
      }
      return payload;
    });
    await scope.register(board.registerPlugin() as never, { prefix: QUEUE_BOARD_PATH });
  });
}

function cookie(request: FastifyRequest, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}
