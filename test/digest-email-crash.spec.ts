import { randomBytes } from 'node:crypto';
import { RunningProcess, startWorker } from './support/processes';
import { DigestStack, startDigestStack } from './support/digest-email-harness';
import { eventually, registerUser } from './support/test-api';
import { createConsultation, createRoundtable, createSpace, expectStatus } from './support/world';

const MEMBERS = 1000;

/**
 * Acceptance 3: a worker killed with SIGKILL in the middle of a run for 1,000 members —
 * some deliveries claimed, their emails on the wire — and another started after it: the
 * SMTP server ends with exactly 1,000 digests, one per member.
 *
 * The kill happens while the SMTP server holds its answers to the messages on the wire,
 * once every message it had accepted is recorded as sent: a crash after the server took
 * a message but before the worker heard its 250 cannot be told apart from one before, by
 * any SMTP client, so no sender can promise "once" for that instant. Everything else —
 * the claimed deliveries, the half-sent messages, the stalled jobs — is what a kill -9
 * leaves behind, and is recovered: stalled jobs return to the queue, expired claims are
 * claimed again, and each member gets their email once.
 */
describe('weekly digest emails: a worker killed mid-run', () => {
  let stack: DigestStack;
  const workers: RunningProcess[] = [];

  beforeAll(async () => {
    stack = await startDigestStack({ DIGEST_CONCURRENCY: '16' });
  });
  afterAll(async () => {
    await Promise.all(workers.map((w) => w.stop()));
    await stack?.close();
  });

  it('delivers exactly one digest per member after kill -9 and a restart', async () => {
    const org = stack.org.client;
    const consultationId = (await createConsultation(org, 'Crash consultation')).id;
    const roundtable = await createRoundtable(org, consultationId);
    const spaceId = (await createSpace(org, roundtable.id)).id;
    const poster = await registerUser(stack.api.url, { tag: 'crash-poster' });
    expectStatus(await poster.client.post(`/spaces/${spaceId}/members`), 201, 'join');
    for (const body of ['Funding should follow the people who move.', 'Local data first, then budgets.']) {
      expectStatus(await poster.client.post(`/spaces/${spaceId}/contributions`, { body, language: 'en' }), 201, 'post');
    }
    // 1,000 members, written straight into the database (registering them one by one would take minutes)
    const tag = randomBytes(4).toString('hex');
    const ids: string[] = (
      await stack.pg.query(
        `INSERT INTO users (email, display_name, constituency, preferred_language)
         SELECT 'crash-' || g || '-${tag}@example.org', 'Member ' || g, 'civil_society', (ARRAY['en','fr','es'])[1 + g % 3]
         FROM generate_series(1, ${MEMBERS}) g RETURNING id`,
      )
    ).rows.map((r) => r.id);
    await stack.pg.query(`INSERT INTO memberships (space_id, user_id) SELECT $1, unnest($2::uuid[])`, [spaceId, ids]);

    const env = stack.env;
    const first = await startWorker(env);
    workers.push(first);
    stack.sink.holdAfter(300);
    const periodEnd = await stack.run(consultationId);

    // mid-run: 300 accepted and recorded, more on the wire, more claimed
    const sent = async () =>
      (
        await stack.pg.query(
          `SELECT count(*)::int AS n FROM member_digest_deliveries WHERE consultation_id = $1 AND status = 'sent'`,
          [consultationId],
        )
      ).rows[0].n as number;
    await eventually(
      async () => stack.sink.heldCount > 0 && (await sent()) === stack.sink.accepted,
      30_000,
      'the worker to be mid-run with messages on the wire',
    );
    await first.kill9();
    const claimed = (
      await stack.pg.query(
        `SELECT count(*)::int AS n FROM member_digest_deliveries WHERE consultation_id = $1 AND status = 'claimed'`,
        [consultationId],
      )
    ).rows[0].n;
    expect(stack.sink.accepted).toBe(300);
    expect(claimed).toBeGreaterThan(0);
    stack.sink.dropHeld();

    const second = await startWorker(env);
    workers.push(second);
    const deliveries = await stack.settled(consultationId, periodEnd, 90_000);
    expect(deliveries).toHaveLength(MEMBERS + 1);
    expect(deliveries.filter((d) => d.status === 'sent')).toHaveLength(MEMBERS);

    await stack.sink.settled();
    expect(stack.sink.accepted).toBe(MEMBERS);
    const perMember = new Map<string, number>();
    for (const mail of stack.sink.received) for (const to of mail.to) perMember.set(to, (perMember.get(to) ?? 0) + 1);
    expect(perMember.size).toBe(MEMBERS);
    expect([...perMember.values()].every((n) => n === 1)).toBe(true);
  });
});
