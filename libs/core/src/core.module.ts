import { Module } from '@nestjs/common';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { EventsModule } from './events/events.module';
import { LoggingModule } from './logging/logging.module';
import { MetricsModule } from './metrics/metrics.module';
import { OpsModule } from './ops/ops.module';
import { RedisModule } from './redis/redis.module';

/** Configuration, logging, the database, Redis, queues, the outbox, metrics and lifecycle: what every process needs. */
@Module({
  imports: [ConfigModule, LoggingModule, DatabaseModule, RedisModule, EventsModule, MetricsModule, OpsModule],
  exports: [ConfigModule, DatabaseModule, RedisModule, EventsModule, MetricsModule, OpsModule],
})
export class CoreModule {}
