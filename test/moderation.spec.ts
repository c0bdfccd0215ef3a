import { Client as Pg } from 'pg';
import { QueueName, QueueRegistry } from '@roundtable/core';
import { LiveClient } from './support/live-client';
import { eventually, registerUser, startTestApi, TestApi, TestUser } from './support/test-api';
import { buildWorld, createSpace, expectErrorShape, expectStatus, messageOf, World } from './support/world';

/**
 * Moderation as members and moderators live it: pre-moderation (pending → approved or
 * rejected), flags that hide a contribution pending review, restoring it, locked threads,
 * and the append-only log that records every decision. Readers follow the spaces live.
 */
describe('moderation: pre-moderation, flags, locks and the audit log', () => {
  let api: TestApi;
  let w: World;
  let mod: TestUser; // moderator of spaces A and P
  let alice: TestUser; // author
  let bob: TestUser; // reader and flagger
  let carol: TestUser;
  let dave: TestUser;
  let erin: TestUser;
  let preSpace: string; // pre-moderated
  const sockets: LiveClient[] = [];

  /** A socket following the space that also records `moderation.queued` notices. */
  async function follow(user: TestUser, spaceId: string): Promise<LiveClient & { queued: any[] }> {
    const client = Object.assign(await LiveClient.connect(api.url, user.token), { queued: [] as any[] });
    client.socket.on('moderation.queued', (m: any) => client.queued.push(m));
    sockets.push(client);
    expect(await client.join(spaceId)).toEqual(expect.objectContaining({ ok: true }));
    return client;
  }

  const post = async (user: TestUser, spaceId: string, body: string, extra: Record<string, unknown> = {}) =>
    expectStatus(await user.client.post(`/spaces/${spaceId}/contributions`, { body, ...extra }), 201, `post "${body}"`)
      .body;
  const moderate = (user: TestUser, id: string, action: string, reason?: string) =>
    user.client.post(`/contributions/${id}/moderation`, reason === undefined ? { action } : { action, reason });
  const flag = (user: TestUser, id: string, reason: string, note?: string) =>
    user.client.post(`/contributions/${id}/flags`, note ? { reason, note } : { reason });
  const queueOf = async (spaceId: string) =>
    expectStatus(await mod.client.get(`/spaces/${spaceId}/moderation/queue`), 200, 'queue').body.items as any[];

  beforeAll(async () => {
    api = await startTestApi({
      POST_MIN_INTERVAL_MS: '0',
      POSTS_PER_MINUTE: '100000',
      REGISTRATIONS_PER_HOUR: '100000',
    });
    w = await buildWorld(api);
    mod = w.moderator;
    alice = w.participant;
    [bob, carol, dave, erin] = await Promise.all(
      ['bob', 'carol', 'dave', 'erin'].map((tag) => registerUser(api.url, { tag })),
    );
    preSpace = (
      await createSpace(w.organiser.client, w.roundtableA, {
        moderation: 'pre',
        prompt: { en: 'Which coastal defences first?' },
      })
    ).id;
    expectStatus(
      await w.organiser.client.put(`/spaces/${preSpace}/roles/${mod.id}`, { role: 'moderator' }),
      200,
      'moderator of P',
    );
    for (const user of [alice, bob, carol, dave, erin]) {
      for (const spaceId of [preSpace, w.spaceA]) {
        const res = await user.client.post(`/spaces/${spaceId}/members`);
        if (res.status !== 201 && res.status !== 409) expectStatus(res, 201, 'join');
      }
    }
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await api?.close();
  });

  it('pre-moderation: a pending post reaches only its author and the moderators; approval publishes it live and hands it to translation', async () => {
    const bobLive = await follow(bob, preSpace);
    const modLive = await follow(mod, preSpace);
    const pending = await post(alice, preSpace, 'We should fund the sea wall before the dunes.');
    expect(pending).toEqual(expect.objectContaining({ status: 'pending', seq: null }));

    // the moderator hears of it live, text included
    const notice = await eventually(
      () => modLive.queued.find((m) => m.payload.item.contribution.id === pending.id),
      10_000,
      'moderation.queued',
    );
    expect(notice).toEqual(expect.objectContaining({ type: 'moderation.queued', spaceId: preSpace }));
    expect(notice.payload.item).toEqual(expect.objectContaining({ kind: 'pending', flagCount: 0 }));
    expect(notice.payload.item.contribution.body).toBe('We should fund the sea wall before the dunes.');
    expect((await queueOf(preSpace)).map((i) => i.contribution.id)).toContain(pending.id);

    // another participant neither lists nor reads it, nor catches up on it
    const listed = expectStatus(await bob.client.get(`/spaces/${preSpace}/contributions`), 200).body.items;
    expect(listed.map((c: any) => c.id)).not.toContain(pending.id);
    expectErrorShape(await bob.client.get(`/contributions/${pending.id}`), 404);
    expect(JSON.stringify(expectStatus(await bob.client.get(`/spaces/${preSpace}/events`), 200).body)).not.toContain(
      pending.id,
    );
    // its author does
    expect(expectStatus(await alice.client.get(`/contributions/${pending.id}`), 200).body.status).toBe('pending');

    const approved = expectStatus(await moderate(mod, pending.id, 'approve'), 200, 'approve').body;
    expect(approved).toEqual(expect.objectContaining({ id: pending.id, status: 'published', seq: expect.any(Number) }));
    const event = await eventually(
      () => bobLive.eventsOf(preSpace).find((e) => e.payload.contribution?.id === pending.id),
      10_000,
      'published event',
    );
    expect(event).toEqual(expect.objectContaining({ type: 'contribution.published', seq: approved.seq }));
    expect(event.payload.contribution).toEqual(
      expect.objectContaining({ body: 'We should fund the sea wall before the dunes.', seq: approved.seq }),
    );
    // translation starts from the published event, handed to the space-events queue
    const queued = await eventually(
      async () =>
        (await api.app.get(QueueRegistry).get(QueueName.SpaceEvents).getJobs())
          .flatMap((j) => j.data.events)
          .find((e) => e.spaceId === preSpace && e.seq === approved.seq),
      5000,
      'space-events job',
    );
    expect(queued).toEqual(expect.objectContaining({ type: 'contribution.published', contributionId: pending.id }));
    expect((await queueOf(preSpace)).map((i) => i.contribution.id)).not.toContain(pending.id);
    // approving twice is an impossible transition
    expectErrorShape(await moderate(mod, pending.id, 'approve'), 409);
    expect(bobLive.queued).toEqual([]);
  });

  it('pre-moderation: a rejected post shows its author the reason, and nobody else ever saw it', async () => {
    const bobLive = await follow(bob, preSpace);
    const modLive = await follow(mod, preSpace);
    const pending = await post(alice, preSpace, 'Completely unrelated: the football results.');
    await eventually(
      () => modLive.queued.some((m) => m.payload.item.contribution.id === pending.id),
      10_000,
      'moderation.queued',
    );

    const noReason = await moderate(mod, pending.id, 'reject');
    expectErrorShape(noReason, 400);
    expect(messageOf(noReason)).toMatch(/reason/i);
    const reason = 'Off-topic: this space is about coastal defences';
    expect(expectStatus(await moderate(mod, pending.id, 'reject', reason), 200, 'reject').body.status).toBe('rejected');

    const own = expectStatus(await alice.client.get(`/contributions/${pending.id}`), 200).body;
    expect(own).toEqual(
      expect.objectContaining({
        status: 'rejected',
        moderationReason: reason,
        body: 'Completely unrelated: the football results.',
      }),
    );
    const notices = expectStatus(await alice.client.get('/me/moderation'), 200).body;
    expect(notices.decisions).toEqual(
      expect.arrayContaining([expect.objectContaining({ action: 'reject', contributionId: pending.id, reason })]),
    );

    expectErrorShape(await bob.client.get(`/contributions/${pending.id}`), 404);
    expect(
      JSON.stringify(expectStatus(await bob.client.get(`/spaces/${preSpace}/contributions`), 200).body),
    ).not.toContain(pending.id);
    expect(JSON.stringify(expectStatus(await bob.client.get(`/spaces/${preSpace}/events`), 200).body)).not.toContain(
      pending.id,
    );
    expectErrorShape(await moderate(mod, pending.id, 'approve'), 409);
    // a later event proves bob's socket was live all along, and it never carried the rejected post
    const later = await post(mod, preSpace, 'Moderators post without waiting.');
    await bobLive.waitFor(
      () => bobLive.eventsOf(preSpace).some((e) => e.payload.contribution?.id === later.id),
      10_000,
      'a later event',
    );
    expect(JSON.stringify(bobLive.events)).not.toContain(pending.id);
    expect(bobLive.queued).toEqual([]);
    expect((await queueOf(preSpace)).map((i) => i.contribution.id)).not.toContain(pending.id);
  });

  it('flags: three distinct members hide a contribution and queue it; the same member twice → 409; a restore reaches readers live', async () => {
    const readerLive = await follow(erin, w.spaceA);
    const modLive = await follow(mod, w.spaceA);
    const text = 'Cheap watches at example.com, best prices!';
    const spam = await post(alice, w.spaceA, text);

    expectStatus(await flag(bob, spam.id, 'spam'), 201, 'bob flags');
    expectErrorShape(await flag(bob, spam.id, 'abusive'), 409);
    expectStatus(await flag(carol, spam.id, 'off-topic'), 201, 'carol flags');
    expectErrorShape(await flag(alice, spam.id, 'spam'), 409); // not one's own
    expectErrorShape(await flag(dave, spam.id, 'other'), 400); // "other" needs words
    expect(expectStatus(await erin.client.get(`/contributions/${spam.id}`), 200).body.status).toBe('published');
    expect((await queueOf(w.spaceA)).find((i) => i.contribution.id === spam.id)).toEqual(
      expect.objectContaining({ kind: 'flagged', flagCount: 2 }),
    );

    expectStatus(await flag(dave, spam.id, 'other', 'Advertising'), 201, 'dave flags');
    const hidden = await eventually(
      () =>
        readerLive
          .eventsOf(w.spaceA)
          .find((e) => e.type === 'contribution.hidden' && e.payload.contributionId === spam.id),
      10_000,
      'hidden event',
    );
    expect(JSON.stringify(hidden)).not.toContain('Cheap watches');
    expect(expectStatus(await erin.client.get(`/contributions/${spam.id}`), 200).body).toEqual(
      expect.objectContaining({ status: 'hidden', body: null }),
    );
    const forAuthor = expectStatus(await alice.client.get(`/contributions/${spam.id}`), 200).body;
    expect(forAuthor).toEqual(
      expect.objectContaining({
        status: 'hidden',
        body: text,
        moderationReason: expect.stringMatching(/flagged by 3/),
      }),
    );

    const item = (await queueOf(w.spaceA)).find((i) => i.contribution.id === spam.id);
    expect(item).toEqual(expect.objectContaining({ kind: 'flagged', flagCount: 3 }));
    expect(item.reasons).toEqual(
      expect.arrayContaining([
        { reason: 'spam', count: 1 },
        { reason: 'off_topic', count: 1 },
        { reason: 'other', count: 1 },
      ]),
    );
    expect(item.contribution).toEqual(expect.objectContaining({ status: 'hidden', body: text }));
    await eventually(
      () => modLive.queued.some((m) => m.payload.item.contribution.id === spam.id && m.payload.item.flagCount === 3),
      10_000,
      'queued notice',
    );
    expectErrorShape(await flag(erin, spam.id, 'spam'), 409); // hidden: refused

    expect(
      expectStatus(await moderate(mod, spam.id, 'restore', 'Checked: a real offer from a member'), 200, 'restore').body
        .status,
    ).toBe('published');
    const restored = await eventually(
      () =>
        readerLive
          .eventsOf(w.spaceA)
          .find((e) => e.type === 'contribution.restored' && e.payload.contribution?.id === spam.id),
      10_000,
      'restored event',
    );
    expect(restored.payload.contribution).toEqual(expect.objectContaining({ status: 'published', body: text }));
    expect(expectStatus(await erin.client.get(`/contributions/${spam.id}`), 200).body).toEqual(
      expect.objectContaining({ status: 'published', body: text }),
    );
    expect((await queueOf(w.spaceA)).map((i) => i.contribution.id)).not.toContain(spam.id);
    expect(readerLive.queued).toEqual([]);
  });

  it("flags never hide a moderator's contribution, and are refused on deleted ones", async () => {
    const guidance = await post(mod, w.spaceA, 'Please keep to the question: what should be funded first?');
    for (const user of [bob, carol, dave]) expectStatus(await flag(user, guidance.id, 'abusive'), 201, 'flag');
    expect(expectStatus(await erin.client.get(`/contributions/${guidance.id}`), 200).body.status).toBe('published');
    expect((await queueOf(w.spaceA)).find((i) => i.contribution.id === guidance.id)).toEqual(
      expect.objectContaining({ flagCount: 3 }),
    );
    expectStatus(await moderate(w.organiser, guidance.id, 'resolve', 'Guidance, not abuse'), 200, 'resolve');
    expect((await queueOf(w.spaceA)).map((i) => i.contribution.id)).not.toContain(guidance.id);

    const gone = await post(bob, w.spaceA, 'A thought I take back.');
    expectStatus(await bob.client.delete(`/contributions/${gone.id}`), 200, 'delete');
    expectErrorShape(await flag(carol, gone.id, 'spam'), 409);
  });

  it('locked thread: replies under it are refused (403) until it is unlocked; pins reach readers live', async () => {
    const readerLive = await follow(erin, w.spaceA);
    const root = await post(alice, w.spaceA, 'Thread: financing the dunes.');
    const child = await post(bob, w.spaceA, 'A first reply.', { parentId: root.id });
    expectStatus(await moderate(mod, root.id, 'lock', 'Heated; cooling down'), 200, 'lock');
    expectErrorShape(await moderate(mod, root.id, 'lock'), 409);
    for (const parentId of [root.id, child.id]) {
      const refused = await carol.client.post(`/spaces/${w.spaceA}/contributions`, {
        body: `Reply under ${parentId}`,
        parentId,
      });
      expectErrorShape(refused, 403);
      expect(messageOf(refused)).toMatch(/locked/i);
    }
    expectStatus(await moderate(mod, root.id, 'unlock'), 200, 'unlock');
    await post(carol, w.spaceA, 'Now a reply goes through.', { parentId: child.id });

    expect(expectStatus(await moderate(mod, root.id, 'pin'), 200, 'pin').body.pinned).toBe(true);
    const pinned = await eventually(
      () =>
        readerLive
          .eventsOf(w.spaceA)
          .find(
            (e) =>
              e.type === 'contribution.updated' &&
              e.payload.contribution?.id === root.id &&
              e.payload.contribution.pinned,
          ),
      10_000,
      'pinned event',
    );
    expect(pinned.payload.change).toBe('pin');
    expect(expectStatus(await moderate(mod, root.id, 'unpin'), 200, 'unpin').body.pinned).toBe(false);
  });

  it("changing a space's mode applies to new contributions; a pending reply is not counted until approved; a moderator's delete is logged", async () => {
    const space = (await createSpace(w.organiser.client, w.roundtableA, { moderation: 'pre' })).id;
    expectStatus(
      await w.organiser.client.put(`/spaces/${space}/roles/${mod.id}`, { role: 'moderator' }),
      200,
      'moderator',
    );
    for (const user of [alice, bob]) expectStatus(await user.client.post(`/spaces/${space}/members`), 201, 'join');
    const root = await post(mod, space, 'Moderators publish at once, even here.');
    expect(root.status).toBe('published');
    const reply = await post(alice, space, 'A reply that waits for approval.', { parentId: root.id });
    expect(reply.status).toBe('pending');
    expect(expectStatus(await bob.client.get(`/contributions/${root.id}`), 200).body.replyCount).toBe(0);

    expectStatus(
      await w.organiser.client.patch(`/spaces/${space}`, { moderation: 'post' }),
      200,
      'switch to post-moderation',
    );
    const now = await post(bob, space, 'Published at once after the switch.');
    expect(now.status).toBe('published');
    expect((await queueOf(space)).map((i) => i.contribution.id)).toEqual([reply.id]); // what waited still waits

    expectStatus(await moderate(mod, reply.id, 'approve'), 200, 'approve');
    expect(expectStatus(await bob.client.get(`/contributions/${root.id}`), 200).body.replyCount).toBe(1);

    expectStatus(await mod.client.delete(`/contributions/${now.id}`), 200, 'moderator deletes');
    const log = expectStatus(await mod.client.get(`/spaces/${space}/moderation/log`), 200).body.items;
    expect(log).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          action: 'delete',
          actorId: mod.id,
          subjectUserId: bob.id,
          contributionId: now.id,
          toStatus: 'deleted',
        }),
      ]),
    );
  });

  it('audit log: the database refuses UPDATE, DELETE and TRUNCATE; the log lists every decision above with actor and reason, also as CSV', async () => {
    const pg = new Pg({ connectionString: process.env.DATABASE_URL });
    await pg.connect();
    try {
      const [{ n }] = (await pg.query(`SELECT count(*)::int AS n FROM moderation_log`)).rows;
      expect(n).toBeGreaterThan(5);
      for (const sql of [
        `UPDATE moderation_log SET reason = 'rewritten'`,
        `DELETE FROM moderation_log`,
        `TRUNCATE moderation_log`,
      ]) {
        await expect(pg.query(sql)).rejects.toThrow(/append-only/);
      }
      expect((await pg.query(`SELECT count(*)::int AS n FROM moderation_log`)).rows[0].n).toBe(n);
      expect(
        (await pg.query(`SELECT count(*)::int AS n FROM moderation_log WHERE reason = 'rewritten'`)).rows[0].n,
      ).toBe(0);
    } finally {
      await pg.end();
    }

    const onA = expectStatus(await w.organiser.client.get(`/spaces/${w.spaceA}/moderation/log?limit=100`), 200).body
      .items;
    const onP = expectStatus(await mod.client.get(`/spaces/${preSpace}/moderation/log?limit=100`), 200).body.items;
    const entry = (items: any[], action: string) => items.find((e) => e.action === action);
    expect(entry(onP, 'approve')).toEqual(
      expect.objectContaining({
        actorId: mod.id,
        subjectUserId: alice.id,
        fromStatus: 'pending',
        toStatus: 'published',
      }),
    );
    expect(entry(onP, 'reject')).toEqual(
      expect.objectContaining({
        actorId: mod.id,
        reason: 'Off-topic: this space is about coastal defences',
        toStatus: 'rejected',
      }),
    );
    expect(entry(onA, 'auto_hide')).toEqual(
      expect.objectContaining({
        actorId: null,
        fromStatus: 'published',
        toStatus: 'hidden',
        reason: expect.stringMatching(/flagged by 3/),
      }),
    );
    expect(entry(onA, 'restore')).toEqual(
      expect.objectContaining({
        actorId: mod.id,
        reason: 'Checked: a real offer from a member',
        fromStatus: 'hidden',
        toStatus: 'published',
      }),
    );
    expect(entry(onA, 'resolve')).toEqual(
      expect.objectContaining({ actorId: w.organiser.id, reason: 'Guidance, not abuse' }),
    );
    expect(entry(onA, 'lock')).toEqual(
      expect.objectContaining({ actorId: mod.id, reason: 'Heated; cooling down', actorName: expect.any(String) }),
    );
    for (const action of ['unlock', 'pin', 'unpin'])
      expect(entry(onA, action)).toEqual(expect.objectContaining({ actorId: mod.id }));
    // participants may not read it
    expectErrorShape(await alice.client.get(`/spaces/${w.spaceA}/moderation/log`), 403);

    const csv = await fetch(`${api.url}/api/v1/spaces/${w.spaceA}/moderation/log?format=csv`, {
      headers: { authorization: `Bearer ${mod.token}` },
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const lines = (await csv.text()).trim().split('\n');
    expect(lines[0]).toBe(
      'at,action,actorId,actor,contributionId,subjectUserId,subject,fromStatus,toStatus,reason,details',
    );
    expect(lines.length).toBe(onA.length + 1);
    expect(lines.some((l) => l.includes(',restore,') && l.includes('Checked: a real offer from a member'))).toBe(true);
  });
});
