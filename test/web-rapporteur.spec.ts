/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { eventually, TestUser } from './support/test-api';
import {
  launchBrowser,
  person,
  requireRoutes,
  screenshot,
  seriousA11yViolations,
  signedInContext,
  startWebStack,
  watchErrors,
  WebStack,
} from './support/web';
import { expectStatus } from './support/world';

function ok(res: { status: number; body: unknown }, what: string): void {
  if (res.status < 200 || res.status > 299) throw new Error(`${what}: HTTP ${res.status} ${JSON.stringify(res.body)}`);
}

/**
 * The moderator drafts, edits and publishes the weekly digest of a question; the rapporteur
 * compiles the roundtable's stocktaking summary from it, edits it, previews it in French,
 * publishes it and downloads the PDF.
 */
describe('web app: moderator digests and the rapporteur’s summary', () => {
  let stack: WebStack;
  let browser: Browser;
  let roundtableId: string;
  let spaceId: string;
  let moderator: TestUser;
  let rapporteur: TestUser;

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startWebStack(), launchBrowser()]);
    const org = stack.organiser.client;
    const c = expectStatus(
      await org.post('/consultations', { title: { en: 'Labour mobility' }, timezone: 'Europe/Zurich' }),
      201,
      'consultation',
    ).body;
    roundtableId = expectStatus(
      await org.post(`/consultations/${c.id}/roundtables`, {
        number: 1,
        title: { en: 'Decent work', fr: 'Travail décent', es: 'Trabajo decente' },
      }),
      201,
      'roundtable',
    ).body.id;
    spaceId = expectStatus(
      await org.post(`/roundtables/${roundtableId}/spaces`, {
        number: 1,
        prompt: { en: 'What connects newcomers to decent work?' },
        moderation: 'post',
      }),
      201,
      'space',
    ).body.id;
    [moderator, rapporteur] = await Promise.all([
      person(stack.url, 'Mika Moderator', 'en'),
      person(stack.url, 'Rafa Rapporteur', 'en', { constituency: 'academia' }),
    ]);
    ok(await org.put(`/spaces/${spaceId}/roles/${moderator.id}`, { role: 'moderator' }), 'moderator role');
    ok(await org.put(`/roundtables/${roundtableId}/roles/${rapporteur.id}`, { role: 'rapporteur' }), 'rapporteur role');
    const voices: Array<[string, 'en' | 'fr' | 'es', string, string, string]> = [
      [
        'Sara State',
        'en',
        'state',
        'CA',
        'Recognition of skills and qualifications must be faster; our ministry cut it to three months.',
      ],
      [
        'Chidi Civil',
        'en',
        'civil_society',
        'NG',
        'Recognition of skills is the first barrier; unions and employers should share the cost of training.',
      ],
      [
        'Lola Local',
        'es',
        'local_government',
        'CO',
        'El reconocimiento de competencias y la formación lingüística abrieron empleos en nuestra ciudad.',
      ],
      [
        'Bea Business',
        'en',
        'business',
        'DE',
        'Employers want recognition of skills and language training paid partly by the city.',
      ],
    ];
    for (const [name, lang, constituency, country, body] of voices) {
      const p = await person(stack.url, name, lang, { constituency, country, organisation: `${name} org` });
      expectStatus(await p.client.post(`/spaces/${spaceId}/members`), 201, 'join');
      expectStatus(await p.client.post(`/spaces/${spaceId}/contributions`, { body, language: lang }), 201, 'post');
    }
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('a moderator drafts, edits and publishes the digest; a rapporteur compiles, edits and publishes the summary and downloads the PDF', async () => {
    await requireRoutes(
      stack.url,
      ['POST /spaces/{id}/digests', 'GET /digests/{id}', 'PATCH /digests/{id}', 'POST /digests/{id}/publish'],
      'moderator digests, libs/digests',
    );
    await requireRoutes(
      stack.url,
      [
        'POST /roundtables/{id}/stocktaking',
        'GET /stocktaking/{id}',
        'PATCH /stocktaking/{id}',
        'POST /stocktaking/{id}/publish',
        'GET /stocktaking/{id}/export',
      ],
      'stocktaking summaries, libs/stocktaking',
    );
    // the moderator's digest
    const mod = await (await signedInContext(browser, moderator, 'en')).newPage();
    const errors = watchErrors(mod);
    await mod.goto(`${stack.url}/spaces/${spaceId}/moderation`);
    await mod.getByRole('button', { name: 'Draft a digest for this period' }).click();
    await mod.getByRole('heading', { level: 1, name: 'Moderator digest' }).waitFor({ timeout: 20_000 });
    const first = mod.getByLabel('Point 1', { exact: true });
    await first.waitFor();
    await first.fill(
      'Recognition of skills is the shared first priority of States, civil society, cities and employers.',
    );
    await mod.getByLabel('Priority').first().check();
    await mod.getByRole('button', { name: 'Save' }).click();
    await mod.getByText('Saved.').waitFor();
    await mod.getByRole('button', { name: 'Publish' }).click();
    await mod.getByRole('dialog').getByRole('button', { name: 'Publish' }).click();
    await mod.getByText('Published.', { exact: true }).waitFor();

    // the rapporteur's summary
    const rap = await (await signedInContext(browser, rapporteur, 'en')).newPage();
    errors.push(...watchErrors(rap));
    await rap.goto(`${stack.url}/roundtables/${roundtableId}`);
    await rap.getByRole('link', { name: 'Stocktaking summaries' }).click();
    await rap.getByRole('button', { name: 'Compile summary' }).click();
    await rap.getByRole('heading', { level: 1, name: 'Stocktaking summary' }).waitFor({ timeout: 30_000 });
    await rap.getByLabel('Text of “Introduction”').fill('This summary reflects one week of discussion on decent work.');
    // the regions participants came from, generated from their countries, reworded like any other section
    const regions = rap.getByLabel('Regions participants came from');
    expect(await regions.inputValue()).toMatch(/4 countries in 3 regions/);
    const ownRegions = 'Voices came from Africa, the Americas and Europe, none yet from Asia.';
    await regions.fill(ownRegions);
    await rap.getByRole('button', { name: 'Save' }).click();
    await rap.getByText('Saved.').waitFor();
    expect(await regions.inputValue()).toBe(ownRegions);
    expect(await seriousA11yViolations(rap)).toEqual([]);
    await screenshot(rap, 'summary-editor');
    await rap.getByLabel('Français').check();
    await rap.locator('.summary[lang="fr"]').waitFor();
    await rap.getByRole('heading', { name: 'Points de convergence' }).waitFor();
    await rap.getByRole('button', { name: 'Publish summary' }).click();
    await rap.getByRole('dialog').getByRole('button', { name: 'Publish summary' }).click();
    await rap.getByText('Summary published.').waitFor();
    const [download] = await Promise.all([
      rap.waitForEvent('download'),
      rap.getByRole('button', { name: 'PDF' }).click(),
    ]);
    const file = await download.path();
    expect(readFileSync(file!).subarray(0, 5).toString()).toBe('%PDF-');

    // the French and Spanish versions: machine translations until the rapporteur reviews them
    const summaryId = /\/stocktaking\/([0-9a-f-]{36})/.exec(rap.url())![1];
    await stack.startWorker();
    await rap.getByRole('heading', { name: 'Translations of the published summary' }).waitFor();
    for (const lang of ['fr', 'es']) {
      await eventually(
        async () =>
          (await rapporteur.client.get(`/stocktaking/${summaryId}/translations/${lang}`)).body?.status === 'done',
        60_000,
        `the ${lang} translation`,
      );
    }
    const frText = rap.locator('#rv-fr-0');
    await frText.waitFor({ timeout: 20_000 });
    await rap.locator('#pv-es').check();
    await rap.getByRole('button', { name: 'Preview', exact: true }).click();
    await rap.locator('.summary[lang="es"] .badge', { hasText: 'traducción automática' }).first().waitFor();
    expect(await seriousA11yViolations(rap)).toEqual([]);
    await rap.setViewportSize({ width: 1366, height: 900 });
    await screenshot(rap, 'summary-review');
    await rap.setViewportSize({ width: 390, height: 844 });
    await rap.getByRole('heading', { name: 'Translations of the published summary' }).scrollIntoViewIfNeeded();
    await screenshot(rap, 'summary-review-phone', false);
    await rap.setViewportSize({ width: 1366, height: 900 });

    const corrected = 'Cette synthèse rend compte d’une semaine de discussion sur le travail décent.';
    await frText.fill(corrected);
    await rap.getByRole('button', { name: 'Save my corrections: the French version is reviewed' }).click();
    await rap.getByText('The French version is reviewed and now official.').waitFor();
    await rap.locator('#rv-es').check();
    await rap.getByRole('button', { name: 'Accept the machine translation as it is' }).click();
    await rap.getByText('The Spanish version is accepted and now official.').waitFor();
    await rap.locator('.review-states li', { hasText: 'Français' }).getByText('Official').waitFor();

    // readers now get the official versions: the rapporteur's French wording, no machine label in Spanish
    const fr = expectStatus(await rapporteur.client.get(`/stocktaking/${summaryId}?lang=fr`), 200).body;
    expect(fr.translation).toMatchObject({ review: 'reviewed', official: true });
    expect(JSON.stringify(fr.sections)).toContain(corrected);
    // the edited regions sentence is the one exported, translated with the rest
    const md = await rapporteur.client.get(`/stocktaking/${summaryId}/export?format=md&lang=en`);
    expect(String(md.body)).toContain(ownRegions);
    const es = expectStatus(await rapporteur.client.get(`/stocktaking/${summaryId}?lang=es`), 200).body;
    expect(es.translation).toMatchObject({ review: 'accepted', official: true });
    await rap.reload();
    await rap.locator('#pv-es').check();
    await rap.getByRole('button', { name: 'Preview', exact: true }).click();
    await rap.locator('.summary[lang="es"]').waitFor();
    await rap.getByRole('heading', { name: 'Prioridades de acción' }).waitFor();
    expect(await rap.locator('.summary .badge', { hasText: 'traducción automática' }).count()).toBe(0);
    await screenshot(rap, 'summary-reviewed');
    expect(errors).toEqual([]);
    await mod.context().close();
    await rap.context().close();
  }, 240_000);
});
