import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { AppConfig, loadConfig, Metrics, QueryValidationPipe, useAppConfig } from '@roundtable/core';
import { ApiModule } from './api.module';
import { trackRequests } from './ops/graceful-shutdown';
import { LiveSockets } from './ops/live-sockets';
import { answerOversizedBodiesAfterReading } from './ops/oversized-bodies';
import { mountQueueBoard } from './ops/queue-board';

export const API_PREFIX = 'api/v1';

/** A file of the web build named after its content (Vite's `assets/name-<hash>.ext`). */
const HASHED_ASSET = /[\\/]assets[\\/][^\\/]+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+(?:\.(?:br|gz))?$/;

/** What `main.ts` needs to stop an api process gracefully. */
export interface ApiOperations {
  live: LiveSockets;
  requests: { inFlight(): number };
}
const operations = new WeakMap<NestFastifyApplication, ApiOperations>();

export function apiOperations(app: NestFastifyApplication): ApiOperations {
  const ops = operations.get(app);
  if (!ops) throw new Error('not an app made by createApiApp');
  return ops;
}

/**
 * Builds the api application with everything the HTTP contract needs: Fastify, the error
 * shape, validation, security headers, body limits, OpenAPI and the web app's files.
 * Used by `main.ts` and by the tests, so both run the same stack.
 */
export async function createApiApp(config: AppConfig = loadConfig()): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: config.BODY_LIMIT_BYTES,
    trustProxy: config.TRUST_PROXY,
    return503OnClosing: true,
    // the client's X-Request-Id when it sends a sane one, else a fresh id; logged on every line
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
  });
  useAppConfig(config); // the modules get this config, not a second read of the environment
  let app: NestFastifyApplication;
  try {
    app = await NestFactory.create<NestFastifyApplication>(ApiModule, adapter, { bufferLogs: true });
  } finally {
    useAppConfig(undefined);
  }
  app.useLogger(app.get(Logger));
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (request, reply, done) => {
      void reply.header('x-request-id', request.id);
      done();
    });
  answerOversizedBodiesAfterReading(app.getHttpAdapter().getInstance(), config.BODY_LIMIT_BYTES);
  app.get(Metrics).forProcess('api');
  const requests = trackRequests(app);
  // shutdown hooks are installed by main.ts (installGracefulShutdown): drain first, then close
  const live = new LiveSockets(app);
  app.useWebSocketAdapter(live);
  operations.set(app, { live, requests });
  app.setGlobalPrefix(API_PREFIX, { exclude: ['health/live', 'health/ready', 'metrics'] });
  app.useGlobalPipes(
    new QueryValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      stopAtFirstError: false,
    }),
  );
  app.enableCors({ origin: config.ALLOWED_ORIGINS, credentials: false });
  // helmet's middleware is made once; @fastify/helmet made it afresh for every request
  // (parsing the policy each time: ~3 % of a cached page's cost)
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'", 'ws:', 'wss:'],
        // plain-http local runs must keep working
        upgradeInsecureRequests: null,
        frameAncestors: ["'none'"],
      },
    },
    // HSTS only where the api is served over HTTPS, i.e. in production; local runs are plain http
    hsts: config.isProduction ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    frameguard: { action: 'deny' },
  });
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (request, reply, done) =>
      securityHeaders(request.raw, reply.raw, (err?: unknown) => done(err as Error | undefined)),
    );
  await mountQueueBoard(app);

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Roundtable API')
      .setDescription(
        'Moderated multilingual consultations: spaces, contributions, moderation, digests and stocktaking.',
      )
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });

  const webRoot =
    config.WEB_DIST_DIR ??
    [join(process.cwd(), 'apps/web/dist'), join(process.cwd(), 'apps/web/public')].find(existsSync);
  if (webRoot && existsSync(webRoot)) {
    await app.register(fastifyStatic, {
      root: webRoot,
      prefix: '/',
      wildcard: false,
      // the build writes .br and .gz beside each file: sent as they are to clients that accept them
      preCompressed: true,
      cacheControl: false,
      setHeaders: (reply, path) => {
        // names under assets/ carry a hash of their content: they never change, so they are kept for a year
        void reply.header(
          'cache-control',
          HASHED_ASSET.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
    // SPA fallback: a page address the web app routes itself (/spaces/…, /login) gets
    // index.html; API, health, socket and file-like paths keep their normal 404.
    app
      .getHttpAdapter()
      .getInstance()
      .get('/*', (request, reply) => {
        const path = request.url.split('?')[0];
        if (
          /^\/(api|health|socket\.io)(\/|$)/.test(path) ||
          /\.[a-z0-9]+$/i.test(path) ||
          !existsSync(join(webRoot, 'index.html'))
        ) {
          return reply.callNotFound();
        }
        return reply.sendFile('index.html');
      });
  }
  return app;
}
