import { Module } from '@nestjs/common';
import { MetricsController } from './metrics.controller';

/** What operators use: Prometheus metrics (the queue dashboard is mounted by `createApiApp`). */
@Module({ controllers: [MetricsController] })
export class ApiOpsModule {}
