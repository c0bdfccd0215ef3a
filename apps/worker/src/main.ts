import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
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
 * values inside it. A nice value sets the worker's share of a busy CPU, not how soon the
 * api gets the CPU back when it wakes: for that the worker also takes Linux's `SCHED_IDLE`
 * policy (see {@link takeIdlePolicy}).
 */
async function yieldCpuToPeople(nice: number): Promise<void> {
  const logger = new Logger('Worker');
  try {
    if (os.getPriority() < nice) os.setPriority(nice);
  } catch (err) {
    logger.warn(`could not lower the worker's priority to nice ${nice}: ${(err as Error).message}`);
  }
  if (nice === 0) return;
  if (leadsItsSession()) await lowerSessionPriority(process.pid, nice);
  const refused = takeIdlePolicy();
  if (refused) logger.warn(`the worker keeps the normal scheduling policy: ${refused}`);
}

/**
 * Gives every thread of this process Linux's `SCHED_IDLE` scheduling policy, which its
 * children (Apertium's pipelines, MJML, Chromium) inherit. A thread of the api that wakes
 * (a request, a reply from PostgreSQL) then takes a CPU from them at once, instead of
 * waiting for the end of their time slice, and the kernel counts a CPU that runs only
 * them as free when it places the api's threads. Their share of a busy machine is still
 * the one their session's nice value gives. Lowering one's own policy needs no privilege;
 * `chrt` is util-linux's. Returns why it could not, or undefined.
 */
function takeIdlePolicy(): string | undefined {
  const chrt = spawnSync('chrt', ['--all-tasks', '--idle', '--pid', '0', String(process.pid)], { encoding: 'utf8' });
  if (chrt.error) return chrt.error.message;
  return chrt.status === 0 ? undefined : chrt.stderr.trim() || `chrt exited with ${chrt.status}`;
}

bootstrap().catch((err) => {
  console.error(err instanceof ConfigError ? err.message : `worker failed to start: ${err?.stack ?? err}`);
  process.exit(1);
});
