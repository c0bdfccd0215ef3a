import { timingSafeEqual } from 'node:crypto';
import { Controller, Get, Headers, HttpStatus, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AppConfig, DomainError, Metrics } from '@roundtable/core';
import { Access } from '@roundtable/identity';
import { OPS_MESSAGES } from './ops-messages';

/** Prometheus scrapes this process here (outside `/api/v1`, like `/health`). */
@ApiTags('operations')
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: Metrics,
    private readonly config: AppConfig,
  ) {}

  @Get()
  // scrapers carry no user token; METRICS_TOKEN, when set, is checked below instead
  @Access('public')
  @ApiOperation({
    summary: 'Prometheus metrics of this api process (text exposition format); Bearer METRICS_TOKEN when configured',
  })
  @ApiProduces('text/plain')
  @ApiOkResponse({
    description: 'roundtable_* series: HTTP latency, sockets, outbox, queues, translation, digests, Node process',
  })
  @ApiUnauthorizedResponse({ description: 'METRICS_TOKEN is configured and the bearer token does not match' })
  async scrape(
    @Headers('authorization') authorization: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    this.checkToken(authorization);
    void reply.header('content-type', this.metrics.contentType);
    void reply.header('cache-control', 'no-store');
    return this.metrics.scrape();
  }

  private checkToken(authorization: string | undefined): void {
    const expected = this.config.METRICS_TOKEN;
    if (!expected) return;
    const given = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1] ?? '';
    const a = Buffer.from(given);
    const b = Buffer.from(expected);
    if (a.length !== b.length || !timingSafeEqual(a, b)) {
      throw new DomainError(HttpStatus.UNAUTHORIZED, 'unauthenticated', OPS_MESSAGES.metricsToken);
    }
  }
}
