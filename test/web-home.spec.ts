/// <reference lib="dom" />
import { copyFileSync, mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import type { TestUser } from './support/test-api';
import {
  launchBrowser,
  person,
  screenshot,
  seriousA11yViolations,
  signedInContext,
  startWebStack,
  watchErrors,
  WebStack,
} from './support/web';
import { expectStatus } from './support/world';

/**
 * Finding one's way: with more consultations on the server than one page of the list, the
 * home page puts the member's own first with their status and counts, and its search finds
 * one by title; a moderator of two questions sees both with what waits in an overview and
 * opens a moderation page from it; an organiser enters an objective in three languages and
 * a French reader reads the French one; the phone header leaves the page near the top.
 */
describe('web app: finding your way', () => {
  let stack: WebStack;
  let browser: Browser;
  let org: TestUser['client'];
  const SHOTS = '/tmp/shots-home';

  /** A screenshot kept with the test artifacts and, for review, in SHOTS. */
  const shot = async (page: Page, name: string, fullPage = true) => {
    const path = await screenshot(page, `home-${name}`, fullPage);
    mkdirSync(SHOTS, { recursive: true });
    copyFileSync(path, `${SHOTS}/${name}.png`);
  };

  const consultation = async (title: string, moderation: 'pre' | 'post' = 'post') => {
    const c = expectStatus(
      await org.post('/consultations', {
        title: { en: title, fr: `${title} (fr)` },
        description: { en: `What ${title.toLowerCase()} should achieve.` },
        timezone: 'Europe/Paris',
      }),
      201,
    ).body;
    const rt = expectStatus(
      await org.post(`/consultations/${c.id}/roundtables`, {
        number: 1,
        title: { en: `${title}: roundtable` },
        objectives: ['Name what already works'],
      }),
      201,
    ).body;
    const space = expectStatus(
      await org.post(`/roundtables/${rt.id}/spaces`, {
        number: 1,
        prompt: { en: `Where should ${title.toLowerCase()} start?` },
        moderation,
        opensAt: new Date(Date.now() - 86_400_000).toISOString(),
      }),
      201,
    ).body;
    return { id: c.id as string, roundtableId: rt.id as string, spaceId: space.id as string };
  };

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startWebStack(), launchBrowser()]);
    org = stack.organiser.client;
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it("puts the member's consultations first with their status and counts, and finds one by title", async () => {
    const ada = await person(stack.url, 'Ada Home', 'en');
    // the member's two are the oldest, so newest-first they come after the 100 others: past
    // the first page of the list the web app reads
    const own = [await consultation('Harbour renewal'), await consultation('Seed banks')];
    for (let i = 0; i < 100; i += 10)
      await Promise.all(
        Array.from({ length: 10 }, (_, j) => consultation(`Regional forum ${String(i + j + 1).padStart(3, '0')}`)),
      );
    for (const c of own) expectStatus(await ada.client.post(`/spaces/${c.spaceId}/members`), 201);
    expectStatus(
      await ada.client.post(`/spaces/${own[0].spaceId}/contributions`, {
        body: 'Start with the quays.',
        language: 'en',
      }),
      201,
    );
    expectStatus(
      await ada.client.post(`/spaces/${own[0].spaceId}/contributions`, {
        body: 'And the fish market next.',
        language: 'en',
      }),
      201,
    );

    const page = await (await signedInContext(browser, ada, 'en', { width: 1366, height: 900 })).newPage();
    const errors = watchErrors(page);
    await page.goto(`${stack.url}/`);
    const mine = page.locator('section', {
      has: page.getByRole('heading', { name: 'Consultations you take part in' }),
    });
    await mine.locator('.consultation-card').first().waitFor();
    expect(await mine.locator('.consultation-card h3').allTextContents()).toEqual(['Seed banks', 'Harbour renewal']);
    const harbour = mine.locator('.consultation-card', { hasText: 'Harbour renewal' });
    await harbour.getByText('Open', { exact: true }).waitFor();
    await harbour.getByText('You take part').waitFor();
    await harbour.getByText('1 question').waitFor();
    await harbour.getByText('2 contributions in the last 7 days').waitFor();
    await harbour.getByText(/^Last contribution /).waitFor();
    // the member's section comes before everyone else's
    const headings = await page.locator('main h2').allTextContents();
    expect(headings.indexOf('Consultations you take part in')).toBeLessThan(headings.indexOf('Other consultations'));
    // a member who may not organise sees no organiser action
    expect(await page.getByText('New consultation').count()).toBe(0);
    // everyone else's come twenty at a time (test files running beside this one may have
    // opened consultations of their own: at least our 100 are there)
    const others = page.locator('section', { has: page.getByRole('heading', { name: 'Other consultations' }) });
    const notShownYet = async () =>
      Number(/^\((\d+) not shown yet\)$/.exec(await others.getByText(/not shown yet/).innerText())?.[1]);
    expect(await others.locator('.consultation-card').count()).toBe(20);
    const hidden = await notShownYet();
    expect(hidden).toBeGreaterThanOrEqual(80);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await shot(page, 'home-1366');
    await others.getByRole('button', { name: 'Show 20 more' }).click();
    await others.locator('.consultation-card').nth(39).waitFor();
    expect(await others.locator('.consultation-card').count()).toBe(40);
    expect(await notShownYet()).toBe(hidden - 20);

    // the search covers every consultation, those not shown yet too
    await page.getByLabel('Search consultations').fill('forum 007');
    await page.getByText('1 consultation shown').waitFor();
    expect(await page.locator('.consultation-card h3').allTextContents()).toEqual(['Regional forum 007']);
    await page.getByLabel('Search consultations').fill('');
    await page.getByLabel('Mine', { exact: true }).check();
    await page.getByText('2 consultations shown').waitFor();

    // on a phone the header folds into a menu and the page starts near the top
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByLabel('All', { exact: true }).check();
    const headerHeight = await page.locator('.site-header').evaluate((el) => el.getBoundingClientRect().height);
    const h1Top = await page.locator('main h1').evaluate((el) => el.getBoundingClientRect().top);
    expect(headerHeight).toBeLessThan(80);
    expect(h1Top).toBeLessThan(120);
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('link', { name: 'My settings' }).waitFor();
    await shot(page, 'home-390-menu', false);
    await page.getByRole('button', { name: 'Menu' }).click();
    await shot(page, 'home-390', false);
    expect(errors).toEqual([]);
  });

  it('shows a moderator of two questions both with what waits, and opens one to moderate', async () => {
    const mo = await person(stack.url, 'Mo Derator', 'en');
    const first = await consultation('Coastal towns', 'pre');
    const second = await consultation('Mountain valleys', 'pre');
    for (const c of [first, second])
      expectStatus(await org.put(`/spaces/${c.spaceId}/roles/${mo.id}`, { role: 'moderator' }), 200);
    const writer = await person(stack.url, 'Wren Writer', 'en');
    for (const c of [first, second]) expectStatus(await writer.client.post(`/spaces/${c.spaceId}/members`), 201);
    // the valley's post waits longest
    expectStatus(
      await writer.client.post(`/spaces/${second.spaceId}/contributions`, {
        body: 'Roads close every winter.',
        language: 'en',
      }),
      201,
    );
    const dunes = expectStatus(
      await writer.client.post(`/spaces/${first.spaceId}/contributions`, {
        body: 'Dunes move every year.',
        language: 'en',
      }),
      201,
    ).body;
    expectStatus(
      await writer.client.post(`/spaces/${first.spaceId}/contributions`, {
        body: 'Ferries need new docks.',
        language: 'en',
      }),
      201,
    );

    const page = await (await signedInContext(browser, mo, 'en', { width: 1366, height: 900 })).newPage();
    const errors = watchErrors(page);
    await page.goto(`${stack.url}/`);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Moderation' }).click();
    await page.getByRole('heading', { level: 1, name: 'Questions I moderate' }).waitFor();
    const cards = page.locator('.moderated .card');
    await cards.nth(1).waitFor();
    expect(await cards.count()).toBe(2);
    expect(await cards.nth(0).locator('.where').textContent()).toContain('Mountain valleys');
    await cards.nth(0).getByText('1 awaiting approval').waitFor();
    expect(await cards.nth(1).locator('.where').textContent()).toContain('Coastal towns');
    await cards.nth(1).getByText('2 awaiting approval').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await shot(page, 'overview-1366');
    await page.setViewportSize({ width: 390, height: 844 });
    await shot(page, 'overview-390', false);
    await page.setViewportSize({ width: 1366, height: 900 });

    // the audit log says what a decision changed, in words, and links to the contribution
    expectStatus(await mo.client.post(`/contributions/${dunes.id}/moderation`, { action: 'approve' }), 200);
    await cards.nth(1).getByRole('link', { name: 'Moderate question 1' }).click();
    await page.getByRole('heading', { level: 1, name: 'Moderation' }).waitFor();
    expect(page.url()).toBe(`${stack.url}/spaces/${first.spaceId}/moderation`);
    await page.getByText('Ferries need new docks.').waitFor();
    const row = page.locator('section[aria-labelledby="log-h"] tbody tr', { hasText: 'Awaiting review → Published' });
    await row.waitFor();
    expect(await row.getByRole('link', { name: 'Read the contribution' }).getAttribute('href')).toBe(
      `/contributions/${dunes.id}`,
    );
    await row.scrollIntoViewIfNeeded();
    await shot(page, 'moderation-log-1366', false);
    expect(errors).toEqual([]);
  });

  it('lets an organiser give an objective in three languages, and a French reader reads the French one', async () => {
    const c = await consultation('River basins');
    const page = await (await signedInContext(browser, stack.organiser, 'en', { width: 1366, height: 900 })).newPage();
    const errors = watchErrors(page);
    await page.goto(`${stack.url}/roundtables/${c.roundtableId}`);
    await page.getByText('Objectives in English, French and Spanish').click();
    const objective = page.getByRole('group', { name: 'Objective 1: Name what already works' });
    await objective.getByLabel('English').fill('Name what already works');
    await objective.getByLabel('French').fill('Nommer ce qui marche déjà');
    await objective.getByLabel('Spanish').fill('Nombrar lo que ya funciona');
    await page.getByRole('button', { name: 'Save the objectives' }).click();
    await page.getByText('Saved.').first().waitFor();
    await shot(page, 'roundtable-objectives-1366');

    const reader = await person(stack.url, 'Louise Lectrice', 'fr');
    expectStatus(await reader.client.post(`/spaces/${c.spaceId}/members`), 201);
    const fr = await (await signedInContext(browser, reader, 'fr', { width: 1366, height: 900 })).newPage();
    await fr.goto(`${stack.url}/roundtables/${c.roundtableId}`);
    await fr.locator('ul.objectives li', { hasText: 'Nommer ce qui marche déjà' }).waitFor();
    expect(await fr.locator('ul.objectives li').allTextContents()).toEqual(['Nommer ce qui marche déjà']);
    // the question card speaks plainly about moderation, and counts
    const card = fr.locator('.card[data-space]');
    await card.getByText('Les messages paraissent dès leur envoi').waitFor();
    await card.getByText('0 participant').waitFor();
    await shot(fr, 'roundtable-fr-1366');
    expect(errors).toEqual([]);
  });
});
