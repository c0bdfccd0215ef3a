import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Every series is named `roundtable_…`, so one Prometheus can scrape several apps side by side. */
export const METRIC_PREFIX = 'roundtable_';

/** Which process a series comes from (a default label on every series). */
export type ProcessKind = 'api' | 'worker' | 'cli';

/** A value collected when Prometheus scrapes (queue depth, outbox backlog…), with a bounded wait. */
export type ScrapeCollector = () => Promise<void>;

/**
 * The Prometheus series of one process (`prom-client`, one registry per process), and the
 * hooks capabilities call to feed them. Translation and digest code records through
 * {@link observeTranslation} and {@link recordDigestEmail}; the relay, the HTTP layer, the
 * live gateway and the queue workers are wired by the platform.
 *
 * The api serves the registry at `GET /metrics`; the worker on `METRICS_PORT` (see README).
 */
@Injectable()
export class Metrics {
  readonly registry = new Registry();

  /** HTTP latency per route template (never the raw URL: ids would explode the cardinality). */
  readonly httpDuration = new Histogram({
    name: `${METRIC_PREFIX}http_request_duration_seconds`,
    help: 'HTTP request latency by method, route template and status code',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  /** Requests this api process is answering right now (graceful shutdown waits for 0). */
  readonly httpInFlight = new Gauge({
    name: `${METRIC_PREFIX}http_requests_in_flight`,
    help: 'HTTP requests being answered by this process',
    registers: [this.registry],
  });

  /** Live (Socket.IO) connections held by this api process; set at scrape time. */
  readonly socketConnections = new Gauge({
    name: `${METRIC_PREFIX}socket_connections`,
    help: 'Socket.IO connections open on this api process',
    registers: [this.registry],
  });

  /** Events handed on by the outbox: `via` is relay (right after commit) or sweeper (overdue). */
  readonly eventsRelayed = new Counter({
    name: `${METRIC_PREFIX}outbox_events_relayed_total`,
    help: 'Space events handed on to live delivery and the queues, by path',
    labelNames: ['via'] as const,
    registers: [this.registry],
  });

  /** Events whose hand-on failed and were left to the sweeper (Redis away, process stopping). */
  readonly eventsDeferred = new Counter({
    name: `${METRIC_PREFIX}outbox_events_deferred_total`,
    help: 'Space events the relay could not hand on and left to the outbox sweeper',
    registers: [this.registry],
  });

  /** Committed events not yet handed on, oldest age included (set at scrape time). */
  readonly outboxBacklog = new Gauge({
    name: `${METRIC_PREFIX}outbox_unpublished_events`,
    help: 'Space events committed but not yet marked published',
    registers: [this.registry],
  });

  readonly outboxOldestAge = new Gauge({
    name: `${METRIC_PREFIX}outbox_oldest_unpublished_age_seconds`,
    help: 'Age of the oldest committed event not yet marked published (0 when none)',
    registers: [this.registry],
  });

  /** BullMQ job counts per queue and state (waiting, active, delayed, failed, completed), set at scrape time. */
  readonly queueJobs = new Gauge({
    name: `${METRIC_PREFIX}queue_jobs`,
    help: 'Jobs per queue and state, as BullMQ counts them',
    labelNames: ['queue', 'state'] as const,
    registers: [this.registry],
  });

  /** Jobs this worker process finished, per queue and outcome (completed / failed). */
  readonly jobsProcessed = new Counter({
    name: `${METRIC_PREFIX}queue_jobs_processed_total`,
    help: 'Jobs processed by this worker, by queue and outcome',
    labelNames: ['queue', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly jobDuration = new Histogram({
    name: `${METRIC_PREFIX}queue_job_duration_seconds`,
    help: 'Time from a job being taken to it finishing, by queue',
    labelNames: ['queue'] as const,
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    registers: [this.registry],
  });

  /** Translation latency per provider (apertium, libretranslate, deepl) and outcome (ok / error). */
  readonly translationDuration = new Histogram({
    name: `${METRIC_PREFIX}translation_duration_seconds`,
    help: 'Time one translation took, by provider and outcome',
    labelNames: ['provider', 'outcome'] as const,
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30],
    registers: [this.registry],
  });

  /** Member digest emails by outcome: sent (accepted by SMTP), bounced (refused or bounced back), skipped. */
  readonly digestEmails = new Counter({
    name: `${METRIC_PREFIX}digest_emails_total`,
    help: 'Member digest emails by outcome (sent, bounced, skipped)',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  /** 1 while this process's Redis connection is ready; set at scrape time. */
  readonly redisUp = new Gauge({
    name: `${METRIC_PREFIX}redis_up`,
    help: '1 when this process is connected to Redis',
    registers: [this.registry],
  });

  private readonly collectors: ScrapeCollector[] = [];
  private defaultsOn = false;

  constructor() {
    // the labelled series exist from the start, so dashboards and alerts see zeros, not gaps
    for (const via of ['relay', 'sweeper']) this.eventsRelayed.inc({ via }, 0);
    for (const outcome of ['sent', 'bounced', 'skipped']) this.digestEmails.inc({ outcome }, 0);
    for (const provider of ['apertium', 'libretranslate', 'deepl'])
      this.translationDuration.zero({ provider, outcome: 'ok' });
  }

  /** Tags every series with the process kind and turns on Node's process metrics (once). */
  forProcess(kind: ProcessKind): this {
    this.registry.setDefaultLabels({ process: kind });
    if (!this.defaultsOn) {
      collectDefaultMetrics({ register: this.registry, prefix: METRIC_PREFIX });
      this.defaultsOn = true;
    }
    return this;
  }

  /** Registers work to do before each scrape; each gets at most `timeoutMs`, a slow one leaves its old value. */
  onScrape(collector: ScrapeCollector): void {
    this.collectors.push(collector);
  }

  /** Hook for translation providers: one translation took `seconds`. */
  observeTranslation(provider: string, seconds: number, outcome: 'ok' | 'error' = 'ok'): void {
    this.translationDuration.observe({ provider, outcome }, seconds);
  }

  /** Hook for the digest mailer: one member digest was sent, bounced or skipped. */
  recordDigestEmail(outcome: 'sent' | 'bounced' | 'skipped'): void {
    this.digestEmails.inc({ outcome });
  }

  /** The exposition text (Prometheus format) after running the scrape collectors. */
  async scrape(timeoutMs = 1500): Promise<string> {
    await Promise.all(
      this.collectors.map((collect) =>
        Promise.race([
          collect().catch(() => undefined),
          new Promise((resolve) => setTimeout(resolve, timeoutMs).unref()),
        ]),
      ),
    );
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
