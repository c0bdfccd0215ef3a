/**
 * `npm run bench -- idle`: the api process's resident memory once it has started and
 * settled (target ≤ 150 MB). Runs the compiled api (`dist/apps/api/src/main.js`) with
 * the environment it is given; on its own (`node dist/bench/idle.js`) it falls back to a
 * local PostgreSQL and Redis. Prints a table; it is not a test and asserts nothing.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { rssMb, sleep, startProcess, table } from './support';

const TARGET_MB = 150;
const SETTLE_MS = Number(process.env.BENCH_IDLE_SETTLE_MS ?? 3000);

/** The environment the api needs, with local defaults when run by hand. */
function benchEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  if (!process.env.DATABASE_URL) {
    env.DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
    env.REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  }
  if (!process.env.JWT_SECRET) env.JWT_SECRET = randomBytes(36).toString('base64url');
  if (!process.env.REDIS_PREFIX) env.REDIS_PREFIX = `rt-bench-idle-${process.pid}`;
  env.NODE_ENV = process.env.NODE_ENV ?? 'production';
  return env;
}

/** A field of /proc/<pid>/status in MB (VmRSS: resident now, VmHWM: peak resident). */
function procStatusMb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const kb = Number(new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN);
  return Math.round(kb / 102.4) / 10;
}

export async function main(): Promise<void> {
  const started = Date.now();
  const api = await startProcess('api', benchEnv());
  const readyMs = Date.now() - started;
  try {
    const atReady = rssMb(api.pid);
    await sleep(SETTLE_MS);
    const idle = procStatusMb(api.pid, 'VmRSS');
    const peak = procStatusMb(api.pid, 'VmHWM');
    const verdict = (mb: number) => (mb <= TARGET_MB ? 'ok' : 'OVER');
    table(
      `api process memory (pid ${api.pid}, ready after ${readyMs} ms, then ${SETTLE_MS / 1000} s idle; Node ${process.version})`,
      ['measure', 'MB', `target ≤ ${TARGET_MB} MB`],
      [
        ['RSS when ready', atReady.toFixed(1), verdict(atReady)],
        [`RSS after ${SETTLE_MS / 1000} s idle`, idle.toFixed(1), verdict(idle)],
        ['peak RSS (VmHWM)', peak.toFixed(1), '-'],
      ],
    );
  } finally {
    await api.stop();
  }
}

if (require.main === module) {
  main().catch((err) => {
    console.error(`bench idle failed: ${err?.stack ?? err}`);
    process.exit(1);
  });
}
