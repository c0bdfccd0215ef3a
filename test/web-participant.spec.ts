/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import { Client, eventually, TestUser } from './support/test-api';
import { expectStatus } from './support/world';
import {
  launchBrowser,
  pageAccessToken,
  person,
  screenshot,
  seriousA11yViolations,
  signedInContext,
  startWebStack,
  watchErrors,
  WebStack,
} from './support/web';

/**
 * Participants in the browser: registration, the French thread view with live arrivals
 * and the "N new" indicator, replies/edits/deletes reaching others live, catch-up after
 * the api restarts, digest settings, and the phone-width layout.
 */
describe('web app: participants', () => {
  let stack: WebStack;
  let browser: Browser;
  let spaceId: string;
  let amelie: TestUser; // reads in French
  let john: TestUser; // writes in English

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startWebStack(), launchBrowser()]);
    const org = stack.organiser.client;
    const consultation = expectStatus(
      await org.post('/consultations', {
        title: {
          en: 'Cities and climate mobility',
          fr: 'Villes et mobilité climatique',
          es: 'Ciudades y movilidad climática',
        },
        timezone: 'Europe/Zurich',
      }),
      201,
      'consultation',
    ).body;
    const roundtable = expectStatus(
      await org.post(`/consultations/${consultation.id}/roundtables`, {
        number: 1,
        title: {
          en: 'Arrivals after disasters',
          fr: 'Arrivées après les catastrophes',
          es: 'Llegadas tras los desastres',
        },
        objectives: ['Map what works'],
      }),
      201,
      'roundtable',
    ).body;
    const space = expectStatus(
      await org.post(`/roundtables/${roundtable.id}/spaces`, {
        number: 1,
        prompt: {
          en: 'What helped people arriving after a disaster?',
          fr: 'Qu’est-ce qui a aidé les personnes arrivées après une catastrophe ?',
          es: '¿Qué ayudó a las personas llegadas tras un desastre?',
        },
        moderation: 'post',
      }),
      201,
      'space',
    ).body;
    spaceId = space.id;
    [amelie, john] = await Promise.all([
      person(stack.url, 'Amélie Durand', 'fr', {
        organisation: 'Réseau des villes côtières',
        constituency: 'local_government',
        country: 'FR',
      }),
      person(stack.url, 'John Carter', 'en', {
        organisation: 'Ministry of Housing',
        constituency: 'state',
        country: 'GB',
      }),
    ]);
    for (const u of [amelie, john]) expectStatus(await u.client.post(`/spaces/${spaceId}/members`), 201, 'join');
    expectStatus(
      await john.client.post(`/spaces/${spaceId}/contributions`, {
        body: 'Temporary housing vouchers worked well in our region.',
        language: 'en',
      }),
      201,
      'first post',
    );
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  async function openThread(
    user: TestUser,
    lang: 'en' | 'fr',
    viewport?: { width: number; height: number },
  ): Promise<Page> {
    const context = await signedInContext(browser, user, lang, viewport);
    const page = await context.newPage();
    await page.goto(`${stack.url}/spaces/${spaceId}`);
    await page.locator('.live-status.live').waitFor({ timeout: 15_000 });
    return page;
  }

  it('registers a member with organisation, constituency, country and language; the interface follows that language', async () => {
    const context = await signedInContext(browser, null, 'en');
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${stack.url}/register`);
    expect(await seriousA11yViolations(page)).toEqual([]);
    const email = `web-register-${Date.now()}@example.org`;
    await page.getByLabel('Name shown to others').fill('Inès Moreau');
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password').fill('Roundtable-2026!');
    await page.getByLabel('Organisation').fill('Université de Dakar');
    await page.getByLabel('Constituency').selectOption('academia');
    await page.getByLabel('Country').fill('sn');
    await page.getByLabel('Preferred language').selectOption('fr');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { level: 1, name: 'Consultations' }).waitFor();
    await page.getByText('Villes et mobilité climatique').waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
    const me = await new Client(stack.url, await pageAccessToken(page)).get('/me');
    expect(me.body).toMatchObject({
      email,
      displayName: 'Inès Moreau',
      organisation: 'Université de Dakar',
      constituency: 'academia',
      country: 'SN',
      preferredLanguage: 'fr',
    });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows an English post to a French reader live, without reload, with a gentle "N new" indicator; replies, edits and deletions follow live', async () => {
    // a short window: the new post arrives below what the reader sees, so it stays unseen (and
    // the indicator with it) until they act; a post that arrives in view counts as seen by itself
    const fr = await openThread(amelie, 'fr', { width: 1100, height: 420 });
    const en = await openThread(john, 'en');
    const errors = [...watchErrors(fr), ...watchErrors(en)];
    await fr.evaluate(() => ((window as any).__notReloaded = true));
    await fr
      .getByRole('heading', { level: 1, name: 'Qu’est-ce qui a aidé les personnes arrivées après une catastrophe ?' })
      .waitFor();

    const text = `Community kitchens run by arrivals themselves built trust fast (${Date.now()}).`;
    await en.getByRole('textbox', { name: 'Your contribution' }).fill(text);
    await en.getByRole('button', { name: 'Publish', exact: true }).click();
    await en.locator('.composer').getByText('Published.').waitFor();

    const arrived = fr.locator('article', { hasText: text });
    await arrived.waitFor({ timeout: 10_000 });
    await expect(arrived.locator('.author').textContent()).resolves.toBe('John Carter');
    await expect(arrived.getByText('Ministry of Housing').count()).resolves.toBe(1);
    await expect(arrived.getByText('État').count()).resolves.toBe(1);
    const pill = fr.getByRole('button', { name: '1 nouvelle contribution' });
    await pill.waitFor();
    // the indicator floats: it takes no room in the page's flow
    expect(await fr.locator('.new-indicator').evaluate((el) => getComputedStyle(el).position)).toBe('fixed');
    await pill.click();
    expect(await fr.evaluate(() => document.activeElement?.closest('article')?.textContent ?? '')).toContain(text);
    expect(await fr.evaluate(() => (window as any).__notReloaded)).toBe(true);

    // a French reply appears under the English post for the English reader
    await arrived.getByRole('button', { name: 'Répondre' }).click();
    const reply = `Chez nous aussi, les cuisines partagées ont aidé (${Date.now()}).`;
    await fr.getByRole('textbox', { name: 'Votre réponse' }).fill(reply);
    await fr.getByRole('button', { name: 'Publier la réponse' }).click();
    const enPost = en.locator('li.contribution', { hasText: text });
    await enPost.locator('ol.replies article', { hasText: reply }).waitFor({ timeout: 10_000 });
    await expect(enPost.locator('ol.replies .author').first().textContent()).resolves.toBe('Amélie Durand');

    // the author edits: the French reader sees the new text; then deletes: a placeholder keeps the reply's context
    const mine = en.locator('article', { hasText: text });
    await mine.getByRole('button', { name: 'Edit' }).click();
    await en.getByRole('textbox', { name: 'Edit your contribution' }).fill(`${text} Edited: and they hired locally.`);
    await en.getByRole('button', { name: 'Save changes' }).click();
    await fr.getByText('Edited: and they hired locally.').waitFor({ timeout: 10_000 });
    await en
      .locator('article', { hasText: 'Edited: and they hired locally.' })
      .getByRole('button', { name: 'Delete' })
      .click();
    await en.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
    await fr.getByText('Cette contribution a été supprimée par son auteur·rice.').waitFor({ timeout: 10_000 });
    await fr.locator('article', { hasText: reply }).waitFor();

    expect(await seriousA11yViolations(fr)).toEqual([]);
    await screenshot(fr, 'thread-fr');
    expect(errors).toEqual([]);
    await fr.context().close();
    await en.context().close();
  });

  it('catches up after the api restarts: what was posted meanwhile arrives once, nothing doubled', async () => {
    const second = await stack.startSecondApi();
    const fr = await openThread(amelie, 'fr');
    await stack.api.kill9();
    await fr.locator('.live-status.offline, .live-status.connecting').waitFor({ timeout: 10_000 });
    const viaSecond = new Client(second.url, john.token);
    const missed = [`Missed while offline, one (${Date.now()})`, `Missed while offline, two (${Date.now()})`];
    for (const body of missed)
      expect((await viaSecond.post(`/spaces/${spaceId}/contributions`, { body, language: 'en' })).status).toBe(201);
    await stack.restartApi();
    await fr.locator('.live-status.live').waitFor({ timeout: 20_000 });
    for (const body of missed) {
      await fr.locator('article', { hasText: body }).waitFor({ timeout: 10_000 });
      await eventually(
        async () => (await fr.locator('article', { hasText: body }).count()) === 1,
        2_000,
        `one copy of “${body}”`,
      );
    }
    await fr.getByRole('button', { name: '2 nouvelles contributions' }).waitFor();
    await fr.context().close();
  }, 150_000);

  it('once translated, the French reader reads the English post in French, marked as machine translation, with the original one click away', async () => {
    await stack.startWorker().catch((err) => {
      throw new Error(
        `blocked: the worker (translation jobs) does not start: ${err.message.split('\n').slice(0, 2).join(' ')}`,
      );
    });
    const fr = await openThread(amelie, 'fr');
    const text = `The city opened its schools to displaced families within a week (${Date.now()}).`;
    const posted = expectStatus(
      await john.client.post(`/spaces/${spaceId}/contributions`, { body: text, language: 'en' }),
      201,
      'post',
    ).body;
    const article = fr.locator(`article[data-id="${posted.id}"]`);
    // a worker that just started on a loaded 2-core machine takes a while to warm its Apertium pipelines
    await article
      .locator('.translated[lang="fr"]')
      .waitFor({ timeout: 90_000 })
      .catch(() => {
        throw new Error(
          'blocked: no French translation reached the page within 90 s (translation jobs: libs/translation and the worker)',
        );
      });
    await article.getByText('Traduction automatique depuis l’anglais', { exact: false }).waitFor();
    expect(await article.locator('.translated').textContent()).not.toContain('The city opened its schools');
    await article.getByRole('button', { name: 'Afficher l’original' }).click();
    await article.locator('.text[lang="en"]', { hasText: text }).waitFor();
    await article.getByRole('button', { name: 'Afficher la traduction' }).waitFor();
    await screenshot(fr, 'thread-fr-translated');

    // a digest's "read the original" link (?lang=en#c-<id>) shows the thread in English, said so in French, with the way back
    await fr.goto(`${stack.url}/spaces/${spaceId}?lang=en#c-${posted.id}`);
    await article.locator('.text[lang="en"]', { hasText: text }).waitFor();
    expect(await article.locator('.translated').count()).toBe(0);
    const note = fr.locator('.reading-lang');
    await note.getByText('Vous lisez cette discussion en anglais.').waitFor();
    await note.getByRole('link', { name: 'La lire en français' }).click();
    await article.locator('.translated[lang="fr"]').waitFor();
    expect(await note.count()).toBe(0);
    await fr.context().close();
  }, 180_000);

  it('shows the question after a brief outage: a read answered 503 with Retry-After is asked again', async () => {
    const context = await signedInContext(browser, amelie, 'fr');
    const page = await context.newPage();
    // the api's own answer when PostgreSQL or Redis is away for a moment, for the first two reads of the question
    let refused = 0;
    await page.route(`**/api/v1/spaces/${spaceId}`, async (route) => {
      if (route.request().method() !== 'GET' || refused >= 2) return route.continue();
      refused += 1;
      await route.fulfill({
        status: 503,
        headers: { 'content-type': 'application/json', 'retry-after': '1' },
        body: JSON.stringify({
          statusCode: 503,
          error: 'Service Unavailable',
          message: 'The service is briefly unavailable; try again in a few seconds',
          code: 'unavailable',
        }),
      });
    });
    await page.goto(`${stack.url}/spaces/${spaceId}`);
    await page.getByText('Qu’est-ce qui a aidé les personnes arrivées après une catastrophe ?').first().waitFor();
    await page.locator('article').first().waitFor();
    await page.locator('.live-status.live').waitFor();
    expect(refused).toBe(2);
    await context.close();
  });

  it('changes the digest preference in the settings', async () => {
    const context = await signedInContext(browser, amelie, 'fr');
    const page = await context.newPage();
    await page.goto(`${stack.url}/settings`);
    await page.getByLabel('Pas de résumé par e-mail').check();
    await page.getByRole('button', { name: 'Enregistrer les paramètres' }).click();
    await page.getByText('Enregistré.').waitFor();
    expect((await amelie.client.get('/me')).body.digest).toBe('off');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await context.close();
  });

  it('fits a 360 px wide phone: no sideways scrolling in the thread', async () => {
    const page = await openThread(amelie, 'fr', { width: 360, height: 780 });
    await page.locator('article').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await screenshot(page, 'thread-360px', false);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.context().close();
  });
});
