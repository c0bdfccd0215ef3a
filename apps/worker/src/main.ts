import 'reflect-metadata';
import os from 'node:os';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger as PinoLogger } from 'nestjs-pino';
import { ConfigError, leadsItsSession, loadConfig, lowerSessionPriority, migrateDatabase } from '@roundtable/core';
import { WorkerModule } from './worker.module';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  // before any child process exists: Apertium pipelines, MJML and PDF rendering inherit it
  await yieldCpuToPeople(config.WORKER_NICE);
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

/**
 * Lowers this process's scheduling priority to `nice` (raising it needs privileges and is
 * never asked), and that of its session when it leads one, as under `npm start`: with
 * autogroup scheduling a session shares the CPU equally with the api's whatever the nice
 * values inside it.
 */
async function yieldCpuToPeople(nice: number): Promise<void> {
  try {
    if (os.getPriority() < nice) os.setPriority(nice);
  } catch (err) {
    new Logger('Worker').warn(`could not lower the worker's priority to nice ${nice}: ${(err as Error).message}`);
  }
  if (nice > 0 && leadsItsSession()) await lowerSessionPriority(process.pid, nice);
}

bootstrap().catch((err) => {
  console.error(err instanceof ConfigError ? err.message : `worker failed to start: ${err?.stack ?? err}`);
  process.exit(1);
});
