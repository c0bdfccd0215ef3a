import type { DataSourceOptions } from 'typeorm';
import { migrations } from '../../../../migrations';
import { AppConfig } from '../config/app-config';

/** Which of our processes this is (api, worker, cli), from its entry file: shown in pg_stat_activity. */
function processKind(): string {
  return /apps[\\/]([a-z]+)[\\/]/.exec(process.argv[1] ?? '')?.[1] ?? 'process';
}

export function dataSourceOptions(config: AppConfig): DataSourceOptions & { type: 'postgres' } {
  return {
    type: 'postgres',
    url: config.DATABASE_URL,
    synchronize: false,
    migrationsRun: false,
    migrations,
    migrationsTableName: 'schema_migrations',
    // PostgreSQL's sessions say whose they are, e.g. `roundtable-api`
    applicationName: `roundtable-${processKind()}`,
    extra: { max: config.DATABASE_POOL_SIZE, connectionTimeoutMillis: 5000 },
    // failed queries are reported by the error filter, without their parameters (emails, hashes)
    logging: ['migration'],
  };
}
