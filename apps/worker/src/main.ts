import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger as PinoLogger } from 'nestjs-pino';
import { ConfigError, loadConfig, migrateDatabase } from '@roundtable/core';
import { WorkerModule } from './worker.module';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  await migrateDatabase(config);
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
  app.useLogger(app.get(PinoLogger));
  const logger = new Logger('Worker');
  // SIGTERM/SIGINT: the queue workers stop taking jobs and finish the active ones
  // (WorkerLifecycle, before any connection closes), then everything closes; exit 0
  let stopping = false;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      if (stopping) return;
      stopping = true;
      const startedAt = Date.now();
      logger.log(`${signal}: finishing active jobs`);
      app
        .close()
        .then(() => {
          logger.log(`stopped in ${Date.now() - startedAt} ms`);
          process.exit(0);
        })
        .catch((err) => {
          console.error(`worker shutdown failed: ${err?.stack ?? err}`);
          process.exit(1);
        });
    });
  }
  logger.log('worker ready: consuming queues');
}

bootstrap().catch((err) => {
  console.error(err instanceof ConfigError ? err.message : `worker failed to start: ${err?.stack ?? err}`);
  process.exit(1);
});
