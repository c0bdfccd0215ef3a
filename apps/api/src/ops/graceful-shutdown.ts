import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppConfig, Metrics, ShutdownState } from '@roundtable/core';
import type { LiveSockets } from './live-sockets';

/**
 * Counts the requests this process is answering and, once shutdown has begun, marks every
 * response `Connection: close` so no client reuses a connection to a stopping process.
 */
export function trackRequests(app: NestFastifyApplication): { inFlight(): number } {
  const metrics = app.get(Metrics);
  const state = app.get(ShutdownState);
  let inFlight = 0;
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', (request, reply, done) => {
    inFlight += 1;
    metrics.httpInFlight.inc();
    const started = process.hrtime.bigint();
    reply.raw.once('close', () => {
      inFlight -= 1;
      metrics.httpInFlight.dec();
      const route = request.routeOptions?.url ?? 'unmatched';
      metrics.httpDuration.observe(
        { method: request.method, route, status_code: String(reply.statusCode) },
        Number(process.hrtime.bigint() - started) / 1e9,
      );
    });
    done();
  });
  fastify.addHook('onSend', (_request, reply, payload, done) => {
    if (state.draining) void reply.header('connection', 'close');
    done(null, payload);
  });
  return { inFlight: () => inFlight };
}

/**
 * SIGTERM/SIGINT for the api process, in the order a rolling restart needs:
 * 1. readiness turns 503 (the load balancer stops sending new work);
 * 2. the listener closes (new connections are refused) and idle keep-alive connections
 *    close; responses still being written say `Connection: close`;
 * 3. live clients get `server:shutdown` and their transport closes, so they reconnect to
 *    another process and catch up with `afterSeq`;
 * 4. in-flight requests finish (up to SHUTDOWN_TIMEOUT_MS);
 * 5. Nest's shutdown hooks run: the outbox relay flushes, the sweeper stops, queues, Redis
 *    and PostgreSQL close; the process exits 0.
 */
export function installGracefulShutdown(
  app: NestFastifyApplication,
  live: LiveSockets,
  requests: { inFlight(): number },
): void {
  const logger = new Logger('Shutdown');
  const config = app.get(AppConfig);
  let stopping: Promise<void> | undefined;
  const stop = (signal: NodeJS.Signals) => {
    stopping ??= (async () => {
      const startedAt = Date.now();
      app.get(ShutdownState).begin();
      const server = app.getHttpServer();
      server.close(); // stop accepting; Fastify's own close later finds it closed, which it allows
      server.closeIdleConnections?.();
      const told = live.sendElsewhere();
      logger.log(
        `${signal}: draining ${requests.inFlight()} request(s); ${told} live client(s) told to reconnect elsewhere`,
      );
      const deadline = startedAt + config.SHUTDOWN_TIMEOUT_MS;
      while (requests.inFlight() > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      if (requests.inFlight() > 0)
        logger.warn(
          `${requests.inFlight()} request(s) still running after ${config.SHUTDOWN_TIMEOUT_MS} ms; closing anyway`,
        );
      await app.close();
      logger.log(`stopped in ${Date.now() - startedAt} ms`);
    })()
      .then(() => process.exit(0))
      .catch((err) => {
        console.error(`api shutdown failed: ${err?.stack ?? err}`);
        process.exit(1);
      });
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => stop(signal));
}
