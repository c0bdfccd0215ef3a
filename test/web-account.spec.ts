/// <reference lib="dom" />
import { generateSync } from 'otplib';
import type { Browser } from 'playwright-core';
import { uniquePrefix } from './support/processes';
import { SmtpSink } from './support/smtp-sink';
import { Client, eventually } from './support/test-api';
import { expectStatus } from './support/world';
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

/**
 * Account security in the browser: signing in with a two-factor code, the signed-in
 * devices in Settings → Security (one signed out, then everywhere), and the password
 * reset journey from the sign-in page to the emailed link and back.
 */
describe('web app: account security', () => {
  let stack: WebStack;
  let browser: Browser;
  let sink: SmtpSink;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    // a Redis prefix of its own: no other spec's worker takes these emails
    const prefix = uniquePrefix('web-account');
    [stack, browser] = await Promise.all([
      startWebStack({ REDIS_PREFIX: prefix, SMTP_URL: sink.url }),
      launchBrowser(),
    ]);
    await stack.startWorker({ SMTP_URL: sink.url });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    await sink?.close();
  });

  it('signs in with a two-factor code, stays signed in across a reload, and keeps the refresh token out of reach of scripts', async () => {
    const rosa = await person(stack.url, 'Rosa Méndez', 'en');
    const secret = expectStatus(await rosa.client.post('/me/two-factor'), 201, 'enrol').body.secret;
    expectStatus(await rosa.client.post('/me/two-factor/confirm', { code: generateSync({ secret }) }), 200, 'confirm');

    const context = await signedInContext(browser, null, 'en');
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${stack.url}/login`);
    await page.getByLabel('Email address').fill(rosa.email);
    await page.getByLabel('Password').fill(rosa.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const code = page.getByLabel('Code from your authenticator app');
    await code.waitFor();
    await code.fill(generateSync({ secret }));
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Consultations' }).waitFor();
    await screenshot(page, 'account-signed-in-with-2fa');

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Consultations' }).waitFor();
    expect(await page.getByLabel('Password').count()).toBe(0);
    expect(await page.evaluate(() => document.cookie)).not.toContain('rt_refresh');
    expect(await page.evaluate(() => JSON.stringify({ ...localStorage }))).not.toMatch(/eyJ/); // no token kept where scripts read
    expect(errors).toEqual([]);
    await context.close();
  });

  it('lists the signed-in devices in Settings, signs one out, then signs out everywhere', async () => {
    const li = await person(stack.url, 'Li Wei', 'en');
    const phone = expectStatus(
      await new Client(stack.url).request(
        'POST',
        '/api/v1/auth/login',
        { email: li.email, password: li.password },
        { 'user-agent': 'Phone app 2.1' },
      ),
      200,
      'sign in from a phone',
    ).body.accessToken;
    const context = await signedInContext(browser, li, 'en');
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${stack.url}/settings`);
    const devices = page.getByRole('list', { name: 'Signed-in devices' });
    await devices.getByText('this device').waitFor();
    await devices.getByText('Phone app 2.1').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'account-sessions');

    await page.getByRole('button', { name: 'Sign out: Phone app 2.1' }).click();
    await devices.getByText('Phone app 2.1').waitFor({ state: 'detached' });
    expect((await new Client(stack.url, phone).get('/api/v1/me')).status).toBe(401);
    await eventually(
      async () =>
        (await li.client.get('/api/v1/me/security-log')).body.items.some(
          (e: { kind: string }) => e.kind === 'session_ended',
        ),
      10_000,
      'the log entry',
    );
    await page.getByRole('list', { name: 'Security log' }).getByText('Signed in').first().waitFor();

    await page.getByRole('button', { name: 'Sign out everywhere' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    expect((await li.client.get('/api/v1/me')).status).toBe(401);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('resets a forgotten password from the sign-in page through the emailed link; the link works once', async () => {
    const ana = await person(stack.url, 'Ana Costa', 'es');
    const context = await signedInContext(browser, null, 'en');
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${stack.url}/login`);
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.getByRole('heading', { level: 1, name: 'Reset your password' }).waitFor();
    await page.getByLabel('Email address').fill(ana.email);
    await page.getByRole('button', { name: 'Send the link' }).click();
    await page.getByText('If this address has an account, a link is on its way.').waitFor();

    const mail = await eventually(
      async () => {
        await sink.settled();
        return sink.to(ana.email).find((m) => m.text.includes('/reset-password/'));
      },
      30_000,
      'the reset email',
    );
    expect(mail.subject).toBe('Restablezca su contraseña de Roundtable'); // in her language
    const link = /(http\S+\/reset-password\/[A-Za-z0-9_-]+)/.exec(mail.text)![1];
    expect(link.startsWith(stack.url)).toBe(true);

    await page.goto(link);
    await page.getByLabel('New password').fill('lighthouse-keeper-31');
    await page.getByRole('button', { name: 'Save the new password' }).click();
    await page.getByText('Your password is changed').waitFor();
    await screenshot(page, 'account-reset-done');
    await page.getByRole('link', { name: 'Sign in' }).last().click();
    await page.getByLabel('Email address').fill(ana.email);
    await page.getByLabel('Password').fill('lighthouse-keeper-31');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Consultas' }).waitFor();

    await page.goto(link);
    await page.getByLabel('Contraseña nueva').fill('another-keeper-32');
    await page.getByRole('button', { name: 'Guardar la contraseña nueva' }).click();
    await page.getByText('Este enlace ya se usó o ha caducado. Pida uno nuevo.').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows a verified mark next to an author whose affiliation an organiser confirmed, and none next to a self-declared one', async () => {
    const org = stack.organiser.client;
    const consultation = expectStatus(
      await org.post('/consultations', {
        title: { en: 'Coastal towns', fr: 'Villes côtières', es: 'Pueblos costeros' },
        timezone: 'UTC',
      }),
      201,
      'consultation',
    ).body;
    const roundtable = expectStatus(
      await org.post(`/consultations/${consultation.id}/roundtables`, {
        number: 1,
        title: { en: 'Harbours', fr: 'Ports', es: 'Puertos' },
      }),
      201,
      'roundtable',
    ).body;
    const space = expectStatus(
      await org.post(`/roundtables/${roundtable.id}/spaces`, {
        number: 1,
        prompt: {
          en: 'Who maintains the sea walls?',
          fr: 'Qui entretient les digues ?',
          es: '¿Quién mantiene los diques?',
        },
        moderation: 'post',
      }),
      201,
      'space',
    ).body;
    const minister = await person(stack.url, 'Kofi Mensah', 'en', {
      organisation: 'Ministry of Fisheries',
      constituency: 'state',
      country: 'GH',
    });
    const resident = await person(stack.url, 'Jo Harbour', 'en', {
      organisation: 'Harbour residents',
      constituency: 'civil_society',
    });
    for (const u of [minister, resident]) expectStatus(await u.client.post(`/spaces/${space.id}/members`), 201, 'join');
    expectStatus(await org.put(`/users/${minister.id}/affiliation`, { verified: true }), 200, 'confirm the ministry');
    expectStatus(
      await minister.client.post(`/spaces/${space.id}/contributions`, {
        body: 'The ministry funds the repairs.',
        language: 'en',
      }),
      201,
      'post',
    );
    expectStatus(
      await resident.client.post(`/spaces/${space.id}/contributions`, {
        body: 'Residents do the weekly checks.',
        language: 'en',
      }),
      201,
      'post',
    );

    const context = await signedInContext(browser, resident, 'en');
    const page = await context.newPage();
    await page.goto(`${stack.url}/spaces/${space.id}`);
    const verified = page.locator('article', { hasText: 'The ministry funds the repairs.' });
    const declared = page.locator('article', { hasText: 'Residents do the weekly checks.' });
    await verified.getByText('Verified affiliation').waitFor();
    await declared.waitFor();
    expect(await declared.getByText('Verified affiliation').count()).toBe(0);
    await screenshot(page, 'account-verified-mark', false);
    await context.close();
  });
});
