import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { eventually } from './test-api';

export const ROOT = join(__dirname, '..', '..');
export const COMPILED_API = join(ROOT, 'dist', 'apps', 'api', 'src', 'main.js');

/** A port nobody listens on right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface CompiledApi {
  url: string;
  port: number;
  child: ChildProcess;
  /** Every stdout line so far (pino writes one JSON object per line). */
  stdout: string[];
  stderr: string[];
  /** stdout lines that parse as JSON log records. */
  logRecords(): Array<Record<string, any>>;
  /** Resolves once GET /health/ready answers 200; rejects if the process exits first. */
  ready(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts `dist/apps/api/src/main.js` (built by `npm test` before jest runs) as a child
 * process on a free port, with the test run's environment plus `env`.
 */
export async function startCompiledApi(env: Record<string, string | undefined> = {}): Promise<CompiledApi> {
  if (!existsSync(COMPILED_API)) {
    throw new Error(`${COMPILED_API} is missing: build first (npm test does; by hand: npm run build)`);
  }
  const port = Number(env.PORT ?? (await freePort()));
  const child = spawn(process.execPath, [COMPILED_API], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'info', ...env, HOST: '127.0.0.1', PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stdout: string[] = [];
  const stderr: string[] = [];
  collectLines(child.stdout!, stdout);
  collectLines(child.stderr!, stderr);
  let exited: string | undefined;
  const exit = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      exited = `exited with ${signal ?? code}`;
      resolve();
    }),
  );
  const url = `http://127.0.0.1:${port}`;

  return {
    url,
    port,
    child,
    stdout,
    stderr,
    logRecords: () =>
      stdout.flatMap((line) => {
        try {
          const parsed = JSON.parse(line);
          return parsed && typeof parsed === 'object' ? [parsed] : [];
        } catch {
          return [];
        }
      }),
    async ready(timeoutMs = 90_000) {
      await eventually(
        async () => {
          if (exited) throw new Error(`api ${exited}\n${[...stdout, ...stderr].slice(-20).join('\n')}`);
          const res = await fetch(`${url}/health/ready`).catch(() => undefined);
          return res?.status === 200;
        },
        timeoutMs,
        `the compiled api on port ${port} to be ready`,
      ).catch((err) => {
        throw new Error(`${err.message}\n--- last output ---\n${[...stdout, ...stderr].slice(-20).join('\n')}`);
      });
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exit;
      clearTimeout(killer);
    },
  };
}

function collectLines(stream: NodeJS.ReadableStream, into: string[]): void {
  let partial = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    const parts = (partial + chunk).split('\n');
    partial = parts.pop() ?? '';
    into.push(...parts.filter((l) => l.length > 0));
  });
  stream.on('end', () => {
    if (partial) into.push(partial);
  });
}

/** The URL of the same server's `postgres` database, for creating and dropping databases. */
export function adminDatabaseUrl(): string {
  if (process.env.RT_TEST_PG_ADMIN_URL) return process.env.RT_TEST_PG_ADMIN_URL;
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = '/postgres';
  return url.toString();
}

export function databaseUrl(name: string): string {
  const url = new URL(adminDatabaseUrl());
  url.pathname = `/${name}`;
  return url.toString();
}
