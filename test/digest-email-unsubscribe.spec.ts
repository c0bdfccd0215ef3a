import { Client } from './support/test-api';
import { DigestStack, smallWorld, startDigestStack } from './support/digest-email-harness';
import { expectErrorShape, expectStatus } from './support/world';

/**
 * Acceptance 5, RFC 8058 one-click unsubscribe: every digest carries `List-Unsubscribe`
 * and `List-Unsubscribe-Post`; a POST to that address (as mail providers send it, no
 * sign-in) answers 200 and stops the digests; a GET shows a confirmation page and
 * unsubscribes nobody; a tampered token is refused. `PATCH /me { digest: "off" }` does the same.
 */
describe('weekly digest emails: one-click unsubscribe', () => {
  let stack: DigestStack;

  beforeAll(async () => {
    stack = await startDigestStack();
    await stack.startWorker();
  });
  afterAll(() => stack?.close());

  /** The api's own address for a link written with APP_URL. */
  const local = (link: string) => link.replace('https://roundtable.test', stack.api.url);

  it('unsubscribes with the POST from the header, never with a GET, and refuses tampered tokens', async () => {
    const world = await smallWorld(stack, 3, 'unsub');
    const [clicker, patcher, control] = world.members;
    await world.post();
    const first = await stack.run(world.consultationId);
    await stack.settled(world.consultationId, first);

    const [mail] = stack.sink.to(clicker.email);
    expect(mail.header('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    const link = /^<(https:\/\/roundtable\.test\/api\/v1\/unsubscribe\?token=([A-Za-z0-9_-]{43}))>$/.exec(
      mail.header('list-unsubscribe') ?? '',
    );
    expect(link).not.toBeNull();
    const [, url, token] = link!;
    expect(mail.text).toContain(url);

    // GET: a confirmation page with a button, in the member's language; still subscribed
    const page = await fetch(local(url));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await page.text();
    expect(html).toMatch(/<form method="post" action="\?token=[A-Za-z0-9_-]{43}">/);
    expect(html).toMatch(/<button type="submit">Unsubscribe<\/button>/);
    expect(html).not.toContain(clicker.email);
    expect((await clicker.client.get('/me')).body.digest).toBe('weekly');

    // tampered, missing: refused, nobody unsubscribed
    const tampered = token.slice(0, 10) + (token[10] === 'A' ? 'B' : 'A') + token.slice(11);
    const anonymous = new Client(stack.api.url);
    expectErrorShape(
      await anonymous.request('POST', `/unsubscribe?token=${tampered}`, 'List-Unsubscribe=One-Click', {
        'content-type': 'application/x-www-form-urlencoded',
      }),
      400,
    );
    expectErrorShape(await anonymous.post('/unsubscribe'), 400);
    expect((await fetch(local(url).replace(token, tampered))).status).toBe(400);
    expect((await clicker.client.get('/me')).body.digest).toBe('weekly');

    // the one-click POST, as a mail provider sends it: form-encoded, no sign-in, no redirect
    const click = await fetch(local(url), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
      redirect: 'manual',
    });
    expect(click.status).toBe(200);
    expect(await click.json()).toEqual({ unsubscribed: true, digest: 'off' });
    expect((await clicker.client.get('/me')).body).toMatchObject({ digest: 'off', digestStatus: 'off' });
    // again (providers retry): still 200; the page's own button gets a page back
    const again = await fetch(local(url), {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=x', accept: 'text/html' },
      body: '--x\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n--x--\r\n',
    });
    expect(again.status).toBe(200);
    expect(await again.text()).toContain('will no longer receive');
    // other routes still refuse multipart posts
    const form = await fetch(`${stack.api.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
      body: '--x--\r\n',
    });
    expect(form.status).toBe(415);

    // the profile switch does the same
    expectStatus(await patcher.client.patch('/me', { digest: 'off' }), 200, 'digest off');

    await world.post();
    const second = await stack.run(world.consultationId);
    await stack.settled(world.consultationId, second);
    expect(stack.sink.to(clicker.email)).toHaveLength(1);
    expect(stack.sink.to(patcher.email)).toHaveLength(1);
    expect(stack.sink.to(control.email)).toHaveLength(2);
  });
});
