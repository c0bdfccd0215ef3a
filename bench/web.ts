/// <reference lib="dom" />
/**
 * `npm run bench -- web`: the web app as the api serves it (`npm start`'s compiled api and
 * its web build) — the bytes of the first load as they travel, with Brotli, gzip or no
 * compression asked for, and, in headless Chromium, the time a member who signed in through
 * the login page waits for the first contribution of a question (and for all 500 of them),
 * on the local network and on a slow mobile link. `BENCH_RUNS` loads each (default 5),
 * median and range, with the loads that failed counted apart. Prints tables; asserts nothing.
 *
 * `BENCH_WEB_DIST=/path/to/dist` measures another build of the web app (e.g. one made from
 * an older commit) with the same api.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { chromium } from 'playwright-core';
import { ROOT, startProcess } from './support';

const DIST = process.env.BENCH_WEB_DIST ?? join(ROOT, 'apps', 'web', 'dist');
const CONTRIBUTIONS = 500;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
/** A slow mobile link, as Chromium's DevTools emulate it (bytes per second, ms). */
const SLOW = { downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8, latency: 150 };

function ensureBuild(): void {
  if (existsSync(join(DIST, 'index.html'))) return;
  const built = spawnSync('npm', ['run', 'build:web'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (built.status !== 0) throw new Error('npm run build:web failed');
}

/** What travels over the wire for one GET: body bytes as sent, and the encoding the api chose. */
function fetchRaw(
  url: string,
  acceptEncoding: string | null,
): Promise<{ status: number; bytes: number; encoding: string; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        resolve({
          status: res.statusCode ?? 0,
          bytes: body.length,
          encoding: String(res.headers['content-encoding'] ?? 'none'),
          body,
        });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** index.html and what it loads before anything renders (entry script, preloaded chunks, styles), as served. */
async function firstLoad(
  url: string,
  acceptEncoding: string | null,
): Promise<{ bytes: number; files: number; encodings: string }> {
  const page = await fetchRaw(`${url}/`, null);
  const html = page.body.toString('utf8');
  const assets = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
  const answers = [
    await fetchRaw(`${url}/`, acceptEncoding),
    ...(await Promise.all(assets.map((a) => fetchRaw(`${url}/${a}`, acceptEncoding)))),
  ];
  const failed = answers.filter((a) => a.status !== 200).length;
  if (failed) throw new Error(`${failed} first-load file(s) did not answer 200`);
  const encodings = [...new Set(answers.map((a) => a.encoding))].join(', ');
  return { bytes: answers.reduce((n, a) => n + a.bytes, 0), files: answers.length, encodings };
}

async function post(url: string, path: string, body: unknown, token?: string): Promise<any> {
  const res = await fetch(`${url}/api/v1${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const json = await res.json().catch(() => ({}));
  if (res.status >= 300) throw new Error(`POST ${path} → ${res.status} ${JSON.stringify(json)}`);
  return json;
}

/** A discussion of 500 contributions by 40 people in three languages, a third of them replies. */
function discussion() {
  const langs = ['en', 'fr', 'es'] as const;
  const constituencies = ['state', 'civil_society', 'business', 'local_government', 'youth', 'academia'];
  const words = {
    en: 'Cities that planned housing early kept families together and children in school, while others waited for national funds.',
    fr: 'Les villes qui ont prévu le logement tôt ont gardé les familles unies et les enfants à l’école, pendant que d’autres attendaient.',
    es: 'Las ciudades que planificaron la vivienda pronto mantuvieron a las familias unidas y a los niños en la escuela.',
  };
  const contributions = Array.from({ length: CONTRIBUTIONS }, (_, i) => {
    const language = langs[i % 3];
    const parentId = i > 10 && i % 3 === 0 ? String(i - 1 - (i % 7)) : null;
    return {
      id: String(i),
      postedAt: new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString(),
      author: `Member ${i % 40}`,
      organisation: `Organisation ${i % 40}`,
      constituency: constituencies[i % constituencies.length],
      country: ['SN', 'FR', 'MX', 'KE', 'PH'][i % 5],
      language,
      ...(parentId ? { parentId } : {}),
      body: `${words[language]} (${i})\n\nPoint ${i}: *local* action, **national** support.`,
    };
  });
  return {
    source: 'bench',
    spaces: [
      {
        number: 1,
        prompt: { en: 'What helped?', fr: 'Qu’est-ce qui a aidé ?', es: '¿Qué ayudó?' },
        moderation: 'post',
        contributions,
      },
    ],
  };
}

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const median = (xs: number[]) => (xs.length ? sorted(xs)[Math.floor(xs.length / 2)] : NaN);
const range = (xs: number[]) =>
  xs.length ? `${sorted(xs)[0].toFixed(0)}–${sorted(xs)[xs.length - 1].toFixed(0)}` : '—';

/** Signs in through the login page, as a member does; the session is the refresh cookie the api sets. */
async function signIn(browser: Browser, url: string, email: string, password: string): Promise<Session> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${url}/login`);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${url}/`);
  const state = await context.storageState();
  await context.close();
  if (!state.cookies.some((c) => c.name === 'rt_refresh')) throw new Error('no refresh cookie after signing in');
  return state;
}

interface Loads {
  first: number[];
  all: number[];
  failed: number;
}

type Session = Awaited<ReturnType<BrowserContext['storageState']>>;

/**
 * Opens the question in a fresh context (empty cache, signed in by its cookie) and times the
 * first and the 500th contribution. The refresh cookie rotates on each use (an old one ends
 * the session), so each load hands the cookie it ended with to the next.
 */
async function loadQuestion(
  browser: Browser,
  session: { state: Session },
  url: string,
  spaceId: string,
  throttle: typeof SLOW | null,
  runs: number,
): Promise<Loads> {
  const out: Loads = { first: [], all: [], failed: 0 };
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext({ storageState: session.state, viewport: { width: 1200, height: 900 } });
    try {
      await context.addInitScript((n) => {
        new MutationObserver((_m, obs) => {
          const count = document.querySelectorAll('article[data-id]').length;
          if (count >= 1 && !(window as any).__first) (window as any).__first = performance.now();
          if (count >= n) {
            (window as any).__all = performance.now();
            obs.disconnect();
          }
        }).observe(document, { childList: true, subtree: true });
      }, CONTRIBUTIONS);
      const page = await context.newPage();
      if (throttle) {
        const cdp = await context.newCDPSession(page);
        await cdp.send('Network.enable');
        await cdp.send('Network.emulateNetworkConditions', { offline: false, ...throttle });
      }
      await page.goto(`${url}/spaces/${spaceId}`);
      await page.waitForFunction(() => (window as any).__all, null, { timeout: throttle ? 120_000 : 30_000 });
      const t = await page.evaluate(() => ({
        first: (window as any).__first as number,
        all: (window as any).__all as number,
      }));
      if (page.url().includes('/login')) throw new Error('signed out');
      out.first.push(t.first);
      out.all.push(t.all);
    } catch (err) {
      out.failed += 1;
      console.error(`load ${run + 1} failed: ${(err as Error).message.split('\n')[0]}`);
    } finally {
      session.state = await context.storageState();
      await context.close();
    }
  }
  return out;
}

async function main() {
  ensureBuild();
  const adminEmail = 'bench-organiser@example.org';
  const adminPassword = 'Bench-organiser-2026';
  const api = await startProcess('api', { ADMIN_EMAIL: adminEmail, ADMIN_PASSWORD: adminPassword, WEB_DIST_DIR: DIST });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  try {
    console.log(`\nWeb app first load as served (${DIST})`);
    const served: Array<Record<string, string | number>> = [];
    for (const [label, accept] of [
      ['br (Chromium’s Accept-Encoding)', 'gzip, deflate, br, zstd'],
      ['gzip only', 'gzip'],
      ['none', null],
    ] as const) {
      const r = await firstLoad(api.url, accept);
      served.push({
        'client accepts': label,
        files: r.files,
        'KB on the wire': (r.bytes / 1024).toFixed(1),
        'sent as': r.encodings,
      });
    }
    console.table(served);

    const org = (await post(api.url, '/auth/login', { email: adminEmail, password: adminPassword })).accessToken;
    const c = await post(api.url, '/consultations', { title: { en: 'Bench' }, timezone: 'Europe/Zurich' }, org);
    const rt = await post(api.url, `/consultations/${c.id}/roundtables`, { number: 1, title: { en: 'Bench' } }, org);
    const imported = await post(api.url, `/roundtables/${rt.id}/import`, discussion(), org);
    const spaceId = imported.spaceIds[0].id;
    const email = `bench-reader-${Date.now()}@example.org`;
    const password = 'Bench-reader-2026';
    const reader = await post(api.url, '/auth/register', {
      email,
      password,
      displayName: 'Bench Reader',
      constituency: 'other',
      preferredLanguage: 'fr',
    });
    await post(api.url, `/spaces/${spaceId}/members`, {}, reader.accessToken);
    const session = { state: await signIn(browser, api.url, email, password) };

    const rows: Array<Record<string, string | number>> = [];
    for (const [network, throttle, runs] of [
      ['local', null, RUNS],
      ['slow mobile (1.6 Mbit/s, 150 ms)', SLOW, Math.max(1, Math.ceil(RUNS / 2))],
    ] as const) {
      const loads = await loadQuestion(browser, session, api.url, spaceId, throttle, runs);
      rows.push({
        network,
        loads: runs,
        'first contribution, ms (median)': median(loads.first).toFixed(0),
        'first, range': range(loads.first),
        [`${CONTRIBUTIONS} contributions, ms (median)`]: median(loads.all).toFixed(0),
        [`${CONTRIBUTIONS}, range`]: range(loads.all),
        failed: loads.failed,
      });
    }
    console.log(
      `\nA signed-in member opens a question of ${CONTRIBUTIONS} contributions (fresh browser cache each load; from navigation start)`,
    );
    console.table(rows);
  } finally {
    await browser.close();
    await api.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
