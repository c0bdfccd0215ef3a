import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, ROOT } from './compiled-api';

/**
 * Compiled api and worker processes for multi-process tests: each on a free port, with the
 * test run's environment (DATABASE_URL, REDIS_URL, REDIS_PREFIX, JWT_SECRET) plus overrides.
 * `npm test` builds dist before jest runs; by hand: `npm run build`.
 */

const ENTRY = {
  api: join(ROOT, 'dist', 'apps', 'api', 'src', 'main.js'),
  worker: join(ROOT, 'dist', 'apps', 'worker', 'src', 'main.js'),
} as const;

export type ProcessKind = keyof typeof ENTRY;

/**
 * A Redis prefix of one's own under the run's: queues, live channels and caches no other
 * spec's processes touch. Specs run side by side on one Redis, and a worker of another
 * spec would otherwise take this one's jobs (with its own settings, or before this spec
 * means a worker to run at all).
 */
export function uniquePrefix(tag: string): string {
  return `${process.env.REDIS_PREFIX ?? 'rt-test'}-${tag}-${randomBytes(3).toString('hex')}`;
}

export interface RunningProcess {
  kind: ProcessKind;
  /** `http://127.0.0.1:<port>` (the worker has a port in its env but listens on nothing). */
  url: string;
  port: number;
  child: ChildProcess;
  /** stdout and stderr lines so far. */
  lines: string[];
  /** Resolves when the api answers /health/ready 200, or the worker logged that it is ready. */
  ready(timeoutMs?: number): Promise<void>;
  /** SIGKILL: no shutdown hooks, no flushing; resolves once the process is gone. */
  kill9(): Promise<void>;
  /** SIGTERM, then SIGKILL after 10 s. */
  stop(): Promise<void>;
  /** The last lines of output, for failure messages. */
  tail(n?: number): string;
  readonly alive: boolean;
}

const started = new Set<ChildProcess>();
// a crashed or interrupted spec must not leave processes behind
process.once('exit', () => {
  for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

/**
 * Starts a compiled api or worker and waits until it is ready (a worker logs at info, which
 * the readiness check reads); a busy 2-core machine running the whole suite boots them
 * slowly. One that does not come up is killed.
 */
export async function bootProcess(
  kind: ProcessKind,
  env: Record<string, string | undefined> = {},
): Promise<RunningProcess> {
  const proc = await startProcess(kind, kind === 'worker' ? { LOG_LEVEL: 'info', ...env } : env);
  try {
    await proc.ready(90_000);
  } catch (err) {
    await proc.kill9();
    throw err;
  }
  return proc;
}

export async function startProcess(
  kind: ProcessKind,
  env: Record<string, string | undefined> = {},
): Promise<RunningProcess> {
  const entry = ENTRY[kind];
  if (!existsSync(entry)) throw new Error(`${entry} is missing: build first (npm test does; by hand: npm run build)`);
  const port = Number(env.PORT ?? (await freePort()));
  const child = spawn(process.execPath, [entry], {
    cwd: ROOT,
    // test files run side by side: a worker at its default nice 10 would wait behind other files'
    // apis, which are not people (a spec that checks the priority passes WORKER_NICE: undefined)
    env: {
      ...process.env,
      LOG_LEVEL: 'info',
      ...(kind === 'worker' ? { WORKER_NICE: '0' } : {}),
      ...env,
      HOST: '127.0.0.1',
      PORT: String(port),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.add(child);
  const lines: string[] = [];
  collect(child.stdout!, lines);
  collect(child.stderr!, lines);
  const exit = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    child.once('exit', () => resolve());
  });
  exit.then(() => started.delete(child));
  const url = `http://127.0.0.1:${port}`;
  const alive = () => child.exitCode === null && child.signalCode === null;
  const tail = (n = 30) => lines.slice(-n).join('\n');

  return {
    kind,
    url,
    port,
    child,
    lines,
    get alive() {
      return alive();
    },
    tail,
    async ready(timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        if (!alive())
          throw new Error(
            `${kind} on port ${port} exited (${child.signalCode ?? child.exitCode}) before it was ready\n${tail()}`,
          );
        if (kind === 'api') {
          const res = await fetch(`${url}/health/ready`).catch(() => undefined);
          if (res?.status === 200) return;
        } else if (lines.some((l) => l.includes('worker ready'))) {
          return;
        }
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`${kind} on port ${port} was not ready within ${timeoutMs} ms\n${tail()}`);
    },
    async kill9() {
      if (alive()) child.kill('SIGKILL');
      await exit;
    },
    async stop() {
      if (!alive()) return;
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exit;
      clearTimeout(killer);
    },
  };
}

export async function startApi(env: Record<string, string | undefined> = {}): Promise<RunningProcess> {
  const proc = await startProcess('api', env);
  try {
    await proc.ready();
  } catch (err) {
    await proc.kill9();
    throw err;
  }
  return proc;
}

export async function startWorker(env: Record<string, string | undefined> = {}): Promise<RunningProcess> {
  const proc = await startProcess('worker', env);
  try {
    await proc.ready();
  } catch (err) {
    await proc.kill9();
    throw err;
  }
  return proc;
}

/** Stops every given process (those already gone are skipped). */
export async function stopAll(procs: Array<RunningProcess | undefined>): Promise<void> {
  await Promise.all(procs.map((p) => p?.stop()));
}

function collect(stream: NodeJS.ReadableStream, into: string[]): void {
  let partial = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    const parts = (partial + chunk).split('\n');
    partial = parts.pop() ?? '';
    for (const line of parts) if (line.length > 0) into.push(line);
    // keep memory bounded on chatty processes
    if (into.length > 5000) into.splice(0, into.length - 5000);
  });
  stream.on('end', () => {
    if (partial) into.push(partial);
  });
}
