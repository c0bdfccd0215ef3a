/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import { TestUser } from './support/test-api';
import { expectStatus } from './support/world';
import {
  launchBrowser,
  person,
  screenshot,
  signedInContext,
  startWebStack,
  watchErrors,
  WebStack,
} from './support/web';

/**
 * Translations in the browser: a translated post keeps its Markdown (bold, list), and a
 * moderator corrects the translation next to "show original"; the correction reaches
 * another reader live, labelled as corrected by people.
 */
describe('web app: correcting a translation', () => {
  let stack: WebStack;
  let browser: Browser;
  let spaceId: string;
  let amelie: TestUser; // moderator, reads in French
  let lucie: TestUser; // participant, reads in French
  let john: TestUser; // writes in English

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startWebStack(), launchBrowser()]);
    const org = stack.organiser.client;
    const consultation = expectStatus(
      await org.post('/consultations', {
        title: { en: 'Work and care', fr: 'Travail et soins', es: 'Trabajo y cuidados' },
        timezone: 'Europe/Paris',
      }),
      201,
      'consultation',
    ).body;
    const roundtable = expectStatus(
      await org.post(`/consultations/${consultation.id}/roundtables`, {
        number: 1,
        title: { en: 'Care workers', fr: 'Soignants', es: 'Cuidadores' },
      }),
      201,
      'roundtable',
    ).body;
    const space = expectStatus(
      await org.post(`/roundtables/${roundtable.id}/spaces`, {
        number: 1,
        prompt: {
          en: 'What would keep care workers in their jobs?',
          fr: 'Qu’est-ce qui garderait les soignants en poste ?',
          es: '¿Qué mantendría a los cuidadores en su empleo?',
        },
        moderation: 'post',
      }),
      201,
      'space',
    ).body;
    spaceId = space.id;
    [amelie, lucie, john] = await Promise.all([
      person(stack.url, 'Amélie Roux', 'fr', { constituency: 'civil_society' }),
      person(stack.url, 'Lucie Petit', 'fr', { constituency: 'youth' }),
      person(stack.url, 'John Baker', 'en', { constituency: 'state' }),
    ]);
    for (const u of [amelie, lucie, john]) expectStatus(await u.client.post(`/spaces/${spaceId}/members`), 201, 'join');
    expectStatus(await org.put(`/spaces/${spaceId}/roles/${amelie.id}`, { role: 'moderator' }), 200, 'moderator');
    await stack.startWorker();
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  async function openThread(user: TestUser): Promise<Page> {
    const page = await (await signedInContext(browser, user, 'fr')).newPage();
    await page.goto(`${stack.url}/spaces/${spaceId}`);
    await page.locator('.live-status.live').waitFor({ timeout: 15_000 });
    return page;
  }

  it("shows the translation with its Markdown, and a moderator's correction reaches other readers live, labelled as corrected", async () => {
    const [moderator, reader] = await Promise.all([openThread(amelie), openThread(lucie)]);
    const errors = watchErrors(moderator);
    const body = 'Care workers need **stable contracts**:\n\n- fair pay\n- time to train';
    const posted = expectStatus(
      await john.client.post(`/spaces/${spaceId}/contributions`, { body, language: 'en' }),
      201,
      'post',
    ).body;
    const article = moderator.locator(`article[data-id="${posted.id}"]`);
    await article.locator('.translated[lang="fr"]').waitFor({ timeout: 45_000 });
    expect(await article.locator('.translated strong').count()).toBe(1);
    expect(await article.locator('.translated li').count()).toBe(2);
    expect(await article.locator('.translated').textContent()).not.toMatch(/\*\*|^- /m);

    await article.getByRole('button', { name: 'Corriger la traduction' }).click();
    const box = article.getByLabel('Traduction en français');
    await box.fill(
      'Les soignants ont besoin de **contrats stables** :\n\n- un salaire juste\n- du temps pour se former',
    );
    await article.getByRole('button', { name: 'Enregistrer la traduction' }).click();
    await article.getByText('Traduction depuis l’anglais, corrigée par des personnes').waitFor();
    await article.locator('.translated strong', { hasText: 'contrats stables' }).waitFor();
    await screenshot(moderator, 'thread-fr-corrected');

    const elsewhere = reader.locator(`article[data-id="${posted.id}"]`);
    await elsewhere.locator('.translated li', { hasText: 'un salaire juste' }).waitFor({ timeout: 10_000 });
    await elsewhere.getByText('corrigée par des personnes', { exact: false }).waitFor();
    // a participant who neither wrote nor moderates it is not offered the correction
    expect(await elsewhere.getByRole('button', { name: 'Corriger la traduction' }).count()).toBe(0);
    await elsewhere.getByRole('button', { name: 'Afficher l’original' }).click();
    await elsewhere.locator('.text[lang="en"] strong', { hasText: 'stable contracts' }).waitFor();

    // a close sentence later: the correction is offered from the translation memory
    const close = expectStatus(
      await john.client.post(`/spaces/${spaceId}/contributions`, {
        body: 'Care workers need **stable contracts** now:',
        language: 'en',
      }),
      201,
      'post',
    ).body;
    const next = moderator.locator(`article[data-id="${close.id}"]`);
    await next.locator('.translated[lang="fr"]').waitFor({ timeout: 45_000 });
    await next.getByRole('button', { name: 'Corriger la traduction' }).click();
    await next.getByText('Des phrases proches ont été traduites ainsi').waitFor();
    await next.locator('li', { hasText: 'Les soignants ont besoin de **contrats stables** :' }).waitFor();
    expect(errors).toEqual([]);
  }, 150_000);
});
