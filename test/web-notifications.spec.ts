/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import { TestUser } from './support/test-api';
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

/**
 * Members are told what happened to them, in the browser: a rejected author sees the
 * moderator's reason live (not a stale "Awaiting review"), after a reload, and in the
 * notification list reached from the bell; a suspended member sees why and until when in
 * their language with the composer disabled; a report shows a confirmation in view.
 */
describe('web app: notifications', () => {
  let stack: WebStack;
  let browser: Browser;
  let preSpace: string;
  let postSpace: string;
  let moderator: TestUser;
  let author: TestUser;
  let suspended: TestUser;
  let reader: TestUser;

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startWebStack(), launchBrowser()]);
    const org = stack.organiser.client;
    const consultation = expectStatus(
      await org.post('/consultations', { title: { en: 'Rivers and towns' }, timezone: 'America/Bogota' }),
      201,
      'consultation',
    ).body;
    const roundtable = expectStatus(
      await org.post(`/consultations/${consultation.id}/roundtables`, { number: 1, title: { en: 'Floods' } }),
      201,
      'roundtable',
    ).body;
    const space = (number: number, moderation: 'pre' | 'post') =>
      org.post(`/roundtables/${roundtable.id}/spaces`, {
        number,
        prompt: {
          en: 'What should towns on rivers prepare first?',
          fr: 'Que doivent préparer d’abord les villes riveraines ?',
        },
        moderation,
      });
    preSpace = expectStatus(await space(1, 'pre'), 201, 'pre space').body.id;
    postSpace = expectStatus(await space(2, 'post'), 201, 'post space').body.id;
    [moderator, author, suspended, reader] = await Promise.all([
      person(stack.url, 'Mateo Moderator', 'en', { constituency: 'international_organisation' }),
      person(stack.url, 'Ada Author', 'en', { constituency: 'civil_society' }),
      person(stack.url, 'Solène Suspendue', 'fr', { constituency: 'youth' }),
      person(stack.url, 'Rui Reader', 'en', { constituency: 'academia' }),
    ]);
    for (const s of [preSpace, postSpace]) {
      for (const u of [moderator, author, suspended, reader])
        expectStatus(await u.client.post(`/spaces/${s}/members`), 201, 'join');
      expectStatus(await org.put(`/spaces/${s}/roles/${moderator.id}`, { role: 'moderator' }), 200, 'moderator role');
    }
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  async function open(user: TestUser, lang: 'en' | 'fr' | 'es', path: string): Promise<Page> {
    const page = await (await signedInContext(browser, user, lang)).newPage();
    await page.goto(`${stack.url}${path}`);
    await page.locator('h1').first().waitFor();
    return page;
  }

  it('shows a rejected author the reason live, after a reload and in the notification list from the bell', async () => {
    await requireRoutes(
      stack.url,
      ['GET /me/notifications', 'GET /me/notifications/unread-count', 'POST /me/notifications/read'],
      'notifications, libs/notifications',
    );
    const page = await open(author, 'en', `/spaces/${preSpace}`);
    await page.locator('.live-status.live').waitFor({ timeout: 15_000 });
    const errors = watchErrors(page);

    const text = `Sandbags should be stored in every school before the rainy season (${Date.now()}).`;
    await page.getByRole('textbox', { name: 'Your contribution' }).fill(text);
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    const article = page.locator('article', { hasText: text });
    await article.getByText('Awaiting review').waitFor();
    const contributionId = (await article.getAttribute('id'))!.replace(/^c-/, '');

    const reason = 'Please say which towns you mean, so others can answer.';
    expectStatus(
      await moderator.client.post(`/contributions/${contributionId}/moderation`, { action: 'reject', reason }),
      200,
      'reject',
    );

    // live: the status and the reason replace "Awaiting review", and the bell counts the notice
    await article.getByText('Not published').waitFor({ timeout: 10_000 });
    await article.getByText(`Moderator’s note: ${reason}`).waitFor();
    expect(await article.getByText('Awaiting review').count()).toBe(0);
    const bell = page.getByRole('link', { name: 'Notifications 1 unread' });
    await bell.waitFor({ timeout: 10_000 });
    await screenshot(page, 'notifications-rejected-live');

    // a reload keeps the contribution and its reason in the author's view
    await page.reload();
    await page.locator('article', { hasText: text }).getByText(`Moderator’s note: ${reason}`).waitFor();

    await page.getByRole('link', { name: 'Notifications 1 unread' }).click();
    await page.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
    const notice = page.locator('li.notification', {
      hasText: 'A moderator decided not to publish your contribution in question 1.1.',
    });
    await notice.waitFor();
    await notice.getByText(`Reason given by the moderator: ${reason}`).waitFor();
    await notice.getByText('New', { exact: true }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'notifications-list');

    await notice.getByRole('button', { name: 'Mark as read' }).click();
    await page.getByText('Marked as read.').waitFor();
    await page.getByRole('link', { name: 'Notifications', exact: true }).waitFor();
    expect(await notice.getByText('New', { exact: true }).count()).toBe(0);

    // the notice leads back to the contribution in its thread
    await notice.getByRole('link', { name: 'Open the discussion' }).click();
    await page.waitForURL(new RegExp(`/spaces/${preSpace}#c-${contributionId}$`));
    await page.locator('article', { hasText: text }).getByText('Not published').waitFor();
    expect(errors).toEqual([]);
    await page.context().close();

    // on a phone: the list fits the width, the bell keeps its name for screen readers
    const phone = await (await signedInContext(browser, author, 'en', { width: 390, height: 844 })).newPage();
    await phone.goto(`${stack.url}/notifications`);
    await phone.locator('li.notification', { hasText: reason }).waitFor();
    await phone.getByRole('link', { name: 'Notifications', exact: true }).waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(await seriousA11yViolations(phone)).toEqual([]);
    await screenshot(phone, 'notifications-list-phone');
    await phone.context().close();
  });

  it('shows a suspended member why and until when, in French and their local date format, with the composer disabled', async () => {
    const page = await open(suspended, 'fr', `/spaces/${postSpace}`);
    await page.locator('.live-status.live').waitFor({ timeout: 15_000 });
    const errors = watchErrors(page);
    const composer = page.getByRole('textbox', { name: 'Votre contribution' });
    expect(await composer.isEnabled()).toBe(true);

    const until = new Date(Date.now() + 2 * 24 * 3600_000 + 3 * 3600_000);
    until.setUTCSeconds(0, 0);
    const reason = 'Messages répétés sur le même sujet.';
    expectStatus(
      await moderator.client.post(`/spaces/${postSpace}/suspensions`, {
        userId: suspended.id,
        until: until.toISOString(),
        reason,
      }),
      201,
      'suspend',
    );

    // live, without reload: the banner, in French, with the end as the browser writes dates in French
    const banner = page.locator('.suspension-banner');
    await banner.getByRole('heading', { name: 'Vous êtes suspendu·e de cette question' }).waitFor({ timeout: 10_000 });
    const localEnd = await page.evaluate(
      (iso) => new Intl.DateTimeFormat('fr', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)),
      until.toISOString(),
    );
    const bannerText = (await banner.textContent()) ?? '';
    expect(bannerText).toContain(`avant le ${localEnd}`);
    expect(bannerText).toContain(`Motif du modérateur : ${reason}`);
    expect(bannerText).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:/);
    expect(bannerText).not.toMatch(/suspended|until/i);

    // the composer stays in view, disabled, saying why
    await page.getByText(`La publication est suspendue jusqu’au ${localEnd}.`, { exact: false }).waitFor();
    expect(await composer.isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Publier', exact: true }).isDisabled()).toBe(true);
    // not the misleading "offline" state
    expect(await page.getByText('Hors ligne — reconnexion').count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'notifications-suspended');

    // after a reload it is the same
    await page.reload();
    await page.locator('.suspension-banner').getByText(`Motif du modérateur : ${reason}`).waitFor();
    expect(await page.getByRole('textbox', { name: 'Votre contribution' }).isDisabled()).toBe(true);

    // the notice is in the list too, in French
    await page.goto(`${stack.url}/notifications`);
    const notice = page.locator('li.notification', {
      hasText: 'Vous ne pouvez pas publier dans la question 1.2 avant le',
    });
    await notice.getByText(`Motif donné par le modérateur : ${reason}`).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('confirms a report visibly, and says so in words when the member already reported it', async () => {
    const text = `Early warning sirens saved lives in our valley (${Date.now()}).`;
    expectStatus(
      await author.client.post(`/spaces/${postSpace}/contributions`, { body: text, language: 'en' }),
      201,
      'post',
    );
    const page = await open(reader, 'en', `/spaces/${postSpace}`);
    const errors = watchErrors(page);
    const article = page.locator('article', { hasText: text });
    await article.waitFor();

    await article.getByRole('button', { name: 'Report' }).click();
    const dialog = page.getByRole('dialog', { name: 'Report this contribution' });
    await dialog.getByLabel('Off topic').check();
    await dialog.getByRole('button', { name: 'Send report' }).click();
    const toast = page.locator('.toast', { hasText: 'Thank you. The moderators have been told.' });
    await toast.waitFor({ timeout: 10_000 });
    expect(await toast.isVisible()).toBe(true);
    await screenshot(page, 'notifications-flag-confirmation', false);

    // a second report of the same contribution: the catalogue's sentence, not the api's text
    await article.getByRole('button', { name: 'Report' }).click();
    await dialog.getByLabel('Off topic').check();
    await dialog.getByRole('button', { name: 'Send report' }).click();
    await dialog.getByText('You have already reported this contribution. The moderators have it.').waitFor();
    expect(await dialog.getByText('You have already flagged this contribution').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
