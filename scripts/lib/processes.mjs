// Child-process plumbing shared by the launcher (start.mjs), the test runner
// (test.mjs) and the CLI wrapper (cli.mjs).
//
// Only Node built-ins are imported here: these helpers run before
// `npm ci` has populated node_modules on a fresh clone.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';

/** Absolute path of the repository root. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Git-ignored directory for everything the launcher keeps between runs. */
export const DATA_DIR = path.join(ROOT, '.data');

const useColor = process.stdout.isTTY && !process.env.NO_COLOR;
const COLORS = [36, 35, 33, 32, 34, 91, 96, 95];
const paint = (code, text) => (useColor ? `\x1b[${code}m${text}\x1b[0m` : text);
export const bold = (text) => paint(1, text);
export const green = (text) => paint(32, text);

export function log(message) {
  console.log(`${paint(90, '[roundtable]')} ${message}`);
}

export function warn(message) {
  console.warn(`${paint(33, '[roundtable] warning:')} ${message}`);
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Run a command to completion with inherited stdio (npm ci, npm run build, apt-get…).
 * Resolves on exit code 0, rejects with a readable error otherwise.
 */
export function run(command, args, { cwd = ROOT, env = process.env, quiet = false, uid, gid } = {}) {
  return new Promise((resolve, reject) => {
    const options = { cwd, env, stdio: quiet ? 'ignore' : 'inherit' };
    if (uid !== undefined) Object.assign(options, { uid, gid });
    const child = spawn(command, args, options);
    child.on('error', (error) => reject(new Error(`cannot run ${command}: ${error.message}`)));
    child.on('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`\`${[command, ...args].join(' ')}\` failed (${signal ?? `exit code ${code}`})`));
    });
  });
}

/** True when `name` is an executable file somewhere on PATH. */
export function commandExists(name) {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => {
    try {
      fs.accessSync(path.join(dir, name), fs.constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

// Every child started through spawnManaged(), in start order, so that
// stopAll() can stop them in reverse order (apps before the services they use).
const managed = [];
let nameWidth = 8;
let defaultUnexpectedExit = null;

/**
 * Called for any managed child that exits without having been asked to stop
 * (unless spawnManaged was given its own onUnexpectedExit): the launcher uses
 * it to tear everything down when Postgres, Redis or an app crashes.
 */
export function onAnyUnexpectedExit(handler) {
  defaultUnexpectedExit = handler;
}

/**
 * Start a long-running child whose output lines are prefixed with its name.
 *
 * detached (default true) puts the child in its own process group, so a
 * Ctrl-C in the terminal reaches only the launcher; the launcher then stops
 * the children itself, in order (apps first, databases last). Without this,
 * Postgres would get the SIGINT at the same moment as the api and shut down
 * under its feet, and a second signal from the launcher could kill a Nest app
 * that is half-way through its own graceful shutdown.
 *
 * onUnexpectedExit(info) is called when the child exits without stop() having
 * been called.
 */
export function spawnManaged(name, command, args, options = {}) {
  const {
    cwd = ROOT,
    env = process.env,
    detached = true,
    stopSignal = 'SIGTERM',
    uid,
    gid,
    onLine,
    onUnexpectedExit = (info) => defaultUnexpectedExit?.(proc, info),
  } = options;
  nameWidth = Math.max(nameWidth, name.length);
  const color = COLORS[managed.length % COLORS.length];
  const spawnOptions = { cwd, env, detached, stdio: ['ignore', 'pipe', 'pipe'] };
  if (uid !== undefined) Object.assign(spawnOptions, { uid, gid });
  const child = spawn(command, args, spawnOptions);

  const recent = []; // last lines, to explain an early death
  const prefix = () => paint(color, `${name.padEnd(nameWidth)} |`);
  for (const stream of [child.stdout, child.stderr]) {
    readline.createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => {
      recent.push(line);
      if (recent.length > 30) recent.shift();
      console.log(`${prefix()} ${line}`);
      onLine?.(line);
    });
  }

  const proc = {
    name,
    child,
    stopSignal,
    stopping: false,
    exitInfo: null,
    recentOutput: () => recent.join('\n'),
    get running() {
      return proc.exitInfo === null;
    },
    /** Resolves with { code, signal } once the child has exited. */
    exited: null,
    /** stopSignal, then SIGKILL if still alive after timeoutMs. */
    async stop(timeoutMs = 10_000) {
      proc.stopping = true;
      if (!proc.running) return proc.exitInfo;
      signalChild(proc, stopSignal);
      const timer = setTimeout(() => {
        warn(`${name} did not stop within ${timeoutMs / 1000}s; killing it`);
        signalChild(proc, 'SIGKILL');
      }, timeoutMs);
      const info = await proc.exited;
      clearTimeout(timer);
      return info;
    },
  };
  proc.exited = new Promise((resolve) => {
    child.on('error', (error) => {
      // spawn failure (ENOENT…): there will be no 'exit' event
      if (proc.exitInfo) return;
      proc.exitInfo = { code: null, signal: null, error };
      resolve(proc.exitInfo);
      if (!proc.stopping) onUnexpectedExit?.(proc.exitInfo);
    });
    child.on('exit', (code, signal) => {
      proc.exitInfo = { code, signal };
      resolve(proc.exitInfo);
      if (!proc.stopping) onUnexpectedExit?.(proc.exitInfo);
    });
  });
  managed.push(proc);
  return proc;
}

function signalChild(proc, signal) {
  try {
    proc.child.kill(signal);
  } catch {
    // already gone
  }
}

/** Stop every managed child that is still running, newest first. */
export async function stopAll(timeoutMs = 10_000) {
  for (const proc of [...managed].reverse()) {
    if (proc.running) {
      log(`stopping ${proc.name}…`);
      await proc.stop(timeoutMs);
    }
  }
}

// Last line of defence: if the launcher itself exits (crash, process.exit),
// detached children would otherwise outlive it. Signals can be sent
// synchronously from an 'exit' handler; waiting cannot.
process.on('exit', () => {
  for (const proc of managed) if (proc.running) signalChild(proc, proc.stopSignal);
});

/**
 * Call shutdown(signal) once on SIGINT/SIGTERM/SIGHUP. Later signals are
 * ignored: `npm start` delivers a Ctrl-C twice (the terminal signals the
 * whole foreground group and npm forwards it as well), and the children are
 * already being stopped with their own SIGKILL deadline.
 */
export function onShutdownSignal(shutdown) {
  let called = false;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      if (called) return;
      called = true;
      console.log('');
      log(`${signal} received, shutting down…`);
      shutdown(signal);
    });
  }
}

/** True when something accepts TCP connections on host:port. */
export function isPortOpen(port, host = '127.0.0.1', timeoutMs = 1000) {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    const done = (open) => {
      socket.destroy();
      resolve(open);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** True when we could listen on host:port ourselves right now. */
export function isPortFree(port, host = '127.0.0.1') {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** First free port at or after `preferred`. */
export async function findFreePort(preferred, host = '127.0.0.1') {
  for (let port = preferred; port < preferred + 100; port++) {
    if ((await isPortFree(port, host)) && !(await isPortOpen(port, host, 300))) return port;
  }
  throw new Error(`no free port found between ${preferred} and ${preferred + 99}`);
}

/**
 * Poll check() until it returns a truthy value. Gives up after timeoutMs, or
 * as soon as abortIf() returns a reason (e.g. the process we wait for died).
 */
export async function waitFor(description, check, { timeoutMs = 60_000, intervalMs = 250, abortIf } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const reason = abortIf?.();
    if (reason) throw new Error(`${description}: ${reason}`);
    const result = await check().catch(() => false);
    if (result) return result;
    if (Date.now() > deadline) throw new Error(`${description}: timed out after ${timeoutMs / 1000}s`);
    await sleep(intervalMs);
  }
}

/** GET url and resolve true on a 2xx answer. */
export async function httpOk(url, timeoutMs = 2000) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetch(url, { signal: controller.signal });
    await response.arrayBuffer().catch(() => undefined);
    return response.ok;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/** "exit code 1", "signal SIGKILL" or the spawn error, for messages. */
export function describeExit(info) {
  if (!info) return 'still running';
  if (info.error) return info.error.message;
  return info.signal ? `signal ${info.signal}` : `exit code ${info.code}`;
}
