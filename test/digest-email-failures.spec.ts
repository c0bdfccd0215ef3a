import { memberDigestJobId } from '@roundtable/member-digests';
import { DigestStack, smallWorld, startDigestStack } from './support/digest-email-harness';
import { expectStatus } from './support/world';

/**
 * Acceptance 4: the SMTP server answers 451 twice and then accepts → the member gets one
 * email (retried with backoff); it answers 550 → the delivery is `bounced` and never
 * retried. Three bounces in a row pause the member's digest, shown in their profile,
 * until they turn it on again.
 */
describe('weekly digest emails: SMTP failures', () => {
  let stack: DigestStack;

  beforeAll(async () => {
    stack = await startDigestStack();
    await stack.startWorker();
  });
  afterAll(() => stack?.close());

  it('retries 4xx until accepted, marks 5xx bounced without retrying, and pauses after three bounces', async () => {
    const world = await smallWorld(stack, 3, 'smtp');
    const [flaky, refused, fine] = world.members;
    stack.sink.answer((rcpt, attempt) => {
      if (rcpt === flaky.email.toLowerCase() && attempt <= 2)
        return { code: 451, message: '4.3.0 Mailbox busy, try again later' };
      if (rcpt === refused.email.toLowerCase()) return { code: 550, message: '5.1.1 No such user here' };
      return 'accept';
    });

    await world.post();
    const periodEnd = await stack.run(world.consultationId);
    const deliveries = await stack.settled(world.consultationId, periodEnd);
    const of = (id: string) => deliveries.find((d) => d.user_id === id)!;

    expect(stack.sink.attempts.get(flaky.email.toLowerCase())).toBe(3);
    expect(stack.sink.to(flaky.email)).toHaveLength(1);
    expect(of(flaky.id)).toMatchObject({ status: 'sent', attempts: 3 });

    expect(of(refused.id)).toMatchObject({ status: 'bounced', attempts: 1 });
    expect(of(refused.id).error).toMatch(/550/);
    expect(stack.sink.to(refused.email)).toHaveLength(0);
    // not retried: one attempt at the server, and the job failed for good after one try
    expect(stack.sink.attempts.get(refused.email.toLowerCase())).toBe(1);
    const job = await stack
      .queue()
      .getJob(memberDigestJobId(refused.id, { consultationId: world.consultationId, periodEnd: new Date(periodEnd) }));
    expect(await job!.getState()).toBe('failed');
    expect(job!.attemptsMade).toBe(1);
    expect(job!.failedReason).toMatch(/bounced.*550/);

    expect(stack.sink.to(fine.email)).toHaveLength(1);
    expect((await refused.client.get('/me')).body).toMatchObject({ digest: 'weekly', digestStatus: 'weekly' });

    // two more weeks of bounces: the third in a row pauses the digest
    for (let week = 2; week <= 3; week += 1) {
      await world.post();
      const end = await stack.run(world.consultationId);
      const rows = await stack.settled(world.consultationId, end);
      expect(rows.find((d) => d.user_id === refused.id)?.status).toBe('bounced');
    }
    expect(stack.sink.attempts.get(refused.email.toLowerCase())).toBe(3);
    const profile = expectStatus(await refused.client.get('/me'), 200).body;
    expect(profile).toMatchObject({ digest: 'weekly', digestStatus: 'paused', digestPausedAt: expect.any(String) });

    // paused: the next run does not even try
    await world.post();
    const end4 = await stack.run(world.consultationId);
    const rows4 = await stack.settled(world.consultationId, end4);
    expect(rows4.map((d) => d.user_id)).not.toContain(refused.id);
    expect(stack.sink.attempts.get(refused.email.toLowerCase())).toBe(3);
    expect(stack.sink.to(fine.email)).toHaveLength(4);

    // the member fixes their mailbox and turns the digest on again
    expect(expectStatus(await refused.client.patch('/me', { digest: 'weekly' }), 200).body).toMatchObject({
      digestStatus: 'weekly',
      digestPausedAt: null,
    });
    stack.sink.answer(() => 'accept');
    await world.post();
    const end5 = await stack.run(world.consultationId);
    await stack.settled(world.consultationId, end5);
    expect(stack.sink.to(refused.email)).toHaveLength(1);
  });
});
