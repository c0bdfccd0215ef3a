import { Client as Pg } from 'pg';
import { QueueName } from '@roundtable/core';
import { DeliverMemberDigest, DigestDeliveries, memberDigestJobId } from '@roundtable/member-digests';
import { DigestStack, smallWorld, startDigestStack } from './support/digest-email-harness';
import { eventually } from './support/test-api';
import { expectStatus } from './support/world';

/**
 * Acceptance 2 and "who receives nothing": the same period run twice, every job queued
 * twice (same id, and a second id racing on two workers), and jobs re-added after the
 * first ones were cleaned up, never deliver a second email — counted at the SMTP server.
 * Unsubscribed, paused, suspended members and accounts without an address get nothing.
 */
describe('weekly digest emails: exactly once, and only to those who should get one', () => {
  let stack: DigestStack;
  let pg: Pg;

  beforeAll(async () => {
    stack = await startDigestStack();
    pg = stack.pg;
    await stack.startWorker();
    await stack.startWorker(); // two workers compete for every job
  });
  afterAll(() => stack?.close());

  /** Waits until these jobs are completed (or failed) and the sink has parsed everything. */
  async function finished(jobIds: string[]): Promise<void> {
    const queue = stack.queue();
    await eventually(
      async () => {
        for (const id of jobIds) {
          const job = await queue.getJob(id);
          const state = job ? await job.getState() : 'missing';
          if (state !== 'completed' && state !== 'failed') return false;
        }
        return true;
      },
      20_000,
      `${jobIds.length} digest jobs to finish`,
    );
    await stack.sink.settled();
  }

  it('sends one email per member and period, whatever is run or queued twice', async () => {
    const world = await smallWorld(stack, 4, 'once');
    await world.post();
    const emails = world.members.map((m) => m.email);
    const count = () => emails.map((e) => stack.sink.to(e).length);

    // the same period, twice through the api
    const periodEnd = await stack.run(world.consultationId);
    expect(await stack.run(world.consultationId, new Date(periodEnd))).toBe(periodEnd);
    await stack.settled(world.consultationId, periodEnd);
    expect(count()).toEqual([1, 1, 1, 1]);
    // the poster wrote the only news: nothing for them, so no email (an empty digest is not sent)
    expect(stack.sink.to(world.poster.email)).toHaveLength(0);

    // every job of that period queued again, twice, after the finished ones were cleaned up
    const queue = stack.queue();
    const jobIds = world.members.map((m) =>
      memberDigestJobId(m.id, { consultationId: world.consultationId, periodEnd: new Date(periodEnd) }),
    );
    for (const id of jobIds) await (await queue.getJob(id))?.remove();
    await stack.queue(QueueName.MemberDigestRuns).obliterate({ force: true });
    const again = world.members.map((m) => ({
      name: 'digest',
      data: { userId: m.id, consultationId: world.consultationId, periodEnd },
      opts: {
        jobId: memberDigestJobId(m.id, { consultationId: world.consultationId, periodEnd: new Date(periodEnd) }),
      },
    }));
    await Promise.all([queue.addBulk(again), queue.addBulk(again)]);
    // and the run itself, whose fan-out finds everyone settled
    await stack.run(world.consultationId, new Date(periodEnd));
    await finished(jobIds);
    await eventually(
      async () =>
        (
          await pg.query(
            `SELECT 1 FROM member_digest_runs WHERE consultation_id = $1 AND period_end = $2 AND members = 0`,
            [world.consultationId, periodEnd],
          )
        ).rows.length > 0,
      10_000,
      'the repeated run',
    );
    expect(count()).toEqual([1, 1, 1, 1]);

    // a new period: each job twice under two different ids, racing on two workers; the delivery record decides
    await world.post();
    const [{ now }] = (await pg.query(`SELECT clock_timestamp() AS now`)).rows;
    const period2 = new Date(now);
    const racing = world.members.flatMap((m) => {
      const data = { userId: m.id, consultationId: world.consultationId, periodEnd: period2.toISOString() };
      const id = memberDigestJobId(m.id, { consultationId: world.consultationId, periodEnd: period2 });
      return [
        { name: 'digest', data, opts: { jobId: id } },
        { name: 'digest', data, opts: { jobId: `${id}-copy` } },
      ];
    });
    await queue.addBulk(racing);
    await finished(racing.map((j) => j.opts.jobId));
    expect(count()).toEqual([2, 2, 2, 2]);
    const rows = await pg.query(
      `SELECT status, count(*)::int AS n FROM member_digest_deliveries WHERE consultation_id = $1 AND period_end = $2 GROUP BY status`,
      [world.consultationId, period2],
    );
    expect(rows.rows).toEqual([{ status: 'sent', n: 4 }]);
  });

  it('sends nothing to members who unsubscribed, are paused or suspended, or have no address', async () => {
    const world = await smallWorld(stack, 4, 'nobody');
    const [unsubscribed, paused, suspended, control] = world.members;
    expectStatus(await unsubscribed.client.patch('/me', { digest: 'off' }), 200, 'digest off');
    await pg.query(`UPDATE users SET digest_paused_at = now(), digest_bounces = 3 WHERE id = $1`, [paused.id]);
    const until = new Date(Date.now() + 86_400_000).toISOString();
    expectStatus(
      await stack.org.client.post(`/spaces/${world.spaceId}/suspensions`, {
        userId: suspended.id,
        until,
        reason: 'Cooling off',
      }),
      201,
      'suspend',
    );
    // an imported placeholder account: no email address, a member of the space all the same
    const placeholder = (
      await pg.query(
        `INSERT INTO users (display_name, constituency, preferred_language) VALUES ('Imported author', 'other', 'en') RETURNING id`,
      )
    ).rows[0].id as string;
    await pg.query(`INSERT INTO memberships (space_id, user_id) VALUES ($1, $2)`, [world.spaceId, placeholder]);
    await world.post();

    const periodEnd = await stack.run(world.consultationId);
    await stack.settled(world.consultationId, periodEnd);
    expect(stack.sink.to(control.email)).toHaveLength(1);
    for (const user of [unsubscribed, paused, suspended]) expect(stack.sink.to(user.email)).toHaveLength(0);
    const queued = await pg.query(
      `SELECT user_id FROM member_digest_deliveries WHERE consultation_id = $1 AND period_end = $2`,
      [world.consultationId, periodEnd],
    );
    const ids = queued.rows.map((r) => r.user_id);
    for (const user of [unsubscribed.id, paused.id, suspended.id, placeholder]) expect(ids).not.toContain(user);
    expect((await paused.client.get('/me')).body).toMatchObject({ digest: 'weekly', digestStatus: 'paused' });
  });

  it('never lets a run that stalled past its claim send once another run has taken the delivery over', async () => {
    const world = await smallWorld(stack, 1, 'fence');
    await world.post();
    const worker = stack.workers[0];
    const deliveries = worker.get(DigestDeliveries);
    const member = world.members[0];
    const period = { consultationId: world.consultationId, periodEnd: new Date() };
    const stalled = await deliveries.claim(member.id, period);
    expect(stalled.kind).toBe('claimed');
    // the first run stalls (its lock lost, its event loop starved) until its claim has expired
    await pg.query(
      `UPDATE member_digest_deliveries SET claimed_until = now() - interval '1 second' WHERE user_id = $1 AND consultation_id = $2`,
      [member.id, world.consultationId],
    );
    // another run takes the delivery over and sends
    const outcome = await worker
      .get(DeliverMemberDigest)
      .run({ userId: member.id, consultationId: world.consultationId, periodEnd: period.periodEnd.toISOString() });
    expect(outcome.kind).toBe('sent');
    await stack.sink.settled();
    expect(stack.sink.to(member.email)).toHaveLength(1);
    // the first run wakes up: its claim is no longer its own, so it may not send
    expect(await deliveries.renew(member.id, period, (stalled as { attempts: number }).attempts)).toBeNull();
  });
});
