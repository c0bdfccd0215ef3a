import { QueueName } from '@roundtable/core';
import { digestSchedulerId, periodKey } from '@roundtable/member-digests';
import { RunningProcess, startWorker } from './support/processes';
import { DigestStack, smallWorld, startDigestStack } from './support/digest-email-harness';
import { eventually } from './support/test-api';
import { expectErrorShape, expectStatus } from './support/world';

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
    // the worker brings its schedules in line every second, so a change shows without waiting a minute
    stack = await startDigestStack({ DIGEST_SCHEDULE_SYNC_SECONDS: '1' });
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
    expect(
      new Intl.DateTimeFormat('en-GB', {
        timeZone: 'Europe/Zurich',
        weekday: 'long',
        hour: '2-digit',
        minute: '2-digit',
      }).format(scheduledAt),
    ).toBe('Monday 08:00');
    await next.promote();
    const deliveries = await stack.settled(world.consultationId, scheduledAt.toISOString(), 30_000);
    expect(deliveries.filter((d) => d.status === 'sent')).toHaveLength(2);
    for (const member of world.members) {
      const mails = stack.sink.to(member.email);
      expect(mails).toHaveLength(1);
      expect(mails[0].header('x-roundtable-digest')).toBe(periodKey(world.consultationId, scheduledAt));
    }
    // the scheduler has queued the following week's job, and only that one
    await eventually(
      async () => (await nextJobs()).length === 1 && (await nextJobs())[0].id !== next.id,
      10_000,
      'the next week to be scheduled',
    );
  });

  it('follows an organiser who moves the digest to another weekday, hour and timezone, without a restart', async () => {
    const world = await smallWorld(stack, 1, 'moved');
    if (workers.length === 0) workers.push(await startWorker(stack.env));
    const runs = stack.queue(QueueName.MemberDigestRuns);
    const id = digestSchedulerId(world.consultationId);
    const scheduler = async () => (await runs.getJobSchedulers(0, -1)).find((s) => s.key === id);
    const localTime = (at: Date, timeZone: string) =>
      new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'long', hour: '2-digit', minute: '2-digit' }).format(at);
    /** Exactly one next job, due at `expected` local time in `timeZone`. */
    const nextRunAt = (expected: string, timeZone: string) =>
      eventually(
        async () => {
          const next = (await runs.getDelayed()).filter((j) => j.id?.startsWith(`repeat:${id}:`));
          return (
            next.length === 1 &&
            localTime(new Date((next[0].opts as { prevMillis: number }).prevMillis), timeZone) === expected
          );
        },
        20_000,
        `one next digest run on ${expected} in ${timeZone}`,
      );
    const follows = (pattern: string, tz: string) =>
      eventually(
        async () => {
          const s = await scheduler();
          return s?.pattern === pattern && s.tz === tz;
        },
        20_000,
        `the schedule ${pattern} in ${tz}`,
      );

    expect(
      expectStatus(await stack.org.client.get(`/consultations/${world.consultationId}`), 200).body.digestSchedule,
    ).toEqual({ day: 1, hour: 8, custom: false });
    await follows('0 8 * * 1', 'Europe/Zurich');

    const moved = expectStatus(
      await stack.org.client.patch(`/consultations/${world.consultationId}`, {
        timezone: 'America/Bogota',
        digestDay: 4,
        digestHour: 17,
      }),
      200,
    ).body;
    expect(moved).toMatchObject({ timezone: 'America/Bogota', digestSchedule: { day: 4, hour: 17, custom: true } });
    await follows('0 17 * * 4', 'America/Bogota');
    await nextRunAt('Thursday 17:00', 'America/Bogota');

    // bad values are refused and change nothing
    for (const bad of [{ digestDay: 7 }, { digestHour: -1 }, { digestHour: 8.5 }, { timezone: 'Mars/Olympus_Mons' }]) {
      expectErrorShape(await stack.org.client.patch(`/consultations/${world.consultationId}`, bad), 400);
    }
    expectErrorShape(
      await world.members[0].client.patch(`/consultations/${world.consultationId}`, { digestHour: 9 }),
      403,
    );

    // null goes back to the platform's weekday and hour, in the consultation's timezone
    const reset = expectStatus(
      await stack.org.client.patch(`/consultations/${world.consultationId}`, { digestDay: null, digestHour: null }),
      200,
    ).body;
    expect(reset.digestSchedule).toEqual({ day: 1, hour: 8, custom: false });
    await follows('0 8 * * 1', 'America/Bogota');
    await nextRunAt('Monday 08:00', 'America/Bogota');
  });
});
