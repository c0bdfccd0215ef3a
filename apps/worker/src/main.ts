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
  app.enableShutdownHooks();
  new Logger('Worker').log('worker ready: consuming queues');
}

bootstrap().catch((err) => {
  console.error(err instanceof ConfigError ? err.message : `worker failed to start: ${err?.stack ?? err}`);
  process.exit(1);
});
