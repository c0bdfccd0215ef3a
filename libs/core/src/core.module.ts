import { Module } from '@nestjs/common';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { LoggingModule } from './logging/logging.module';
import { RedisModule } from './redis/redis.module';

/** Configuration, logging, the database and Redis: what every process needs. */
@Module({
  imports: [ConfigModule, LoggingModule, DatabaseModule, RedisModule],
  exports: [ConfigModule, DatabaseModule, RedisModule],
})
export class CoreModule {}
