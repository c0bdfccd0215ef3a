import { QueueName } from '@roundtable/core';
import { digestSchedulerId, periodKey } from '@roundtable/member-digests';
import { RunningProcess, startWorker } from './support/processes';
import { DigestStack, smallWorld, startDigestStack } from './support/digest-email-harness';
import { eventually } from './support/test-api';

/**
 * Acceptance 6: each consultation's weekly digest is one BullMQ job scheduler
 * (`upsertJobScheduler`, fixed id), so two workers starting together — and a restart —
 * leave exactly one schedule and one next job. The scheduled job, when it runs, sends the
 * digest for its scheduled time.
 */
describe('weekly digest emails: the schedule', () => {
  let stack: DigestStack;
  const workers: RunningProcess[] = [];

  beforeAll(async () => {
    stack = await startDigestStack();
  });
  afterAll(async () => {
    await Promise.all(workers.map((w) => w.stop()));
    await stack?.close();
  });

  it('has one scheduler and one next job per consultation when two workers start at once, and runs it', async () => {
    const world = await smallWorld(stack, 2, 'schedule');
    await world.post();
    const runs = stack.queue(QueueName.MemberDigestRuns);
    const id = digestSchedulerId(world.consultationId);

    workers.push(...(await Promise.all([startWorker(stack.env), startWorker(stack.env)])));
    const nextJobs = async () => (await runs.getDelayed()).filter((j) => j.id?.startsWith(`repeat:${id}:`));
    const check = async () => {
      const schedulers = (await runs.getJobSchedulers(0, -1)).filter((s) => s.key === id);
      expect(schedulers).toHaveLength(1);
      expect(schedulers[0]).toMatchObject({ pattern: '0 8 * * 1', tz: 'Europe/Zurich' });
      expect(await nextJobs()).toHaveLength(1);
      // and no consultation has two
      const all = await runs.getJobSchedulers(0, -1);
      expect(new Set(all.map((s) => s.key)).size).toBe(all.length);
      const delayed = (await runs.getDelayed()).filter((j) => j.id?.startsWith('repeat:member-digest-'));
      expect(delayed).toHaveLength(all.filter((s) => s.key.startsWith('member-digest-')).length);
    };
    await check();

    // a restart upserts again: still one
    await workers[1].stop();
    workers[1] = await startWorker(stack.env);
    await check();

    // the scheduled job, run now: the digest for its scheduled time (next Monday 08:00 in Zurich)
    const [next] = await nextJobs();
    const scheduledAt = new Date((next.opts as { prevMillis: number }).prevMillis);
    expect(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Zurich', weekday: 'long', hour: '2-digit', minute: '2-digit' }).format(scheduledAt)).toBe('Monday 08:00');
    await next.promote();
    const deliveries = await stack.settled(world.consultationId, scheduledAt.toISOString(), 30_000);
    expect(deliveries.filter((d) => d.status === 'sent')).toHaveLength(2);
    for (const member of world.members) {
      const mails = stack.sink.to(member.email);
      expect(mails).toHaveLength(1);
      expect(mails[0].header('x-roundtable-digest')).toBe(periodKey(world.consultationId, scheduledAt));
    }
    // the scheduler has queued the following week's job, and only that one
    await eventually(async () => (await nextJobs()).length === 1 && (await nextJobs())[0].id !== next.id, 10_000, 'the next week to be scheduled');
  });
});
