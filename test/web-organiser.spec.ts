/// <reference lib="dom" />
import type { Browser } from 'playwright-core';
import { uniquePrefix } from './support/processes';
import { SmtpSink } from './support/smtp-sink';
import { Client, eventually, uniqueEmail } from './support/test-api';
import {
  launchBrowser,
  person,
  screenshot,
  seriousA11yViolations,
  signedInContext,
  startWebStack,
  tabTo,
  watchErrors,
  WebStack,
} from './support/web';

/**
 * Organisers build the structure in the browser (consultation → roundtable with objectives →
 * question with prompts in three languages, moderation mode and dates) and assign roles; and
 * one participant journey is driven with the keyboard alone (Tab, Enter and typing); and an
 * organiser invites someone by email, who registers from the link and lands in the space.
 */
describe('web app: organisers, and the keyboard alone', () => {
  let stack: WebStack;
  let browser: Browser;
  let sink: SmtpSink;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    // a Redis prefix of its own: the invitation emails are for this spec's worker only
    const prefix = uniquePrefix('web-org');
    [stack, browser] = await Promise.all([startWebStack({ REDIS_PREFIX: prefix }), launchBrowser()]);
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    await sink?.close();
  });

  it('creates a consultation, a roundtable with objectives and a question with prompts in three languages, then assigns a moderator', async () => {
    const page = await (await signedInContext(browser, stack.organiser, 'en')).newPage();
    const errors = watchErrors(page);
    await page.goto(`${stack.url}/`);
    await page.getByText('New consultation').click();
    const title = page.getByRole('group', { name: 'Title' });
    await title.getByLabel('English').fill('Water and displacement');
    await title.getByLabel('French').fill('Eau et déplacements');
    await title.getByLabel('Spanish').fill('Agua y desplazamientos');
    // the time zone is picked from the searchable list
    await page.getByRole('combobox', { name: /Time zone/ }).fill('Zurich');
    await page.getByRole('option', { name: 'Europe/Zurich' }).click();
    await page.getByRole('button', { name: 'Create consultation' }).click();
    await page.getByRole('heading', { level: 1, name: 'Water and displacement' }).waitFor();

    await page.getByText('New roundtable').click();
    await page.getByRole('group', { name: 'Title' }).getByLabel('English').fill('Drought and cities');
    await page.getByLabel('Objectives').fill('Map what works\nAgree on three priorities');
    await page.getByRole('button', { name: 'Create roundtable' }).click();
    await page.getByRole('heading', { level: 1, name: 'Drought and cities' }).waitFor();
    await page.locator('ul.objectives li', { hasText: 'Agree on three priorities' }).waitFor();

    await page.getByText('New question', { exact: true }).click();
    const prompt = page.getByRole('group', { name: 'Question' });
    await prompt.getByLabel('English').fill('Which water measures helped newcomers most?');
    await prompt.getByLabel('French').fill('Quelles mesures sur l’eau ont le plus aidé les nouveaux arrivants ?');
    await prompt.getByLabel('Spanish').fill('¿Qué medidas sobre el agua ayudaron más a los recién llegados?');
    await page.getByLabel('Moderators approve each contribution first').check();
    await page.getByLabel('Closes').fill('2031-06-30T18:00');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Create question' }).click();
    await page.getByText('Question 1 created.').waitFor();
    const card = page.locator('.card', { hasText: 'Which water measures helped newcomers most?' });
    await card.getByText('Posts are checked by a moderator before they appear').waitFor();

    // the three prompts are stored, and a French reader gets hers
    const roundtableId = page.url().split('/').pop()!;
    const rt = (await stack.organiser.client.get(`/roundtables/${roundtableId}`)).body;
    expect(rt.spaces[0]).toMatchObject({
      moderation: 'pre',
      prompt: {
        en: 'Which water measures helped newcomers most?',
        fr: 'Quelles mesures sur l’eau ont le plus aidé les nouveaux arrivants ?',
        es: '¿Qué medidas sobre el agua ayudaron más a los recién llegados?',
      },
    });
    expect(new Date(rt.spaces[0].closesAt).getFullYear()).toBe(2031);
    await page.getByLabel('Language').selectOption('fr');
    await page.getByText('Quelles mesures sur l’eau ont le plus aidé les nouveaux arrivants ?').waitFor();
    await page.getByLabel('Langue').selectOption('en');
    // switching there and straight back saves the last choice to the profile
    await eventually(
      async () => (await stack.organiser.client.get('/me')).body.preferredLanguage === 'en',
      5_000,
      'the profile language back to English',
    );

    // a role, given on the question's management page to someone found by name (she has not joined it)
    const mod = await person(stack.url, 'Moana Mōhio Moderator', 'en', { organisation: 'Pacific Water Council' });
    await person(stack.url, 'Moana Bystander', 'en');
    await page.locator('.card a', { hasText: 'Which water measures' }).click();
    await page.getByRole('link', { name: 'Manage this question' }).click();
    const member = page.getByRole('combobox', { name: 'Member' });
    await member.pressSequentially('moana');
    const found = page.getByRole('listbox', { name: 'Matches for Member' });
    await page.getByText('2 matches; use the up and down arrows to choose').waitFor();
    // accents and case do not matter, and each word may be anywhere in the name or organisation
    await member.fill('');
    await member.pressSequentially('MOHIO pacific');
    await page.getByText('1 match; use the up and down arrows to choose').waitFor();
    expect(await found.getByRole('option').allTextContents()).toEqual([
      `Moana Mōhio Moderator — Pacific Water Council · ${mod.email}`,
    ]);
    expect(await member.getAttribute('aria-expanded')).toBe('true');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'member-picker');
    await found.getByRole('option', { name: /Moana Mōhio Moderator/ }).click();
    await page.getByText(`Chosen: Moana Mōhio Moderator — Pacific Water Council — ${mod.email}`).waitFor();
    expect(await member.getAttribute('aria-expanded')).toBe('false');
    await page.getByLabel('Role', { exact: true }).selectOption('moderator');
    await page.getByRole('button', { name: 'Assign role' }).click();
    await page.getByText('Moana Mōhio Moderator is now Moderator.').waitFor();
    const spaceId = rt.spaces[0].id;
    await eventually(
      async () => (await mod.client.get(`/spaces/${spaceId}`)).body.myRole === 'moderator',
      5_000,
      'the moderator role',
    );
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("edits a consultation (a title language, the timezone, the weekly digest day and hour) and a roundtable's objectives", async () => {
    const org = stack.organiser.client;
    const consultation = (
      await org.post('/consultations', {
        title: { en: 'Editable consultation', fr: 'Consultation modifiable' },
        timezone: 'Europe/Zurich',
      })
    ).body;
    const roundtable = (
      await org.post(`/consultations/${consultation.id}/roundtables`, {
        number: 1,
        title: { en: 'Editable roundtable' },
        objectives: ['First objective'],
      })
    ).body;
    const page = await (await signedInContext(browser, stack.organiser, 'en')).newPage();
    const errors = watchErrors(page);
    await page.goto(`${stack.url}/consultations/${consultation.id}`);
    await page.getByText('Edit this consultation').click();
    const form = page.locator('form', { has: page.getByRole('button', { name: 'Save changes' }) });
    await form.getByRole('group', { name: 'Title' }).getByLabel('Spanish').fill('Consulta editable');
    await form.getByRole('combobox', { name: /Time zone/ }).fill('Bogota');
    await form.getByRole('option', { name: 'America/Bogota' }).click();
    await form.getByLabel('Day').selectOption({ label: 'Thursday' });
    await form.getByLabel('Hour').selectOption({ label: '17:00' });
    await form.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Changes saved.').waitFor();
    expect((await org.get(`/consultations/${consultation.id}`)).body).toMatchObject({
      title: { en: 'Editable consultation', fr: 'Consultation modifiable', es: 'Consulta editable' },
      timezone: 'America/Bogota',
      digestSchedule: { day: 4, hour: 17, custom: true },
    });
    // after a reload the form shows what was saved
    await page.reload();
    await page.getByText('Edit this consultation').click();
    expect(await page.getByLabel('Day').inputValue()).toBe('4');
    expect(await page.getByLabel('Hour').inputValue()).toBe('17');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.goto(`${stack.url}/roundtables/${roundtable.id}`);
    await page.getByText('Edit this roundtable').click();
    await page.locator('#er-objectives').fill('First objective\nSecond objective');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Changes saved.').waitFor();
    await page.locator('ul.objectives li', { hasText: 'Second objective' }).waitFor();
    expect((await org.get(`/roundtables/${roundtable.id}`)).body.objectives).toEqual([
      'First objective',
      'Second objective',
    ]);
    await screenshot(page, 'organiser-edit-roundtable');

    // the consultation's figures, one link away
    const space = (
      await org.post(`/roundtables/${roundtable.id}/spaces`, {
        number: 1,
        prompt: { en: 'What works?' },
        moderation: 'post',
      })
    ).body;
    const member = await person(stack.url, 'Figures Member', 'en', { constituency: 'academia' });
    await member.client.post(`/spaces/${space.id}/members`);
    await member.client.post(`/spaces/${space.id}/contributions`, {
      body: 'Counted on the figures page.',
      language: 'en',
    });
    await page.goto(`${stack.url}/consultations/${consultation.id}`);
    await page.getByRole('link', { name: 'Figures' }).click();
    await page.getByRole('heading', { level: 1, name: 'Figures of the consultation' }).waitFor();
    const byConstituency = page.getByRole('table', { name: 'Members and contributors by constituency' });
    await byConstituency.getByRole('row', { name: 'Academia 1 1' }).waitFor();
    const questions = page.getByRole('table', { name: 'Questions' });
    await questions.getByRole('link', { name: 'Roundtable 1, question 1' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'organiser-figures');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('lets a participant sign in, find a question, post and reply with the keyboard alone', async () => {
    const org = stack.organiser.client;
    const c = (await org.post('/consultations', { title: { en: 'Keyboard consultation' }, timezone: 'Europe/Zurich' }))
      .body;
    const r = (
      await org.post(`/consultations/${c.id}/roundtables`, { number: 1, title: { en: 'Keyboard roundtable' } })
    ).body;
    const s = (
      await org.post(`/roundtables/${r.id}/spaces`, {
        number: 1,
        prompt: { en: 'What would you change first?' },
        moderation: 'post',
      })
    ).body;
    const kim = await person(stack.url, 'Kim Keyboard', 'en', { constituency: 'youth' });
    await kim.client.post(`/spaces/${s.id}/members`);
    const page = await (await signedInContext(browser, null, 'en')).newPage();
    const errors = watchErrors(page);
    await page.goto(`${stack.url}/login`);

    // sign in
    await tabTo(page, (el) => el.id === 'login-email');
    await page.keyboard.type(kim.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(kim.password);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Consultations' }).waitFor();

    // consultation → roundtable → question, following links with Tab and Enter
    await tabTo(page, (el) => el.tag === 'a' && el.text === 'Keyboard consultation');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Keyboard consultation' }).waitFor();
    await tabTo(page, (el) => el.tag === 'a' && el.text.includes('Keyboard roundtable'));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Keyboard roundtable' }).waitFor();
    await tabTo(page, (el) => el.tag === 'a' && el.text === 'What would you change first?');
    await page.keyboard.press('Enter');
    await page.locator('.live-status.live').waitFor({ timeout: 15_000 });

    // write and publish
    await tabTo(page, (el) => el.tag === 'textarea' && el.label === 'Your contribution');
    const text = `Safer bus stops near the new housing (${Date.now()}).`;
    await page.keyboard.type(text);
    await tabTo(page, (el) => el.tag === 'button' && el.text === 'Publish');
    await page.keyboard.press('Enter');
    await page.locator('article', { hasText: text }).waitFor();

    // reply to it: Tab back to its Reply button, Enter opens the reply box with focus in it
    await tabTo(page, (el) => el.tag === 'button' && el.text === 'Reply', 40, true);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => (document.activeElement as HTMLTextAreaElement | null)?.tagName)).toBe('TEXTAREA');
    await page.keyboard.type('And lighting on the path to school.');
    await tabTo(page, (el) => el.tag === 'button' && el.text === 'Publish reply');
    await page.keyboard.press('Enter');
    await page.locator('ol.replies article', { hasText: 'And lighting on the path to school.' }).waitFor();

    // focus lands on the new reply, and it is visible (a 3 px outline)
    await page.waitForFunction(
      () =>
        document.activeElement?.tagName === 'ARTICLE' && document.activeElement.textContent!.includes('And lighting'),
    );
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(['solid', 'auto']).toContain(outline);
    const posts = (await new Client(stack.url, kim.token).get(`/spaces/${s.id}/contributions`)).body.items;
    expect(posts.map((p: { body: string }) => p.body)).toEqual(
      expect.arrayContaining([text, 'And lighting on the path to school.']),
    );
    await screenshot(page, 'keyboard-journey');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('invites an address from the question page; the invitee opens the link in a fresh browser, registers and lands in the space', async () => {
    const org = stack.organiser.client;
    const c = (await org.post('/consultations', { title: { en: 'Harbour towns' }, timezone: 'Europe/Zurich' })).body;
    const r = (await org.post(`/consultations/${c.id}/roundtables`, { number: 1, title: { en: 'Working ports' } }))
      .body;
    const s = (
      await org.post(`/roundtables/${r.id}/spaces`, {
        number: 1,
        prompt: { en: 'What keeps small ports open in winter?' },
        moderation: 'post',
      })
    ).body;
    await stack.startWorker({ SMTP_URL: sink.url });
    const address = uniqueEmail('web-invitee');

    const page = await (await signedInContext(browser, stack.organiser, 'en')).newPage();
    const errors = watchErrors(page);
    await page.goto(`${stack.url}/spaces/${s.id}/manage`);
    await page.getByRole('textbox', { name: 'Email addresses' }).fill(`Lena Ortiz <${address}>,`);
    await page.getByText('1 address found.').waitFor();
    await page.getByLabel('Personal message').fill('Your view from the quay would help.');
    await page.getByRole('button', { name: 'Send invitations' }).click();
    await page.getByText('1 invitation sent.').waitFor();
    const row = page.locator('table.invitations tr', { hasText: address });
    await row.getByText('Pending').waitFor();
    await row.getByText(/^Sent /).waitFor({ timeout: 20_000 });
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'invitations-organiser');

    const mail = await eventually(
      async () => {
        await sink.settled();
        return sink.to(address)[0];
      },
      20_000,
      'the invitation email',
    );
    const link = new RegExp(`${stack.url.replace(/[.]/g, '\\.')}/invite/[A-Za-z0-9_-]{43}`).exec(mail.text)?.[0];
    expect(link).toBeDefined();

    // a fresh browser context: nobody signed in
    const visitor = await (await signedInContext(browser, null, 'en')).newPage();
    const visitorErrors = watchErrors(visitor);
    await visitor.goto(link!);
    await visitor.getByRole('heading', { level: 1, name: 'Your invitation' }).waitFor();
    await visitor.getByText('What keeps small ports open in winter?').waitFor();
    await visitor.getByText('Your view from the quay would help.').waitFor();
    expect(await visitor.getByLabel('Email address').inputValue()).toBe(address);
    expect(await seriousA11yViolations(visitor)).toEqual([]);
    await screenshot(visitor, 'invitation-page');
    await visitor.getByLabel('Name shown to others').fill('Lena Ortiz');
    await visitor.getByLabel('Password').fill('quay-side-2030');
    await visitor.getByLabel('Constituency').selectOption('local_government');
    await visitor.getByRole('button', { name: 'Create account' }).click();

    // in the space, as a member who can write
    await visitor.waitForURL(`${stack.url}/spaces/${s.id}`);
    await visitor.getByRole('textbox', { name: 'Your contribution' }).waitFor();
    const login = await new Client(stack.url).post('/auth/login', { email: address, password: 'quay-side-2030' });
    expect((await new Client(stack.url, login.body.accessToken).get(`/spaces/${s.id}`)).body.myRole).toBe(
      'participant',
    );
    await screenshot(visitor, 'invitation-accepted');

    // the organiser's list follows
    await page.reload();
    await page.locator('table.invitations tr', { hasText: address }).getByText('Accepted').waitFor();
    expect(errors).toEqual([]);
    expect(visitorErrors).toEqual([]);
    await visitor.context().close();
    await page.context().close();
  }, 90_000);
});
