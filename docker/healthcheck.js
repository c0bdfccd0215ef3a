// Container health checks for the Roundtable images (plain Node, no build step).
//
//   node docker/healthcheck.js api      GET /health/ready on $PORT answers 2xx
//   node docker/healthcheck.js worker   the worker's Redis and PostgreSQL answer
//                                       (and, if WORKER_HEARTBEAT_FILE is set,
//                                       that file was touched in the last minute)
//
// Exit code 0 = healthy, 1 = unhealthy, as Docker expects.
'use strict';

const fs = require('node:fs');

const TIMEOUT_MS = 4000;

async function api() {
  const port = process.env.PORT || '3000';
  const response = await fetch(`http://127.0.0.1:${port}/health/ready`, { signal: AbortSignal.timeout(TIMEOUT_MS) });
  if (!response.ok) throw new Error(`/health/ready answered ${response.status}`);
}

async function worker() {
  const heartbeat = process.env.WORKER_HEARTBEAT_FILE;
  if (heartbeat) {
    const age = Date.now() - fs.statSync(heartbeat).mtimeMs;
    if (age > 60_000) throw new Error(`heartbeat ${heartbeat} is ${Math.round(age / 1000)}s old`);
  }

  const Redis = require('ioredis');
  const redis = new Redis(process.env.REDIS_URL, {
    lazyConnect: true,
    connectTimeout: TIMEOUT_MS,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  redis.on('error', () => {});
  try {
    await redis.connect();
    await redis.ping();
  } finally {
    redis.disconnect();
  }

  const { Client } = require('pg');
  const pg = new Client({ connectionString: process.env.DATABASE_URL, connectionTimeoutMillis: TIMEOUT_MS });
  try {
    await pg.connect();
    await pg.query('SELECT 1');
  } finally {
    await pg.end().catch(() => {});
  }
}

const checks = { api, worker };
const check = checks[process.argv[2]];
if (!check) {
  console.error(`usage: node docker/healthcheck.js ${Object.keys(checks).join('|')}`);
  process.exit(2);
}
check().then(
  () => process.exit(0),
  (error) => {
    console.error(`unhealthy: ${error.message}`);
    process.exit(1);
  },
);
