/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import { eventually, TestUser } from './support/test-api';
import {
  launchBrowser,
  person,
  requireRoutes,
  screenshot,
  seriousA11yViolations,
  signedInContext,
  startWebStack,
  waitShown,
  watchErrors,
  WebStack,
} from './support/web';
import { expectStatus } from './support/world';

/** 200 or 201: the contract names the route, not its success code. */
function ok(res: { status: number; body: unknown }, what: string): void {
  if (res.status < 200 || res.status > 299) throw new Error(`${what}: HTTP ${res.status} ${JSON.stringify(res.body)}`);
}

/**
 * Moderators in the browser: the live queue of a pre-moderated question, approve with the
 * reason dialog (the participant sees the post arrive live), hide from the thread (it
 * leaves the participant's screen live), reports reaching the queue, the audit log, and
 * suspending a member found by name (with the keyboard), then lifting it early.
 */
describe('web app: moderators', () => {
  let stack: WebStack;
  let browser: Browser;
  let spaceId: string;
  let moderator: TestUser;
  let author: TestUser;
  let reader: TestUser;

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startWebStack(), launchBrowser()]);
    const org = stack.organiser.client;
    const consultation = expectStatus(
      await org.post('/consultations', { title: { en: 'Coastal futures' }, timezone: 'Europe/Zurich' }),
      201,
      'consultation',
    ).body;
    const roundtable = expectStatus(
      await org.post(`/consultations/${consultation.id}/roundtables`, { number: 1, title: { en: 'Relocation' } }),
      201,
      'roundtable',
    ).body;
    spaceId = expectStatus(
      await org.post(`/roundtables/${roundtable.id}/spaces`, {
        number: 1,
        prompt: { en: 'Who must have a say in a relocation?', fr: 'Qui doit avoir voix au chapitre ?' },
        moderation: 'pre',
      }),
      201,
      'space',
    ).body.id;
    [moderator, author, reader] = await Promise.all([
      person(stack.url, 'Mona Moderator', 'en', {
        constituency: 'international_organisation',
        organisation: 'Roundtable team',
      }),
      person(stack.url, 'Ana Author', 'es', { constituency: 'civil_society', organisation: 'Red Costera' }),
      person(stack.url, 'Rémi Reader', 'fr', { constituency: 'local_government' }),
    ]);
    for (const u of [moderator, author, reader])
      expectStatus(await u.client.post(`/spaces/${spaceId}/members`), 201, 'join');
    ok(await org.put(`/spaces/${spaceId}/roles/${moderator.id}`, { role: 'moderator' }), 'moderator role');
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  async function open(user: TestUser, lang: 'en' | 'fr' | 'es', path: string): Promise<Page> {
    const page = await (await signedInContext(browser, user, lang)).newPage();
    await page.goto(`${stack.url}${path}`);
    await page.locator('.live-status.live').first().waitFor();
    return page;
  }

  it('approves a pending contribution from the live queue; it appears live for a participant; hiding removes it live', async () => {
    await requireRoutes(
      stack.url,
      ['GET /spaces/{id}/moderation/queue', 'POST /contributions/{id}/moderation', 'GET /spaces/{id}/moderation/log'],
      'moderation, libs/moderation',
    );
    const queue = await open(moderator, 'en', `/spaces/${spaceId}/moderation`);
    const readerPage = await open(reader, 'fr', `/spaces/${spaceId}`);
    const authorPage = await open(author, 'es', `/spaces/${spaceId}`);
    const errors = [...watchErrors(queue), ...watchErrors(readerPage), ...watchErrors(authorPage)];

    const text = `Las personas desplazadas deben votar el plan de reubicación (${Date.now()}).`;
    await authorPage.getByRole('textbox', { name: 'Su contribución' }).fill(text);
    await authorPage.getByRole('button', { name: 'Publicar', exact: true }).click();
    await authorPage
      .locator('.composer')
      .getByText('Enviada. Aparecerá cuando la moderación la haya revisado.')
      .waitFor();
    await authorPage.locator('article', { hasText: text }).getByText('Pendiente de revisión').waitFor();

    // the moderator's queue receives it live (moderation.queued), without reload
    const item = queue.locator('.queue-item', { hasText: text });
    await item.waitFor();
    await item.getByText('Awaiting approval').waitFor();
    expect(await readerPage.locator('article', { hasText: text }).count()).toBe(0);
    expect(await seriousA11yViolations(queue)).toEqual([]);
    await screenshot(queue, 'moderation-queue');

    await item.getByRole('button', { name: 'Approve' }).click();
    const dialog = queue.getByRole('dialog', { name: 'Approve this contribution?' });
    await dialog.getByLabel('Reason').fill('On topic and constructive.');
    await dialog.getByRole('button', { name: 'Approve' }).click();
    await queue.getByText('Nothing waits for a decision.').waitFor();

    const arrived = readerPage.locator('article', { hasText: text });
    await arrived.waitFor();
    await readerPage.getByRole('button', { name: '1 nouvelle contribution' }).waitFor();

    // hide it from the thread view, with a reason: it leaves the reader's screen live
    const modThread = await open(moderator, 'en', `/spaces/${spaceId}`);
    const published = modThread.locator('article', { hasText: text });
    await waitShown(modThread, published.getByRole('button', { name: 'Hide' }), 'moderator-hide-button');
    await published.getByRole('button', { name: 'Hide' }).click();
    const hide = modThread.getByRole('dialog', { name: 'Hide this contribution?' });
    await hide.getByRole('button', { name: 'Hide' }).click();
    // the reason is required to hide: the dialog stays until it is given
    expect(await hide.isVisible()).toBe(true);
    await hide.getByLabel('Reason').fill('Personal data of a third person.');
    await hide.getByRole('button', { name: 'Hide' }).click();
    await published.getByText('Hidden', { exact: true }).waitFor();
    await readerPage.locator('article', { hasText: text }).waitFor({ state: 'detached' });
    // the author sees why
    await authorPage.getByText('Nota de la moderación: Personal data of a third person.').waitFor();

    // both decisions are in the audit log, with their reasons
    await queue.reload();
    const log = queue.getByRole('region', { name: 'Moderation log' });
    await log.getByText('On topic and constructive.').waitFor();
    await log.getByText('Personal data of a third person.').waitFor();
    expect(errors).toEqual([]);
    for (const p of [queue, readerPage, authorPage, modThread]) await p.context().close();
  }, 180_000); // each wait holds up to the context default (45 s) on a busy machine

  it('a participant reports a contribution with a reason; it reaches the moderator’s queue live', async () => {
    await requireRoutes(
      stack.url,
      ['POST /contributions/{id}/flags', 'GET /spaces/{id}/moderation/queue'],
      'moderation, libs/moderation',
    );
    const body = `Visit my shop for cheap flights ${Date.now()}`;
    const posted = expectStatus(
      await author.client.post(`/spaces/${spaceId}/contributions`, { body, language: 'en' }),
      201,
      'post',
    ).body;
    ok(await moderator.client.post(`/contributions/${posted.id}/moderation`, { action: 'approve' }), 'approve');
    const queue = await open(moderator, 'en', `/spaces/${spaceId}/moderation`);
    const readerPage = await open(reader, 'fr', `/spaces/${spaceId}`);
    await readerPage.locator('article', { hasText: body }).getByRole('button', { name: 'Signaler' }).click();
    const dialog = readerPage.getByRole('dialog', { name: 'Signaler cette contribution' });
    await dialog.getByLabel('Spam ou publicité').check();
    await dialog.getByLabel('Précisions').fill('Publicité pour une agence de voyage.');
    await dialog.getByRole('button', { name: 'Envoyer le signalement' }).click();
    await readerPage.getByText('Merci. La modération a été prévenue.').waitFor();
    const item = queue.locator('.queue-item', { hasText: body });
    await item.waitFor();
    await item.getByText('Reported by 1 member').waitFor();
    await item.getByText('“Publicité pour une agence de voyage.”', { exact: false }).waitFor();
    await queue.context().close();
    await readerPage.context().close();
  }, 180_000);

  it('suspends a member found by typing part of their name, shows the suspension, and lifts it early', async () => {
    await requireRoutes(
      stack.url,
      [
        'GET /spaces/{id}/members',
        'POST /spaces/{id}/suspensions',
        'GET /spaces/{id}/suspensions',
        'POST /spaces/{id}/suspensions/{id}/lift',
      ],
      'moderation, libs/moderation',
    );
    const page = await open(moderator, 'en', `/spaces/${spaceId}/moderation`);
    const errors = watchErrors(page);
    const sanctions = page.locator('section[aria-labelledby="sanctions-h"]');
    await sanctions.getByText('No one is suspended in this question.').waitFor();
    await sanctions.getByLabel('Suspension', { exact: true }).check();

    // the keyboard alone: type without the accent, the matches are announced, Enter chooses the first
    const member = sanctions.getByRole('combobox', { name: 'Member' });
    await member.focus();
    await page.keyboard.type('remi');
    const found = page.getByRole('listbox', { name: 'Matches for Member' });
    await page.getByText('1 match; use the up and down arrows to choose').waitFor();
    expect(await found.getByRole('option').allTextContents()).toEqual(['Rémi Reader']);
    expect(await member.getAttribute('aria-activedescendant')).toBe(
      `${await member.getAttribute('id')}-list-${reader.id}`,
    );
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.keyboard.press('Enter');
    await sanctions.getByText('Chosen: Rémi Reader').waitFor();
    // staff are not offered: they cannot be suspended
    await member.fill('mona');
    await sanctions.getByText('No one matches.').first().waitFor();
    await member.fill('');
    await member.pressSequentially('Reader');
    await page.getByText('1 match; use the up and down arrows to choose').waitFor();
    await found.getByRole('option', { name: /Rémi Reader/ }).click();

    const until = localInput(new Date(Date.now() + 2 * 86_400_000));
    await sanctions.getByLabel('Suspended until').fill(until);
    await sanctions.getByLabel('Reason').fill('Insults towards another member.');
    await sanctions.getByRole('button', { name: 'Suspend member' }).click();
    await sanctions.getByText('Member suspended.').waitFor();
    const refused = await reader.client.post(`/spaces/${spaceId}/contributions`, { body: 'Trying while suspended' });
    expect(refused.status).toBe(403);

    // the running suspension is listed; lifting it asks why
    const running = sanctions.locator('.running-suspensions li', { hasText: 'Rémi Reader' });
    await running.getByText('Insults towards another member.').waitFor();
    await screenshot(page, 'moderation-suspensions');
    await running.getByRole('button', { name: 'Lift the suspension of Rémi Reader' }).click();
    const dialog = page.getByRole('dialog', { name: 'Lift the suspension of Rémi Reader?' });
    await dialog.getByRole('button', { name: 'Lift' }).click();
    expect(await dialog.isVisible()).toBe(true); // the reason is required
    await dialog.getByLabel('Reason').fill('Apologised; the group agreed.');
    await dialog.getByRole('button', { name: 'Lift' }).click();
    await sanctions.getByText('Suspension lifted: Rémi Reader can take part again.').waitFor();
    await sanctions.getByText('No one is suspended in this question.').waitFor();
    expect(
      (await reader.client.post(`/spaces/${spaceId}/contributions`, { body: 'Back after the lift', language: 'en' }))
        .status,
    ).toBe(201);
    const log = page.getByRole('region', { name: 'Moderation log' });
    await eventually(
      async () => (await log.getByText('Apologised; the group agreed.').count()) > 0,
      10_000,
      'the lift in the log',
    );
    await log.getByText('Suspension lifted').first().waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  }, 180_000);
});

/** A date as a datetime-local input takes it, in this machine's time zone (the browser's too). */
function localInput(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}
