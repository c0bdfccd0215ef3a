#!/usr/bin/env node
// `npm run bench -- [idle|contributions ...]`: the benchmarks in bench/, against the
// compiled api with real PostgreSQL and Redis. Each run gets its own database and
// Redis key prefix, removed afterwards. Benchmarks print tables; they assert nothing.
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import { buildIfNeeded, DIST } from './lib/app.mjs';
import {
  createDatabase,
  deleteRedisKeys,
  dropDatabase,
  ensureApertium,
  ensureDependencies,
  ensurePostgres,
  ensureRedis,
  log,
  onShutdownSignal,
  stopAll,
  withDatabase,
} from './lib/services.mjs';

const available = fs
  .readdirSync(path.join(path.dirname(DIST), 'bench'))
  .filter((f) => f.endsWith('.ts') && f !== 'support.ts')
  .map((f) => f.replace(/\.ts$/, ''));
const asked = process.argv.slice(2);
const names = asked.length ? asked : available;
const unknown = names.filter((n) => !available.includes(n));
if (unknown.length) {
  console.error(`unknown benchmark(s): ${unknown.join(', ')}; available: ${available.join(', ')}`);
  process.exit(2);
}

function runNode(file, env) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [file], { env, stdio: 'inherit' });
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

async function main() {
  onShutdownSignal(() => undefined);
  await ensureDependencies();
  // the stack and translation benches translate with Apertium, as `npm start` does
  await ensureApertium();
  const runId = `${Date.now()}_${process.pid}`;
  const database = `rt_bench_${runId}`;
  const postgres = await ensurePostgres({ database: 'postgres' });
  const redis = await ensureRedis();
  await createDatabase(postgres.adminUrl, database);
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    JWT_SECRET: crypto.randomBytes(36).toString('base64url'),
    DATABASE_URL: withDatabase(postgres.adminUrl, database),
    REDIS_URL: redis.url,
    REDIS_PREFIX: `rt-bench-${runId.replace('_', '-')}`,
    // the bench signs up its authors from one address, and they post at once (no emails to confirm)
    REGISTRATIONS_PER_HOUR: '1000000',
    EMAIL_VERIFICATION: 'off',
  };
  let failed = 0;
  try {
    await buildIfNeeded({ env });
    for (const name of names) {
      log(`benchmark: ${name}`);
      if ((await runNode(path.join(DIST, 'bench', `${name}.js`), env)) !== 0) failed += 1;
    }
  } finally {
    await dropDatabase(postgres.adminUrl, database).catch(() => undefined);
    await deleteRedisKeys(redis.url, env.REDIS_PREFIX).catch(() => undefined);
    await postgres.stop();
    await redis.stop();
    await stopAll();
  }
  process.exit(failed ? 1 : 0);
}

main().catch((err) => {
  console.error(err?.message ?? err);
  process.exit(1);
});
