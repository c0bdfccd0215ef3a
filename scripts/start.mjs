#!/usr/bin/env node
// `npm start`: run Roundtable locally with everything it needs, from a fresh
// clone on a machine that may have nothing installed but Node.js.
//
//   1. npm dependencies, TypeScript build, web app build (when present)
//   2. PostgreSQL, Redis, an SMTP catcher with a web inbox, Apertium
//      (existing servers are reused; missing ones are started or installed)
//   3. `cli migrate`, `cli seed-demo`
//   4. the api and the worker as two child processes, until Ctrl-C
//
// Everything it starts it stops again on Ctrl-C (exit 0) or when one of its
// children dies (exit 1). Data lives in .data/ and is reused by the next run.
import {
  API_MAIN,
  NODE_ARGS,
  WORKER_MAIN,
  appEnvironment,
  buildIfNeeded,
  buildWebIfNeeded,
  runCli,
} from './lib/app.mjs';
import {
  bold,
  describeExit,
  ensureApertium,
  ensureDependencies,
  ensurePostgres,
  ensureRedis,
  ensureSmtp,
  green,
  httpOk,
  isPortFree,
  log,
  onAnyUnexpectedExit,
  onShutdownSignal,
  redact,
  spawnManaged,
  stopAll,
  waitFor,
  warn,
} from './lib/services.mjs';

let shuttingDown = false;

/** Stop everything this launcher started (apps first, then services), then exit. */
async function shutdown(exitCode) {
  if (shuttingDown) return;
  shuttingDown = true;
  await stopAll();
  log(exitCode === 0 ? 'stopped.' : 'stopped after an error.');
  process.exit(exitCode);
}

async function main() {
  onShutdownSignal(() => shutdown(0));
  onAnyUnexpectedExit((proc, info) => {
    if (shuttingDown) return;
    console.error(`\n${bold(`${proc.name} exited unexpectedly (${describeExit(info)}); stopping everything.`)}`);
    shutdown(1);
  });

  await ensureDependencies();
  await buildIfNeeded();
  await buildWebIfNeeded();

  const postgres = await ensurePostgres({ database: 'roundtable' });
  const redis = await ensureRedis();
  const smtp = await ensureSmtp();
  await ensureApertium(); // warns (and the app degrades) when it can't be installed

  const env = appEnvironment({ databaseUrl: postgres.url, redisUrl: redis.url, smtpUrl: smtp.url });
  if (!(await isPortFree(Number(env.PORT), '0.0.0.0'))) {
    throw new Error(`port ${env.PORT} is already in use; stop whatever uses it or run with PORT=<another port>`);
  }

  await runCli(['migrate'], { env, name: 'migrate' });
  const seedOutput = await runCli(['seed-demo'], { env, name: 'seed' });

  spawnManaged('api', process.execPath, [...NODE_ARGS.api, API_MAIN], { env });
  spawnManaged('worker', process.execPath, [...NODE_ARGS.worker, WORKER_MAIN], { env });

  const base = `http://127.0.0.1:${env.PORT}`;
  await waitFor('the api did not become ready', () => httpOk(`${base}/health/ready`), {
    timeoutMs: 120_000,
    intervalMs: 500,
    abortIf: () => (shuttingDown ? 'shutting down' : null),
  });
  printBanner(env, smtp, seedOutput);
}

/** The seed-demo command prints `DEMO_LOGINS <json>` as its last such line. */
function demoLogins(seedOutput, env) {
  const line = [...seedOutput].reverse().find((l) => l.startsWith('DEMO_LOGINS '));
  if (line) {
    try {
      const parsed = JSON.parse(line.slice('DEMO_LOGINS '.length));
      const list = Array.isArray(parsed)
        ? parsed
        : Object.entries(parsed).map(([role, v]) => (typeof v === 'object' ? { role, ...v } : { role, email: v }));
      if (list.length) return list;
    } catch {
      warn('seed-demo printed DEMO_LOGINS that is not valid JSON; showing the organiser login only');
    }
  }
  return [{ role: 'organiser', email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD }];
}

function printBanner(env, smtp, seedOutput) {
  const appUrl = `http://localhost:${env.PORT}`;
  const logins = demoLogins(seedOutput, env);
  const roleWidth = Math.max(...logins.map((l) => String(l.role ?? l.name ?? '').length), 4);
  const rows = [
    ['Roundtable', appUrl],
    ['API docs', `${appUrl}/api/docs`],
    ['Mail inbox', smtp.webUrl ?? `(mail goes to ${redact(smtp.url)})`],
  ];
  const out = [
    '',
    green(bold('  Roundtable is running')),
    '',
    ...rows.map(([label, value]) => `  ${label.padEnd(11)} ${bold(value)}`),
    '',
    '  Demo logins:',
    ...logins.map((l) => {
      const who = String(l.role ?? l.name ?? l.displayName ?? '').padEnd(roleWidth);
      return `    ${who}  ${l.email}${l.password ? `  /  ${l.password}` : ''}`;
    }),
    '',
    '  Press Ctrl-C to stop.',
    '',
  ];
  console.log(out.join('\n'));
}

main().catch((error) => {
  if (shuttingDown) return;
  console.error(`\n${bold('npm start failed:')} ${error.message}`);
  shutdown(1);
});
