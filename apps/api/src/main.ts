import 'reflect-metadata';
import { ConfigError, loadConfig, migrateDatabase } from '@roundtable/core';
import { apiOperations, createApiApp } from './create-api-app';
import { installGracefulShutdown } from './ops/graceful-shutdown';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  // every process migrates at boot under an advisory lock; the first does the work
  await migrateDatabase(config);
  const app = await createApiApp(config);
  const { live, requests } = apiOperations(app);
  installGracefulShutdown(app, live, requests);
  await app.listen(config.PORT, config.HOST);
}

bootstrap().catch((err) => {
  console.error(err instanceof ConfigError ? err.message : `api failed to start: ${err?.stack ?? err}`);
  process.exit(1);
});
