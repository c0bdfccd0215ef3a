// Checks the container setup without a Docker engine: docker-compose.yml
// declares every service Roundtable needs, each with a health check, and the
// app images come from multi-stage Dockerfiles that run as a non-root user.
// When the `docker compose` plugin is installed, compose itself validates
// the file too.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

interface ComposeService {
  image?: string;
  build?: string | { context?: string; dockerfile?: string };
  command?: string | string[];
  healthcheck?: { test?: string | string[]; disable?: boolean };
  depends_on?: string[] | Record<string, { condition?: string }>;
}

const root = path.resolve(__dirname, '..');
const composeFile = path.join(root, 'docker-compose.yml');
const compose = parse(readFileSync(composeFile, 'utf8')) as { services?: Record<string, ComposeService> };
const services = compose.services ?? {};

const SMTP_CATCHER_IMAGE = /maildev|mailpit|mailhog|smtp4dev|greenmail/i;

function expectHealthcheck(name: string): void {
  const healthcheck = services[name]?.healthcheck;
  expect(healthcheck).toBeDefined();
  expect(healthcheck?.disable).not.toBe(true);
  const test = healthcheck?.test;
  expect(Array.isArray(test) ? test.length > 1 && test[0] !== 'NONE' : Boolean(test)).toBe(true);
}

function dockerfileOf(name: string): string {
  const build = services[name]?.build;
  const context = typeof build === 'object' ? build.context ?? '.' : build ?? '.';
  const dockerfile = typeof build === 'object' ? build.dockerfile ?? 'Dockerfile' : 'Dockerfile';
  return path.resolve(root, context, dockerfile);
}

/** Dockerfile instructions as [keyword, rest] pairs, continuation lines joined. */
function instructions(file: string): Array<[string, string]> {
  return readFileSync(file, 'utf8')
    .replace(/\\\r?\n/g, ' ')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const [keyword, ...rest] = line.split(/\s+/);
      return [keyword.toUpperCase(), rest.join(' ')] as [string, string];
    });
}

describe('docker-compose.yml', () => {
  it.each(['postgres', 'redis', 'api', 'worker'])('defines the %s service with a healthcheck', (name) => {
    expect(services[name]).toBeDefined();
    expectHealthcheck(name);
  });

  it('defines an SMTP catcher service with a healthcheck', () => {
    const catchers = Object.keys(services).filter((name) => SMTP_CATCHER_IMAGE.test(services[name].image ?? ''));
    expect(catchers).not.toHaveLength(0);
    catchers.forEach(expectHealthcheck);
  });

  it('runs Redis with persistence and without key eviction (BullMQ needs both)', () => {
    const command = [services.redis.command ?? ''].flat().join(' ');
    expect(command).toMatch(/--appendonly yes/);
    expect(command).toMatch(/--maxmemory-policy noeviction/);
  });

  it.each(['api', 'worker'])('starts %s only once PostgreSQL and Redis are healthy', (name) => {
    const dependsOn = services[name].depends_on as Record<string, { condition?: string }>;
    expect(dependsOn?.postgres?.condition).toBe('service_healthy');
    expect(dependsOn?.redis?.condition).toBe('service_healthy');
  });

  it.each(['api', 'worker'])('builds %s from a multi-stage Dockerfile in docker/ that runs as a non-root user', (name) => {
    const file = dockerfileOf(name);
    expect(path.relative(root, file)).toMatch(/^docker\//);
    expect(existsSync(file)).toBe(true);

    const steps = instructions(file);
    expect(steps.filter(([keyword]) => keyword === 'FROM').length).toBeGreaterThanOrEqual(2);

    // the USER in force in the final stage
    const lastFrom = steps.map(([keyword]) => keyword).lastIndexOf('FROM');
    const users = steps.slice(lastFrom).filter(([keyword]) => keyword === 'USER');
    expect(users).not.toHaveLength(0);
    const user = users[users.length - 1][1].split(':')[0];
    expect(['root', '0']).not.toContain(user);
  });

  it.each(['api', 'worker'] as const)('starts %s with the Node flags npm start uses (scripts/lib/node-args.json)', (name) => {
    const nodeArgs: Record<string, string[]> = JSON.parse(readFileSync(path.join(root, 'scripts', 'lib', 'node-args.json'), 'utf8'));
    const cmd = instructions(dockerfileOf(name)).filter(([keyword]) => keyword === 'CMD').pop();
    expect(cmd).toBeDefined();
    expect(JSON.parse(cmd![1])).toEqual(['node', ...nodeArgs[name], `dist/apps/${name}/src/main.js`]);
  });

  it('is accepted by `docker compose config` (when the compose plugin is installed)', () => {
    const version = spawnSync('docker', ['compose', 'version'], { encoding: 'utf8' });
    if (version.status !== 0) {
      const reason = version.error?.message ?? (version.stderr || version.stdout).trim().split('\n')[0];
      console.log(`not running \`docker compose config -q\`: the docker compose plugin is unavailable (${reason})`);
      return;
    }
    const result = spawnSync('docker', ['compose', '-f', composeFile, 'config', '-q'], {
      cwd: root,
      encoding: 'utf8',
      // the file requires these secrets from the environment; any value will do here
      env: { ...process.env, JWT_SECRET: 'x'.repeat(48), ADMIN_PASSWORD: 'compose-config-check' },
    });
    if (result.status !== 0) console.error(result.stderr || result.error?.message);
    expect(result.status).toBe(0);
  });
});
