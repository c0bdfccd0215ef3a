import type { DataSourceOptions } from 'typeorm';
import { migrations } from '../../../../migrations';
import { AppConfig } from '../config/app-config';

export function dataSourceOptions(config: AppConfig): DataSourceOptions & { type: 'postgres' } {
  return {
    type: 'postgres',
    url: config.DATABASE_URL,
    synchronize: false,
    migrationsRun: false,
    migrations,
    migrationsTableName: 'schema_migrations',
    extra: { max: config.DATABASE_POOL_SIZE, connectionTimeoutMillis: 5000 },
    // failed queries are reported by the error filter, without their parameters (emails, hashes)
    logging: ['migration'],
  };
}
