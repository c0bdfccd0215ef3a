/// <reference lib="dom" />
/**
 * `npm run bench -- web`: the web app's production bundle (gzip, first load and all of
 * it) and the thread view's time to render 500 contributions in headless Chromium.
 * Targets: ≤ 250 KB gzip for the first load; ≤ 1 s to render 500 contributions.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { ROOT, startProcess } from './support';

const DIST = join(ROOT, 'apps', 'web', 'dist');
const CONTRIBUTIONS = 500;
const RUNS = 5;

function gz(file: string): number {
  return gzipSync(readFileSync(file), { level: 9 }).length;
}

function bundle(): { firstLoad: number; all: number; files: Array<[string, number]> } {
  if (!existsSync(join(DIST, 'index.html'))) {
    const built = spawnSync('npm', ['run', 'build:web'], { cwd: ROOT, stdio: 'inherit' });
    if (built.status !== 0) throw new Error('npm run build:web failed');
  }
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  // what index.html loads before anything renders: the entry script, preloaded chunks, styles
  const first = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
  const files: Array<[string, number]> = [['index.html', gz(join(DIST, 'index.html'))], ...first.map((f): [string, number] => [f, gz(join(DIST, f))])];
  const firstLoad = files.reduce((n, [, b]) => n + b, 0);
  const all = readdirSync(join(DIST, 'assets')).reduce((n, f) => n + gz(join(DIST, 'assets', f)), gz(join(DIST, 'index.html')));
  return { firstLoad, all, files };
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
  return { source: 'bench', spaces: [{ number: 1, prompt: { en: 'What helped?', fr: 'Qu’est-ce qui a aidé ?', es: '¿Qué ayudó?' }, moderation: 'post', contributions }] };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  const b = bundle();
  console.log('\nWeb bundle (gzip -9)');
  console.table(b.files.map(([file, bytes]) => ({ file, 'KB gzip': (bytes / 1024).toFixed(1) })));
  console.log(`first load: ${(b.firstLoad / 1024).toFixed(1)} KB gzip (target ≤ 250 KB); every asset incl. staff pages: ${(b.all / 1024).toFixed(1)} KB gzip`);

  const adminEmail = 'bench-organiser@example.org';
  const adminPassword = 'Bench-organiser-2026';
  const api = await startProcess('api', { ADMIN_EMAIL: adminEmail, ADMIN_PASSWORD: adminPassword });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-dev-shm-usage'],
  });
  try {
    const org = (await post(api.url, '/auth/login', { email: adminEmail, password: adminPassword })).accessToken;
    const c = await post(api.url, '/consultations', { title: { en: 'Bench' }, timezone: 'Europe/Zurich' }, org);
    const rt = await post(api.url, `/consultations/${c.id}/roundtables`, { number: 1, title: { en: 'Bench' } }, org);
    const imported = await post(api.url, `/roundtables/${rt.id}/import`, discussion(), org);
    const spaceId = imported.spaceIds[0].id;
    const reader = await post(api.url, '/auth/register', { email: `bench-reader-${Date.now()}@example.org`, password: 'Bench-reader-2026', displayName: 'Bench Reader', constituency: 'other', preferredLanguage: 'fr' });
    await post(api.url, `/spaces/${spaceId}/members`, {}, reader.accessToken);

    const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    await context.addInitScript((token) => {
      localStorage.setItem('rt.token', token);
      localStorage.setItem('rt.lang', 'fr');
      // the moment the 500th contribution is in the document
      new MutationObserver((_m, obs) => {
        if (document.querySelectorAll('article[data-id]').length >= 500) {
          (window as any).__rendered = performance.now();
          obs.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    }, reader.accessToken);
    const page = await context.newPage();
    const toVisible: number[] = [];
    const renderOnly: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      await page.goto(`${api.url}/spaces/${spaceId}`);
      await page.waitForFunction(() => (window as any).__rendered, null, { timeout: 30_000 });
      const t = await page.evaluate(() => {
        const lastData = Math.max(...performance.getEntriesByType('resource').filter((e) => e.name.includes('/contributions')).map((e) => (e as PerformanceResourceTiming).responseEnd));
        return { rendered: (window as any).__rendered as number, lastData };
      });
      toVisible.push(t.rendered);
      renderOnly.push(t.rendered - t.lastData);
    }
    const count = await page.locator('article[data-id]').count();
    console.log(`\nThread view with ${count} contributions (${RUNS} loads, median)`);
    console.table([
      { measure: 'navigation start → 500 contributions on screen', ms: median(toVisible).toFixed(0) },
      { measure: 'last page of data received → 500 contributions on screen (render)', ms: median(renderOnly).toFixed(0), target: '≤ 1000' },
    ]);
  } finally {
    await browser.close();
    await api.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
