/// <reference lib="dom" />
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { freePort } from './compiled-api';
import { RunningProcess, startApi, startWorker, uniquePrefix } from './processes';
import { Client, registerUser, TestUser, uniqueEmail } from './test-api';

/**
 * Browser tests of the web app: the compiled api (which serves apps/web/dist) on a free
 * port, Debian's Chromium driven by playwright-core, and helpers to sign people in, find
 * things with the keyboard, run axe and keep screenshots under test-artifacts/web/.
 */
export const ROOT = join(__dirname, '..', '..');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS = join(ROOT, 'test-artifacts', 'web');
const WEB_INDEX = join(ROOT, 'apps', 'web', 'dist', 'index.html');

export interface WebStack {
  url: string;
  api: RunningProcess;
  organiser: TestUser;
  /** Starts the main api again on the same port (after kill9 or stop). */
  restartApi(): Promise<void>;
  /** A second api process on the same database and Redis (multi-process journeys). */
  startSecondApi(): Promise<RunningProcess>;
  /** The worker (translation jobs, emails and other consumers); started on demand, with the stack's environment plus `extra`. */
  startWorker(extra?: Record<string, string>): Promise<RunningProcess>;
  stop(): Promise<void>;
}

/**
 * The api on a free port serving the built web app, with an organiser signed in. The stack
 * has a Redis prefix of its own (queues, live channels), so its jobs wait for its own
 * worker; `extraEnv` goes to every process of the stack.
 */
export async function startWebStack(extraEnv: Record<string, string> = {}): Promise<WebStack> {
  if (!existsSync(WEB_INDEX))
    throw new Error(`${WEB_INDEX} is missing: npm test builds it (by hand: npm run build:web)`);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const adminEmail = uniqueEmail('web-organiser');
  const adminPassword = 'Organiser-web-2026';
  const env = {
    PORT: String(port),
    APP_URL: url,
    ADMIN_EMAIL: adminEmail,
    ADMIN_PASSWORD: adminPassword,
    LOG_LEVEL: 'warn',
    // people here post faster than real members do
    POSTS_PER_MINUTE: '600',
    POST_MIN_INTERVAL_MS: '0',
    REDIS_PREFIX: uniquePrefix('web'),
    ...extraEnv,
  };
  const others: RunningProcess[] = [];
  let api = await startApi({ ...env, ALLOWED_ORIGINS: url });
  const login = await new Client(url).post('/auth/login', { email: adminEmail, password: adminPassword });
  if (login.status !== 200) throw new Error(`organiser sign-in failed: ${login.status} ${JSON.stringify(login.body)}`);
  const organiser: TestUser = {
    id: login.body.user.id,
    email: adminEmail,
    password: adminPassword,
    token: login.body.accessToken,
    client: new Client(url, login.body.accessToken),
  };
  return {
    url,
    get api() {
      return api;
    },
    organiser,
    async restartApi() {
      await api.stop();
      api = await startApi({ ...env, ALLOWED_ORIGINS: url });
    },
    async startSecondApi() {
      const p2 = await freePort();
      const proc = await startApi({ ...env, PORT: String(p2), ALLOWED_ORIGINS: `http://127.0.0.1:${p2},${url}` });
      others.push(proc);
      return proc;
    },
    async startWorker(extra = {}) {
      // readiness is read from its 'worker ready' log line; links in emails point at this stack
      const worker = await startWorker({
        ...extraEnv,
        REDIS_PREFIX: env.REDIS_PREFIX,
        APP_URL: url,
        ...extra,
        LOG_LEVEL: 'info',
      });
      others.push(worker);
      return worker;
    },
    async stop() {
      await Promise.all([api, ...others].map((p) => p.stop()));
    },
  };
}

/** Debian's Chromium, headless, with a fresh temporary profile (playwright makes one per launch). */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(`${CHROMIUM} is missing: npm test installs it (apt-get install -y chromium)`);
  return chromium.launch({
    executablePath: CHROMIUM,
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
}

/** Per browser context: the api's answers of 400 and above, as `status METHOD path`. */
const apiRefusals = new WeakMap<BrowserContext, string[]>();

/**
 * A browser context already signed in as `user`, reading in `lang`: it signs in through
 * the api from inside the context, so the context holds the HttpOnly refresh cookie the
 * web app renews its access token with, exactly as after signing in on the page.
 */
export async function signedInContext(
  browser: Browser,
  user: TestUser | null,
  lang: 'en' | 'fr' | 'es' = 'en',
  viewport = { width: 1100, height: 900 },
): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport,
    locale: lang === 'en' ? 'en-GB' : lang === 'fr' ? 'fr-FR' : 'es-ES',
    acceptDownloads: true,
  });
  // clicks and waits get 45 s rather than 30: on a machine busy with other test files a page can take that long
  context.setDefaultTimeout(45_000);
  const refused: string[] = [];
  apiRefusals.set(context, refused);
  context.on('response', (res) => {
    if (res.status() >= 400 && res.url().includes('/api/'))
      refused.push(`${res.status()} ${res.request().method()} ${new URL(res.url()).pathname}`);
  });
  await context.addInitScript((language) => {
    if (!sessionStorage.getItem('rt.test.init')) {
      localStorage.setItem('rt.lang', language);
      sessionStorage.setItem('rt.test.init', '1');
    }
  }, lang);
  if (user) {
    const base = user.client.base;
    const res = await context.request.post(`${base}/api/v1/auth/login`, {
      data: { email: user.email, password: user.password },
      headers: { origin: base },
    });
    if (res.status() !== 200) throw new Error(`sign-in of ${user.email} failed: ${res.status()} ${await res.text()}`);
  }
  return context;
}

/**
 * Waits for `locator` as `locator.waitFor()` does; when it does not come, the error says
 * what the person saw instead: the address, the page's text, the api's refusals, and a
 * screenshot (test-artifacts/web/failed-<name>.png).
 */
export async function waitShown(page: Page, locator: Locator, name: string): Promise<void> {
  try {
    await locator.waitFor();
  } catch (err) {
    const text = await page
      .locator('body')
      .innerText({ timeout: 5000 })
      .catch(() => '(the page gave no text)');
    const shot = await screenshot(page, `failed-${name}`).catch(() => '(no screenshot)');
    const refused = apiRefusals.get(page.context())?.slice(-20) ?? [];
    throw new Error(
      [
        (err as Error).message.split('\n')[0],
        `page: ${page.url()}; screenshot: ${shot}`,
        `api refusals: ${refused.length ? refused.join(', ') : 'none'}`,
        `the page showed: ${text.replace(/\s+/g, ' ').slice(0, 2000)}`,
      ].join('\n'),
      { cause: err },
    );
  }
}

/** The access token the signed-in page would use now (renewed from its refresh cookie). */
export async function pageAccessToken(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const res = await fetch('/api/v1/auth/refresh', { method: 'POST', credentials: 'same-origin' });
    return ((await res.json()) as { accessToken: string }).accessToken;
  });
}

/** Fails the test on uncaught errors in the page. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  return errors;
}

export async function screenshot(page: Page, name: string, fullPage = true): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage });
  return path;
}

let axeSource: string | undefined;
/** axe-core's serious and critical WCAG 2.x A/AA violations on the page as it is now. */
export async function seriousA11yViolations(
  page: Page,
): Promise<Array<{ id: string; impact: string; help: string; targets: string[] }>> {
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  // evaluated through the DevTools protocol, so the app's CSP (script-src 'self') stays on
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    const axe = (window as any).axe;
    const res = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return res.violations.map((v: any) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n: any) => String(n.target)),
    }));
  });
  return result.filter((v: { impact: string }) => v.impact === 'serious' || v.impact === 'critical');
}

/**
 * Presses Tab (Shift+Tab when `back`) until the focused element matches, then returns;
 * fails after `max` presses. Keyboard-only journeys use this instead of clicks.
 */
export async function tabTo(
  page: Page,
  matches: (el: { tag: string; text: string; label: string; id: string; role: string }) => boolean,
  max = 80,
  back = false,
): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const el = await page.evaluate(() => {
      const a = document.activeElement as HTMLElement | null;
      if (!a) return { tag: '', text: '', label: '', id: '', role: '' };
      const labelled = a.id ? (document.querySelector(`label[for="${a.id}"]`)?.textContent ?? '') : '';
      return {
        tag: a.tagName.toLowerCase(),
        text: (a.textContent ?? '').trim(),
        label: (a.getAttribute('aria-label') ?? labelled).trim(),
        id: a.id,
        role: a.getAttribute('role') ?? '',
      };
    });
    if (matches(el)) return;
  }
  throw new Error(`no element matched within ${max} Tab presses`);
}

/** People for a journey: registered through the API, each with a language and a constituency. */
export async function person(
  url: string,
  name: string,
  lang: 'en' | 'fr' | 'es',
  extra: Record<string, unknown> = {},
): Promise<TestUser> {
  return registerUser(url, {
    tag: name.toLowerCase().replace(/\W+/g, '-'),
    displayName: name,
    preferredLanguage: lang,
    ...extra,
  });
}

/**
 * The route of ../shared/API.md a journey needs, looked up in the api's OpenAPI document:
 * when it is missing the journey fails here, naming the route, instead of somewhere obscure.
 */
export async function requireRoutes(url: string, routes: string[], owner: string): Promise<void> {
  const doc = await (await fetch(`${url}/api/docs-json`)).json();
  const have = new Set<string>();
  for (const [p, ops] of Object.entries<any>(doc.paths ?? {})) {
    const norm = p.replace(/^\/api\/v1/, '').replace(/\{[^}]+\}/g, '{id}');
    for (const m of Object.keys(ops)) have.add(`${m.toUpperCase()} ${norm}`);
  }
  const missing = routes.filter((r) => !have.has(r));
  if (missing.length) throw new Error(`blocked: the api does not offer ${missing.join(', ')} yet (${owner})`);
}
