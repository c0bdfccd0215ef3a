/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import { eventually, TestUser } from './support/test-api';
import {
  launchBrowser,
  person,
  screenshot,
  seriousA11yViolations,
  signedInContext,
  startWebStack,
  waitShown,
  watchErrors,
  WebStack,
} from './support/web';
import { expectStatus } from './support/world';

/**
 * People find what was published and find their way: a participant reaches the published
 * stocktaking summary from the roundtable page and the moderators' digest from the question
 * page, in French (the digest's key points and themes too), with machine translation said as such
 * and the original wording one link away; the country is chosen by its name; the composer
 * detects the language; someone who is not a member, or not a moderator, is told so
 * plainly; Escape closes a reply box; a wrong password is named as such.
 */
describe('web app: finding what was published', () => {
  let stack: WebStack;
  let browser: Browser;
  let roundtableId: string;
  let spaceId: string;
  let summaryId: string;
  let digestId: string;
  let claire: TestUser; // participant, reads in French
  let john: TestUser; // participant, English interface
  let emma: TestUser; // participant, reads in English
  let outsider: TestUser; // signed in, member of nothing

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startWebStack(), launchBrowser()]);
    const org = stack.organiser.client;
    const c = expectStatus(
      await org.post('/consultations', {
        title: { en: 'Harbour cities', fr: 'Villes portuaires', es: 'Ciudades portuarias' },
        timezone: 'Europe/Paris',
      }),
      201,
      'consultation',
    ).body;
    roundtableId = expectStatus(
      await org.post(`/consultations/${c.id}/roundtables`, {
        number: 1,
        title: { en: 'Work after arrival', fr: 'Le travail après l’arrivée', es: 'El trabajo tras la llegada' },
      }),
      201,
      'roundtable',
    ).body.id;
    spaceId = expectStatus(
      await org.post(`/roundtables/${roundtableId}/spaces`, {
        number: 1,
        prompt: {
          en: 'What helps newcomers find decent work?',
          fr: 'Qu’est-ce qui aide les nouveaux arrivants à trouver un travail décent ?',
          es: '¿Qué ayuda a los recién llegados a encontrar un trabajo decente?',
        },
        moderation: 'post',
      }),
      201,
      'space',
    ).body.id;
    const [moderator, rapporteur] = await Promise.all([
      person(stack.url, 'Mona Moderator', 'en'),
      person(stack.url, 'Ravi Rapporteur', 'en', { constituency: 'academia' }),
    ]);
    [claire, john, emma, outsider] = await Promise.all([
      person(stack.url, 'Claire Dubois', 'fr', {
        constituency: 'civil_society',
        organisation: 'Maison des travailleurs',
      }),
      person(stack.url, 'John Reed', 'en', { constituency: 'business' }),
      person(stack.url, 'Emma Stone', 'en', { constituency: 'youth' }),
      person(stack.url, 'Otto Outside', 'en', { constituency: 'other' }),
    ]);
    for (const [res, what] of [
      [await org.put(`/spaces/${spaceId}/roles/${moderator.id}`, { role: 'moderator' }), 'moderator role'],
      [await org.put(`/roundtables/${roundtableId}/roles/${rapporteur.id}`, { role: 'rapporteur' }), 'rapporteur role'],
    ] as const) {
      if (res.status < 200 || res.status > 299)
        throw new Error(`${what}: HTTP ${res.status} ${JSON.stringify(res.body)}`);
    }
    for (const u of [claire, john, emma]) expectStatus(await u.client.post(`/spaces/${spaceId}/members`), 201, 'join');
    const voices: Array<[string, 'en' | 'fr' | 'es', string, string]> = [
      [
        'Hana Ministry',
        'en',
        'state',
        'Faster recognition of skills and diplomas opened jobs for newcomers in our ports.',
      ],
      [
        'Kofi Union',
        'en',
        'civil_society',
        'Recognition of skills comes first; employers and unions should share the cost of language training.',
      ],
      [
        'Lucía Ciudad',
        'es',
        'local_government',
        'El reconocimiento de competencias y la formación lingüística abrieron empleos en nuestro puerto.',
      ],
      [
        'Ben Shipping',
        'en',
        'business',
        'Employers want quicker recognition of skills and language training paid partly by the city.',
      ],
    ];
    for (const [name, lang, constituency, body] of voices) {
      const p = await person(stack.url, name, lang, { constituency, organisation: `${name} office` });
      expectStatus(await p.client.post(`/spaces/${spaceId}/members`), 201, 'join');
      expectStatus(await p.client.post(`/spaces/${spaceId}/contributions`, { body, language: lang }), 201, 'post');
    }
    const period = {
      periodStart: new Date(Date.now() - 7 * 86_400_000).toISOString(),
      periodEnd: new Date(Date.now() + 3_600_000).toISOString(),
    };
    digestId = expectStatus(await moderator.client.post(`/spaces/${spaceId}/digests`, period), 201, 'draft digest').body
      .id;
    expectStatus(await moderator.client.post(`/digests/${digestId}/publish`), 200, 'publish digest');
    summaryId = expectStatus(
      await rapporteur.client.post(`/roundtables/${roundtableId}/stocktaking`, period),
      201,
      'compile summary',
    ).body.id;
    expectStatus(await rapporteur.client.post(`/stocktaking/${summaryId}/publish`), 200, 'publish summary');
    // the worker translates the published summary and detects the language of posts sent without one
    await stack.startWorker();
    await eventually(
      async () => (await claire.client.get(`/stocktaking/${summaryId}?lang=fr`)).body.translation?.status === 'done',
      60_000,
      'the French translation of the summary',
    );
    await eventually(
      async () => (await claire.client.get(`/digests/${digestId}?lang=fr`)).body.readerTranslation?.status === 'done',
      60_000,
      'the French translation of the digest',
    );
  }, 150_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  /** The page at a laptop's and a phone's width (test-artifacts/web/<name>-1366.png, -390.png), then back to its own size. */
  async function shots(page: Page, name: string): Promise<void> {
    const size = page.viewportSize();
    await page.setViewportSize({ width: 1366, height: 900 });
    await screenshot(page, `${name}-1366`);
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, `${name}-390`);
    if (size) await page.setViewportSize(size);
  }

  async function open(
    user: TestUser,
    lang: 'en' | 'fr',
    path: string,
    viewport?: { width: number; height: number },
  ): Promise<Page> {
    const page = await (await signedInContext(browser, user, lang, viewport)).newPage();
    await page.goto(`${stack.url}${path}`);
    return page;
  }

  it('a participant opens the published summary from the roundtable page and reads it in French, machine translation labelled, without English labels', async () => {
    const page = await open(claire, 'fr', `/roundtables/${roundtableId}`);
    const errors = watchErrors(page);
    const list = page.getByRole('region', { name: 'Bilans d’étape' });
    await list.getByRole('link', { name: /^Bilan du / }).click();
    await page.getByRole('heading', { level: 1, name: /^Bilan du / }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Points de convergence' }).waitFor();
    await page.getByText('Traduction automatique', { exact: true }).first().waitFor();
    await page.getByText(/traduit en français par une machine/).waitFor();
    const text = await page.locator('main').innerText();
    expect(text).not.toMatch(/Sources: contribution|Nothing in this section|Key emphases|Machine translation/);
    // the summary itself is marked as French for screen readers and translation tools
    expect(await page.locator('.summary[lang="fr"]').count()).toBe(1);
    // the breadcrumb leads back through the roundtable; nothing a participant cannot use
    const crumbs = page.getByRole('navigation', { name: 'Vous êtes ici' });
    expect(await crumbs.getByRole('link', { name: /Modération/ }).count()).toBe(0);
    expect(await crumbs.getByRole('link', { name: /Le travail après l’arrivée/ }).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Ouvrir dans l’éditeur' }).count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await shots(page, 'findability-summary-fr');
    expect(errors).toEqual([]);
    await page.context().close();
  }, 90_000);

  it('a participant opens the published digest from the question page; the editor’s address takes them to the same reading page', async () => {
    const page = await open(claire, 'fr', `/spaces/${spaceId}`);
    const errors = watchErrors(page);
    const list = page.getByRole('region', { name: 'Synthèses des modérateurs' });
    // the list names the digest's first theme in French
    const first = (await claire.client.get(`/spaces/${spaceId}/digests?lang=fr`)).body.items[0].themes[0];
    await list.getByText(first.translatedLabel, { exact: true }).waitFor();
    expect(await list.locator('[lang="fr"]', { hasText: first.translatedLabel }).count()).toBe(1);
    await list.getByRole('link', { name: /^Synthèse du / }).click();
    await page.getByRole('heading', { level: 1, name: /^Synthèse du / }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Points clés' }).waitFor();
    // the key points in French, each marked as a machine translation, the moderators' wording one link away
    const french = (await claire.client.get(`/digests/${digestId}?lang=fr`)).body.keyPoints as Array<{
      text: string;
      machineTranslated: boolean;
    }>;
    const english = (await claire.client.get(`/digests/${digestId}`)).body.keyPoints as Array<{ text: string }>;
    expect(french.length).toBeGreaterThan(0);
    expect(french.every((k) => k.machineTranslated)).toBe(true);
    const points = page.locator('ol.points > li');
    await points.first().waitFor();
    expect(await points.count()).toBe(french.length);
    expect(await page.locator('ol.points > li[lang="fr"]').count()).toBe(french.length);
    for (const [i, k] of french.entries()) {
      const item = points.nth(i);
      expect(await item.innerText()).toContain(k.text);
      expect(await item.getByText('Traduction automatique', { exact: true }).count()).toBe(1);
    }
    expect(await page.getByText(/traduit en français par une machine/).count()).toBe(1);
    // the themes named in French, each marked as a machine translation, the name as found beside it
    const themes = (await claire.client.get(`/digests/${digestId}?lang=fr`)).body.themes as Array<{
      label: string;
      translatedLabel?: string;
    }>;
    expect(themes.length).toBeGreaterThan(0);
    const themeItems = page.getByRole('region', { name: 'Thèmes récurrents' }).locator('li');
    expect(await themeItems.count()).toBe(themes.length);
    for (const [i, th] of themes.entries()) {
      expect(th.translatedLabel).toBeTruthy();
      const item = themeItems.nth(i);
      expect(await item.locator('strong[lang="fr"]').innerText()).toBe(th.translatedLabel);
      expect(await item.getByText('Traduction automatique', { exact: true }).count()).toBe(1);
      expect(await item.locator('[lang="en"]').innerText()).toBe(th.label);
    }
    await page.getByRole('link', { name: 'Lire la formulation originale des modérateurs (anglais)' }).click();
    await page.getByText(/tels que les modérateurs les ont rédigés, en anglais/).waitFor();
    await page.locator('ol.points > li[lang="en"]').first().waitFor();
    expect(await page.locator('ol.points > li[lang="en"]').count()).toBe(english.length);
    // and the themes as found, with nothing said to be a machine translation
    expect(await page.getByRole('region', { name: 'Thèmes récurrents' }).locator('strong[lang="en"]').count()).toBe(
      themes.length,
    );
    expect(await points.first().innerText()).toContain(english[0].text);
    expect(await page.getByText('Traduction automatique', { exact: true }).count()).toBe(0);
    await page.getByRole('link', { name: 'Les lire traduits en français' }).click();
    await page.locator('ol.points > li[lang="fr"]').first().waitFor();
    expect(
      await page
        .getByRole('navigation', { name: 'Vous êtes ici' })
        .getByRole('link', { name: /Modération/ })
        .count(),
    ).toBe(0);
    // no form of the moderators' editor
    expect(await page.locator('main textarea, main input').count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await shots(page, 'findability-digest-fr');

    await page.goto(`${stack.url}/digests/${digestId}`);
    await page.waitForURL(`${stack.url}/digests/${digestId}/read`);
    await page.getByRole('heading', { level: 1, name: /^Synthèse du / }).waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  }, 60_000);

  it('a participant opening the moderation page of the question is told it is not open to them, with no forms', async () => {
    const page = await open(john, 'en', `/spaces/${spaceId}/moderation`);
    await page.getByRole('heading', { level: 1, name: 'This page is not open to you' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await shots(page, 'findability-not-allowed');
    expect(await page.locator('main form, main textarea').count()).toBe(0);
    await page.getByRole('link', { name: 'Back to the question' }).click();
    await page.waitForURL(`${stack.url}/spaces/${spaceId}`);
    await page.context().close();
  });

  it('typing “Sierra” in the country picker offers Sierra Leone; the profile then shows it and saves its code', async () => {
    const page = await open(emma, 'en', '/settings');
    const country = page.getByRole('combobox', { name: /Country/ });
    await country.fill('Sierra');
    const option = page.getByRole('option', { name: 'Sierra Leone' });
    await option.waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await shots(page, 'findability-country-picker');
    await option.click();
    expect(await country.inputValue()).toBe('Sierra Leone');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Saved.', { exact: true }).waitFor();
    expect((await emma.client.get('/me')).body.country).toBe('SL');
    await page.reload();
    await eventually(
      async () => (await page.getByRole('combobox', { name: /Country/ }).inputValue()) === 'Sierra Leone',
      15_000,
      'the saved country by its name',
    );
    // in French the same field names the country in French
    await page.getByLabel('Language', { exact: true }).selectOption('fr');
    await eventually(
      async () => (await page.getByRole('combobox', { name: /Pays/ }).inputValue()) === 'Sierra Leone',
      15_000,
      'the country in French',
    );
    await page.getByRole('combobox', { name: /Pays/ }).fill('Allem');
    await page.getByRole('option', { name: 'Allemagne' }).waitFor();
    // back to English (the switch saves it to the profile), as the journeys below read in English
    await page.getByLabel('Langue', { exact: true }).selectOption('en');
    await eventually(
      async () => (await emma.client.get('/me')).body.preferredLanguage === 'en',
      15_000,
      'English saved again',
    );
    await page.context().close();
  });

  it('a French post written from an English interface is labelled French to an English reader', async () => {
    const writer = await open(john, 'en', `/spaces/${spaceId}`);
    await writer.locator('.live-status.live').waitFor({ timeout: 15_000 });
    const composer = writer.getByRole('form', { name: 'New contribution' });
    expect(await composer.getByLabel('Written in').inputValue()).toBe('');
    const body =
      'Les ports devraient financer des cours de langue pour les nouveaux arrivants et reconnaître plus vite leurs diplômes.';
    await composer.getByLabel('Your contribution').fill(body);
    await composer.getByRole('button', { name: 'Publish' }).click();
    await writer.getByText('Published.', { exact: true }).waitFor();

    // the worker detects French and translates it into English
    const posted = await eventually(
      async () => {
        const items: Array<{
          id: string;
          body: string;
          language: string | null;
          translations: Record<string, { status: string }>;
        }> = (await emma.client.get(`/spaces/${spaceId}/contributions?limit=100&lang=en`)).body.items;
        const c = items.find((i) => i.body === body);
        return c && c.language && c.translations?.en?.status === 'done' ? c : null;
      },
      90_000,
      'the language detected and the English translation',
    ).catch(async (err) => {
      const items = (await emma.client.get(`/spaces/${spaceId}/contributions?limit=100&lang=en`)).body.items;
      throw new Error(
        `${(err as Error).message}; the post now: ${JSON.stringify(items.find((i: { body: string }) => i.body === body))}`,
      );
    });
    expect(posted.language).toBe('fr');
    const reader = await open(emma, 'en', `/spaces/${spaceId}`);
    const article = reader.locator(`article[data-id="${posted.id}"]`);
    await waitShown(reader, article.getByText(/Machine translation from French/), 'french-post-labelled');
    // the original keeps its language for assistive technology
    await article.getByRole('button', { name: 'Show original' }).click();
    expect(await article.locator('.text[lang="fr"]').count()).toBe(1);
    await writer.context().close();
    await reader.context().close();
  }, 90_000);

  it('Escape closes the reply box and gives the focus back to the reply button', async () => {
    const page = await open(john, 'en', `/spaces/${spaceId}`);
    await page.locator('.live-status.live').waitFor({ timeout: 15_000 });
    const first = page.locator('article[data-status="published"]').first();
    await first.getByRole('button', { name: 'Reply' }).click();
    const reply = page.getByLabel('Your reply');
    await reply.waitFor();
    await reply.fill('A thought');
    await page.keyboard.press('Escape');
    await reply.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Reply');
    await page.context().close();
  });

  it('someone who is not a member of the question sees a page saying so, and can join from it', async () => {
    const page = await open(outsider, 'en', `/spaces/${spaceId}`);
    const errors = watchErrors(page);
    await page.getByRole('heading', { name: 'You are not a member of this question' }).waitFor();
    expect(await page.getByText('Connecting…').count()).toBe(0);
    expect(await page.getByText(/0 contributions/).count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await shots(page, 'findability-not-member');
    await page.getByRole('button', { name: 'Join this discussion' }).click();
    await page.locator('.live-status.live').waitFor({ timeout: 15_000 });
    expect(await page.locator('article[data-status="published"]').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('a wrong password at sign-in says the email address or the password is wrong', async () => {
    const page = await (await signedInContext(browser, null, 'en')).newPage();
    await page.goto(`${stack.url}/login`);
    await page.getByLabel('Email address').fill(john.email);
    await page.getByLabel('Password', { exact: true }).fill('not-the-password-2026');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').getByText('The email address or the password is wrong.').waitFor();
    expect(await page.getByText('Please sign in again.').count()).toBe(0);
    await page.context().close();
  });
});
