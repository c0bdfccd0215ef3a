// Building the Roundtable apps and assembling the environment they run with.
// Shared by start.mjs, test.mjs and cli.mjs.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import { DATA_DIR, ROOT, log, run, spawnManaged, describeExit } from './processes.mjs';

export const DIST = path.join(ROOT, 'dist');
export const CLI_MAIN = path.join(DIST, 'apps', 'cli', 'src', 'main.js');
export const API_MAIN = path.join(DIST, 'apps', 'api', 'src', 'main.js');
export const WORKER_MAIN = path.join(DIST, 'apps', 'worker', 'src', 'main.js');

/**
 * Node's flags for each process, the same for `npm start`, the benchmarks and the
 * images (docker/*.Dockerfile; test/compose.spec.ts checks they agree). The api's smaller
 * young generation keeps its idle memory under 150 MB. Source maps are left off (they
 * cost the api ~15 MB); set NODE_OPTIONS=--enable-source-maps to debug with TypeScript lines.
 */
export const NODE_ARGS = JSON.parse(fs.readFileSync(path.join(ROOT, 'scripts', 'lib', 'node-args.json'), 'utf8'));

const WEB = path.join(ROOT, 'apps', 'web');
// Written after each successful build by this launcher; tsc rewrites only the
// outputs whose sources changed, so dist's own mtimes can't tell staleness.
const BUILD_STAMP = path.join(DIST, '.rt-build-stamp');
const WEB_BUILD_STAMP = path.join(WEB, 'dist', '.rt-build-stamp');

/** Latest mtime (ms) of any file under the given paths, skipping build output and deps. */
function newestMtime(paths, skip = new Set(['node_modules', 'dist', '.git'])) {
  let newest = 0;
  const visit = (entry) => {
    let stat;
    try {
      stat = fs.statSync(entry);
    } catch {
      return; // optional path that doesn't exist (yet)
    }
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(entry)) if (!skip.has(name)) visit(path.join(entry, name));
    } else {
      newest = Math.max(newest, stat.mtimeMs);
    }
  };
  paths.forEach(visit);
  return newest;
}

const mtime = (file) => (fs.existsSync(file) ? fs.statSync(file).mtimeMs : 0);

function stamp(file, timeMs) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${new Date(timeMs).toISOString()}\n`);
  fs.utimesSync(file, timeMs / 1000, timeMs / 1000);
}

/** `npm run build` unless dist is newer than every TypeScript source and config. */
export async function buildIfNeeded({ env = process.env, force = false } = {}) {
  const sources = [
    ...fs
      .readdirSync(path.join(ROOT, 'apps'))
      .filter((app) => app !== 'web')
      .map((app) => path.join(ROOT, 'apps', app)),
    'libs',
    'migrations',
    'bench',
    'tsconfig.json',
    'tsconfig.build.json',
    'package-lock.json',
  ].map((p) => path.resolve(ROOT, p));
  const upToDate = fs.existsSync(API_MAIN) && newestMtime(sources) <= mtime(BUILD_STAMP);
  if (upToDate && !force) return;
  const startedAt = Date.now(); // edits made during the build trigger the next one
  log('building the TypeScript apps (npm run build)…');
  await run('npm', ['run', 'build'], { env });
  stamp(BUILD_STAMP, startedAt);
}

/**
 * Build the web app when its dist is missing or older than its sources: with the
 * root `build:web` script (Vite; its dependencies are the root's), else when
 * apps/web has a package.json with a build script. Skipped silently otherwise
 * (the api then serves apps/web/public).
 */
export async function buildWebIfNeeded({ env = process.env, force = false } = {}) {
  const rootScripts = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts ?? {};
  if (rootScripts['build:web']) {
    const webSources = ['src', 'index.html', 'vite.config.ts', 'tsconfig.json', 'openapi.json'].map((p) =>
      path.join(WEB, p),
    );
    const upToDate =
      fs.existsSync(path.join(WEB, 'dist', 'index.html')) && newestMtime(webSources) <= mtime(WEB_BUILD_STAMP);
    if (upToDate && !force) return;
    const startedAt = Date.now();
    log('building the web app (npm run build:web)…');
    // always a production bundle: under `npm test` NODE_ENV is "test", which would make
    // Vite compile JSX for React's development runtime while bundling the production one
    await run('npm', ['run', 'build:web'], { env: { ...env, NODE_ENV: 'production' } });
    stamp(WEB_BUILD_STAMP, startedAt);
    return;
  }
  const pkgFile = path.join(WEB, 'package.json');
  if (!fs.existsSync(pkgFile)) return;
  const pkg = JSON.parse(fs.readFileSync(pkgFile, 'utf8'));
  if (!pkg.scripts?.build) return;
  if (fs.existsSync(path.join(WEB, 'dist')) && newestMtime([WEB]) <= mtime(WEB_BUILD_STAMP)) return;

  const rootPkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const workspaces = Array.isArray(rootPkg.workspaces) ? rootPkg.workspaces : (rootPkg.workspaces?.packages ?? []);
  const inWorkspace = workspaces.some(
    (w) =>
      path.resolve(ROOT, w) === WEB || (w.endsWith('/*') && path.resolve(ROOT, w.slice(0, -2)) === path.dirname(WEB)),
  );
  const startedAt = Date.now();
  if (inWorkspace) {
    // the root `npm ci` installed its dependencies
    log('building the web app (npm run build --workspace apps/web)…');
    await run('npm', ['run', 'build', '--workspace', 'apps/web'], { env });
  } else {
    const hasDeps = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies }).length > 0;
    const lock = path.join(WEB, 'package-lock.json');
    const installed = path.join(WEB, 'node_modules', '.package-lock.json');
    if (hasDeps && (!fs.existsSync(installed) || mtime(lock) > mtime(installed))) {
      log('installing the web app dependencies…');
      const cmd = fs.existsSync(lock) ? 'ci' : 'install';
      await run('npm', [cmd, '--prefix', 'apps/web', '--include=dev', '--no-audit', '--no-fund'], { env });
    }
    log('building the web app (npm run build --prefix apps/web)…');
    await run('npm', ['run', 'build', '--prefix', 'apps/web'], { env });
  }
  stamp(WEB_BUILD_STAMP, startedAt);
}

/**
 * A development JWT secret, generated once and kept in .data/jwt-secret so
 * that tokens survive a restart of `npm start`.
 */
export function devJwtSecret() {
  const file = path.join(DATA_DIR, 'jwt-secret');
  if (fs.existsSync(file)) {
    const secret = fs.readFileSync(file, 'utf8').trim();
    if (secret.length >= 32) return secret;
  }
  const secret = crypto.randomBytes(48).toString('base64url'); // 64 characters
  fs.mkdirSync(DATA_DIR, { recursive: true });
  fs.writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

export const DEFAULT_ADMIN_EMAIL = 'organiser@roundtable.local';
export const DEFAULT_ADMIN_PASSWORD = 'Roundtable-demo-2026';

/**
 * The environment the api, worker and cli run with: what the caller set wins,
 * the rest points at the services found or started by the launcher.
 */
export function appEnvironment({ databaseUrl, redisUrl, smtpUrl }) {
  const env = process.env;
  const port = env.PORT || '3000';
  const appUrl = env.APP_URL || `http://localhost:${port}`;
  return {
    ...env,
    NODE_ENV: env.NODE_ENV || 'development',
    PORT: port,
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    REDIS_PREFIX: env.REDIS_PREFIX || 'rt',
    JWT_SECRET: env.JWT_SECRET || devJwtSecret(),
    ADMIN_EMAIL: env.ADMIN_EMAIL || DEFAULT_ADMIN_EMAIL,
    ADMIN_PASSWORD: env.ADMIN_PASSWORD || DEFAULT_ADMIN_PASSWORD,
    SMTP_URL: smtpUrl,
    APP_URL: appUrl,
    ALLOWED_ORIGINS: env.ALLOWED_ORIGINS || appUrl,
    LOG_LEVEL: env.LOG_LEVEL || 'info',
    TRANSLATION_PROVIDER: env.TRANSLATION_PROVIDER || 'apertium',
  };
}

/**
 * Run one command of the compiled CLI to completion, its output prefixed.
 * Resolves with its output lines; rejects when it fails.
 */
export async function runCli(args, { env, name = `cli ${args[0]}` } = {}) {
  const lines = [];
  const proc = spawnManaged(name, process.execPath, [CLI_MAIN, ...args], {
    env,
    onLine: (line) => lines.push(line),
    onUnexpectedExit: () => {}, // a one-shot command is expected to exit
  });
  const info = await proc.exited;
  if (info.code !== 0) throw new Error(`\`cli ${args.join(' ')}\` failed (${describeExit(info)})`);
  return lines;
}
