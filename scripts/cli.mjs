#!/usr/bin/env node
// `npm run cli -- <command> [args]`: the compiled Roundtable CLI
// (dist/apps/cli/src/main.js) with the same environment `npm start` uses.
//
//   npm run cli -- migrate
//   npm run cli -- seed-demo
//   npm run cli -- create-admin --email a@b.org --password '…'
//   npm run cli -- import ../shared/data/hub-roundtable1.json --roundtable <id>
//
// Builds first when dist is missing or stale. When DATABASE_URL and REDIS_URL
// are both set they are used as they are; otherwise the servers are found the
// way `npm start` finds them (a running `npm start`'s embedded ones included),
// and any server this command had to start is stopped when it finishes.
import { spawn } from 'node:child_process';

import { CLI_MAIN, appEnvironment, buildIfNeeded } from './lib/app.mjs';
import { ensureDependencies, ensurePostgres, ensureRedis, stopAll } from './lib/services.mjs';

async function main() {
  await ensureDependencies();
  await buildIfNeeded();

  let env = process.env;
  if (!process.env.DATABASE_URL || !process.env.REDIS_URL) {
    const postgres = await ensurePostgres({ database: 'roundtable' });
    const redis = await ensureRedis();
    env = appEnvironment({
      databaseUrl: postgres.url,
      redisUrl: redis.url,
      // `npm start`'s mail catcher, at its default port
      smtpUrl: process.env.SMTP_URL || 'smtp://127.0.0.1:1025',
    });
  }

  const child = spawn(process.execPath, ['--enable-source-maps', CLI_MAIN, ...process.argv.slice(2)], {
    env,
    stdio: 'inherit',
  });
  // A terminal Ctrl-C reaches the CLI directly (same process group): just wait
  // for it to finish. Signals sent to this wrapper alone are passed on.
  process.on('SIGINT', () => {});
  for (const signal of ['SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  const code = await new Promise((resolve) => {
    child.on('exit', (exitCode, signal) => resolve(exitCode ?? (signal ? 1 : 0)));
    child.on('error', (error) => {
      console.error(`cannot run the CLI: ${error.message}`);
      resolve(1);
    });
  });
  await stopAll();
  process.exit(code);
}

main().catch(async (error) => {
  console.error(`npm run cli: ${error.message}`);
  await stopAll();
  process.exit(1);
});
