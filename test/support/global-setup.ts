import 'reflect-metadata';
import { loadConfig, migrateDatabase } from '../../libs/core/src';

/** The run's database is fresh: bring it to the latest schema once, before any spec. */
export default async function globalSetup(): Promise<void> {
  if (!process.env.DATABASE_URL) {
    throw new Error(
      'DATABASE_URL is not set: run the suite with `npm test`, which starts or reuses PostgreSQL and Redis',
    );
  }
  await migrateDatabase(loadConfig());
}
