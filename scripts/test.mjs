#!/usr/bin/env node
// `npm test [-- jest args]`: run the jest suites against real services.
//
// Every run gets its own PostgreSQL database (rt_test_<time>_<pid>) and its
// own Redis key prefix (rt-test-<time>-<pid>), so runs never see each other's
// data, even concurrently on one server. Both are removed afterwards.
//
// Environment given to jest (and to the api/worker processes tests spawn):
//   NODE_ENV=test, JWT_SECRET (random), DATABASE_URL (the fresh database),
//   REDIS_URL, REDIS_PREFIX, and RT_TEST_PG_ADMIN_URL (the same server's
//   `postgres` database, for tests that create databases of their own).
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import { buildIfNeeded, buildWebIfNeeded } from './lib/app.mjs';
import {
  ROOT,
  aptInstall,
  createDatabase,
  deleteRedisKeys,
  describeExit,
  dropDatabase,
  ensureApertium,
  ensureDebianTool,
  ensureDependencies,
  ensurePostgres,
  ensureRedis,
  log,
  onAnyUnexpectedExit,
  onShutdownSignal,
  stopAll,
  warn,
  withDatabase,
} from './lib/services.mjs';

const jestArgs = process.argv.slice(2);
const runId = `${Date.now()}_${process.pid}`;
const database = `rt_test_${runId}`;
const redisPrefix = `rt-test-${runId.replace('_', '-')}`;

let jest = null; // the jest child process while it runs
let interrupted = null; // the signal that interrupted the run

onShutdownSignal((signal) => {
  interrupted = signal;
  if (!jest || !running(jest)) return; // main() checks `interrupted` between steps
  // jest shares our process group, so a terminal Ctrl-C reached it already;
  // a SIGTERM from a CI runner did not. Forwarding is harmless either way,
  // and a jest that ignores it is killed so that the cleanup still happens.
  jest.kill(signal);
  setTimeout(() => running(jest) && jest.kill('SIGKILL'), 10_000).unref();
});
onAnyUnexpectedExit((proc, info) => warn(`${proc.name} exited unexpectedly during the tests (${describeExit(info)})`));

const running = (child) => child.exitCode === null && child.signalCode === null;

/** Run jest with our environment; resolves with its exit code. */
function runJest(env) {
  return new Promise((resolve) => {
    jest = spawn(process.execPath, [path.join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js'), ...jestArgs], {
      cwd: ROOT,
      env,
      stdio: 'inherit',
    });
    jest.on('exit', (code, signal) => {
      resolve(code ?? (signal ? 128 + (signal === 'SIGINT' ? 2 : 15) : 1));
    });
    jest.on('error', (error) => {
      console.error(`cannot start jest: ${error.message}`);
      resolve(1);
    });
  });
}

/**
 * The lint (eslint.config.mjs) before anything starts: an error — a deep import into
 * another lib, an edge the lib graph does not have, a broken rule of hooks — fails the
 * run; warnings are printed and allowed.
 */
function runLint(env) {
  return new Promise((resolve) => {
    log('lint: eslint apps libs test bench');
    const child = spawn(
      process.execPath,
      [path.join(ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js'), '--quiet', 'apps', 'libs', 'test', 'bench'],
      {
        cwd: ROOT,
        env,
        stdio: 'inherit',
      },
    );
    child.on('exit', (code) => resolve(code ?? 1));
    child.on('error', (error) => {
      console.error(`cannot start eslint: ${error.message}`);
      resolve(1);
    });
  });
}

/** Prettier's check of the whole tree (`.prettierrc.json`, `.prettierignore`): unformatted code fails the run; `npm run format` fixes it. */
function runFormatCheck(env) {
  return new Promise((resolve) => {
    log('format: prettier --check .');
    const prettier = path.join(ROOT, 'node_modules', 'prettier', 'bin', 'prettier.cjs');
    const child = spawn(process.execPath, [prettier, '--check', '--log-level', 'warn', '.'], {
      cwd: ROOT,
      env,
      stdio: 'inherit',
    });
    child.on('exit', (code) => resolve(code ?? 1));
    child.on('error', (error) => {
      console.error(`cannot start prettier: ${error.message}`);
      resolve(1);
    });
  });
}

/** Debian's Chromium for the browser tests (test/web*.spec.ts); they fail with a clear message without it. */
const CHROMIUM = '/usr/bin/chromium';
async function ensureChromium() {
  if (fs.existsSync(CHROMIUM)) return;
  try {
    await aptInstall(['chromium']);
  } catch (error) {
    warn(
      `Chromium is missing and could not be installed (${error.message}); the browser tests will fail.\n  Install it with: apt-get install -y chromium`,
    );
  }
}

function checkInterrupted() {
  if (interrupted) throw new Error(`interrupted by ${interrupted}`);
}

async function main() {
  const cleanups = [];
  let exitCode = 1;
  try {
    await ensureDependencies();
    checkInterrupted();
    if ((await runLint(process.env)) !== 0)
      throw new Error('lint found errors (npm run lint shows them with the warnings)');
    if ((await runFormatCheck(process.env)) !== 0)
      throw new Error('some files are not formatted: npm run format formats them');
    checkInterrupted();
    await ensureApertium(); // warning only: tests that need it will say so
    checkInterrupted();
    await ensureDebianTool('pdftotext', 'poppler-utils', 'the stocktaking export tests read PDFs back with it');
    await ensureChromium(); // warning only, likewise
    checkInterrupted();

    const postgres = await ensurePostgres({ database: 'postgres' });
    cleanups.push(() => postgres.stop());
    await createDatabase(postgres.adminUrl, database);
    cleanups.push(async () => {
      await dropDatabase(postgres.adminUrl, database);
      log(`dropped database ${database}`);
    });

    const redis = await ensureRedis();
    cleanups.push(() => redis.stop());
    cleanups.push(async () => {
      const n = await deleteRedisKeys(redis.url, redisPrefix);
      log(`deleted ${n} Redis keys with prefix ${redisPrefix}`);
    });
    checkInterrupted();

    const env = {
      ...process.env,
      NODE_ENV: 'test',
      JWT_SECRET: crypto.randomBytes(36).toString('base64url'), // 48 characters
      DATABASE_URL: withDatabase(postgres.adminUrl, database),
      REDIS_URL: redis.url,
      REDIS_PREFIX: redisPrefix,
      RT_TEST_PG_ADMIN_URL: postgres.adminUrl,
      // specs sign up many accounts from 127.0.0.1; the limit itself is tested with its own value
      REGISTRATIONS_PER_HOUR: '1000000',
      // the run's database is shared by every spec: a worker started by one spec must not
      // sweep (and translate) the others' contributions; the translation specs turn it on
      TRANSLATION_SWEEP_AFTER_SECONDS: '0',
    };
    log(`test database ${database}, Redis prefix ${redisPrefix}`);

    // Some tests spawn the compiled api and worker, so dist must be current:
    // always build (tsc is incremental) rather than trust a staleness check.
    await buildIfNeeded({ env, force: true });
    checkInterrupted();
    // the compiled api serves apps/web/dist to the browser tests
    await buildWebIfNeeded({ env });
    checkInterrupted();

    exitCode = await runJest(env);
    if (interrupted) exitCode = 130;
  } catch (error) {
    console.error(`\nnpm test: ${error.message}`);
    exitCode = interrupted ? 130 : 1;
  } finally {
    // newest first: drop data before stopping the servers that hold it
    for (const cleanup of cleanups.reverse()) {
      await cleanup().catch((error) => warn(`cleanup failed: ${error.message}`));
    }
    await stopAll();
  }
  process.exit(exitCode);
}

main();
