import { createServer, Server } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig, Metrics } from '@roundtable/core';

/**
 * The worker has no HTTP api; when METRICS_PORT is set it serves its Prometheus series
 * (jobs processed, translation latency, digests sent/bounced, queue depth…) at
 * `GET /metrics` on that port, with the same METRICS_TOKEN rule as the api.
 */
@Injectable()
export class WorkerMetricsServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WorkerMetricsServer.name);
  private server?: Server;

  constructor(
    private readonly metrics: Metrics,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.metrics.forProcess('worker');
    const port = this.config.METRICS_PORT;
    if (port === undefined) return;
    this.server = createServer((req, res) => {
      if (req.method !== 'GET' || req.url?.split('?')[0] !== '/metrics') {
        res
          .writeHead(404, { 'content-type': 'application/json' })
          .end(JSON.stringify({ statusCode: 404, error: 'Not Found', message: 'Only GET /metrics here' }));
        return;
      }
      if (!this.authorised(req.headers.authorization)) {
        res.writeHead(401, { 'content-type': 'application/json' }).end(
          JSON.stringify({
            statusCode: 401,
            error: 'Unauthorized',
            message: 'Metrics need the METRICS_TOKEN as a Bearer token',
          }),
        );
        return;
      }
      this.metrics
        .scrape()
        .then((text) =>
          res.writeHead(200, { 'content-type': this.metrics.contentType, 'cache-control': 'no-store' }).end(text),
        )
        .catch((err) => res.writeHead(503).end(String(err?.message ?? err)));
    });
    this.server.on('error', (err) => this.logger.warn(`metrics server on port ${port}: ${err.message}`));
    this.server.listen(port, this.config.HOST, () =>
      this.logger.log(`worker metrics on http://${this.config.HOST}:${port}/metrics`),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private authorised(header: string | undefined): boolean {
    const expected = this.config.METRICS_TOKEN;
    if (!expected) return true;
    const given = Buffer.from(/^Bearer\s+(\S+)$/i.exec(header ?? '')?.[1] ?? '');
    const want = Buffer.from(expected);
    return given.length === want.length && timingSafeEqual(given, want);
  }
}
