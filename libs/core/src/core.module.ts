import { Module } from '@nestjs/common';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { EventsModule } from './events/events.module';
import { LoggingModule } from './logging/logging.module';
import { RedisModule } from './redis/redis.module';

/** Configuration, logging, the database, Redis, queues and the outbox: what every process needs. */
@Module({
  imports: [ConfigModule, LoggingModule, DatabaseModule, RedisModule, EventsModule],
  exports: [ConfigModule, DatabaseModule, RedisModule, EventsModule],
})
export class CoreModule {}
