import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { RedisConnections, ShutdownState } from '@roundtable/core';
import { Access } from '@roundtable/identity';

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly redis: RedisConnections,
    private readonly shutdown: ShutdownState,
  ) {}

  @Get('live')
  @Access('public')
  @ApiOperation({ summary: 'The process is up' })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @Access('public')
  @HealthCheck()
  @ApiOperation({ summary: 'PostgreSQL and Redis answer and the process is not stopping; 503 otherwise (within ~1 s)' })
  ready() {
    if (this.shutdown.draining) {
      throw new ServiceUnavailableException({
        status: 'shutting_down',
        message: 'This process is shutting down; send new work elsewhere',
      });
    }
    return this.checkAll().catch((err) => {
      // the error shape keeps only `message`: say there which dependency is down
      if (!(err instanceof ServiceUnavailableException)) throw err;
      const result = err.getResponse() as { error?: Record<string, { status: string; message?: string }> };
      const down = Object.entries(result.error ?? {}).map(
        ([name, v]) => `${name} ${v.status}${v.message ? ` (${v.message})` : ''}`,
      );
      throw new ServiceUnavailableException(`Not ready: ${down.join('; ') || 'a dependency does not answer'}`);
    });
  }

  private checkAll() {
    return this.health.check([
      () => this.db.pingCheck('database', { timeout: 1000 }),
      async () => {
        const indicator = this.indicators.check('redis');
        try {
          // a connection that is not ready fails at once (no offline queue), so this answers fast
          if (this.redis.client.status !== 'ready') throw new Error(`connection ${this.redis.client.status}`);
          await Promise.race([
            this.redis.client.ping(),
            new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 1000).unref()),
          ]);
          return indicator.up();
        } catch (err) {
          return indicator.down({ message: (err as Error).message });
        }
      },
    ]);
  }
}
