import { Global, Module } from '@nestjs/common';
import { Metrics } from './metrics';
import { MetricsCollectors } from './metrics-collectors';

/** The process's Prometheus registry ({@link Metrics}), injectable everywhere. */
@Global()
@Module({ providers: [Metrics, MetricsCollectors], exports: [Metrics] })
export class MetricsModule {}
