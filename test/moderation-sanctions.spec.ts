import { randomUUID } from 'node:crypto';
import { loadConfig, RedisConnections } from '@roundtable/core';
import { AccessCache } from '../libs/identity/src/access/access-cache';
import { LiveClient } from './support/live-client';
import { RunningProcess, startApi, stopAll } from './support/processes';
import { Client, eventually, registerUser, TestUser, uniqueEmail } from './support/test-api';
import {
  createConsultation,
  createRoundtable,
  createSpace,
  expectErrorShape,
  expectStatus,
  messageOf,
} from './support/world';

/**
 * Sanctions and flood control across two compiled api processes sharing PostgreSQL and
 * Redis: a suspension issued through one process takes effect on the other at once (403
 * with the end date, sockets taken out of the space) and ends by itself, or is lifted early
 * and ends at once on both; warnings reach the member; repeated text, flags and moderation
 * actions are rate limited; a moderator demoted through one process stops receiving
 * moderation notices on the other at once.
 */
describe('moderation: suspensions, warnings and flood control (two api processes)', () => {
  const adminEmail = uniqueEmail('sanctions-admin');
  const adminPassword = 'sanctions-admin-password-1';
  let p1: RunningProcess;
  let p2: RunningProcess;
  let org: TestUser;
  let mod: TestUser; // moderator of S1
  let mod2: TestUser; // moderator of S1, for the action rate limit
  let sam: TestUser; // is suspended
  let tom: TestUser; // is suspended consultation-wide
  let reader: TestUser;
  let mod3: TestUser; // moderator of S1, for lifting (mod's and mod2's action budgets are spent by then)
  let lia: TestUser; // suspended, then lifted
  let dee: TestUser; // moderator of S1, demoted
  let flagger: TestUser;
  let s1: string;
  let s2: string; // same consultation
  const sockets: LiveClient[] = [];

  const on = (proc: RunningProcess, user: TestUser) => new Client(proc.url, user.token);
  const post = (
    proc: RunningProcess,
    user: TestUser,
    spaceId: string,
    body: string,
    extra: Record<string, unknown> = {},
  ) => on(proc, user).post(`/spaces/${spaceId}/contributions`, { body, ...extra });
  const suspend = (by: TestUser, spaceId: string, body: Record<string, unknown>) =>
    on(p1, by).post(`/spaces/${spaceId}/suspensions`, body);

  beforeAll(async () => {
    const env = {
      LOG_LEVEL: 'warn',
      POSTS_PER_MINUTE: '100000',
      POST_MIN_INTERVAL_MS: '0',
      FLAGS_PER_MINUTE: '5',
      MODERATION_ACTIONS_PER_MINUTE: '8',
      REGISTRATIONS_PER_HOUR: '100000',
      ADMIN_EMAIL: adminEmail,
      ADMIN_PASSWORD: adminPassword,
    };
    [p1, p2] = await Promise.all([startApi(env), startApi(env)]);
    const login = expectStatus(
      await new Client(p1.url).post('/auth/login', { email: adminEmail, password: adminPassword }),
      200,
      'organiser login',
    );
    org = {
      id: login.body.user.id,
      email: adminEmail,
      password: adminPassword,
      token: login.body.accessToken,
      client: new Client(p1.url, login.body.accessToken),
    };
    [mod, mod2, sam, tom, reader, mod3, lia, dee, flagger] = await Promise.all(
      ['mod', 'mod2', 'sam', 'tom', 'reader', 'mod3', 'lia', 'dee', 'flagger'].map((tag) =>
        registerUser(p1.url, { tag, displayName: `${tag[0].toUpperCase()}${tag.slice(1)} Member` }),
      ),
    );
    const consultation = await createConsultation(org.client);
    const roundtable = await createRoundtable(org.client, consultation.id);
    s1 = (await createSpace(org.client, roundtable.id)).id;
    s2 = (await createSpace(org.client, roundtable.id)).id;
    for (const user of [sam, tom, reader, lia, flagger])
      for (const s of [s1, s2]) expectStatus(await user.client.post(`/spaces/${s}/members`), 201, 'join');
    for (const m of [mod, mod2, mod3, dee])
      expectStatus(await org.client.put(`/spaces/${s1}/roles/${m.id}`, { role: 'moderator' }), 200, 'make moderator');
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await stopAll([p1, p2]);
  });

  it('a suspended member gets 403 with the end date on post, reply, edit and flag, leaves the live room, cannot rejoin or catch up, and posts again once it ends', async () => {
    const own = expectStatus(await post(p2, sam, s1, 'My earlier point about ferries.'), 201, 'sam posts').body;
    const other = expectStatus(await post(p2, reader, s1, 'A point sam may want to answer.'), 201, 'reader posts').body;
    const samLive = await LiveClient.connect(p2.url, sam.token);
    const readerLive = await LiveClient.connect(p2.url, reader.token);
    sockets.push(samLive, readerLive);
    const removed: any[] = [];
    samLive.socket.on('space:removed', (m: any) => removed.push(m));
    for (const c of [samLive, readerLive]) expect((await c.join(s1)).ok).toBe(true);

    const until = new Date(Date.now() + 5000).toISOString();
    const created = expectStatus(
      await suspend(mod, s1, { userId: sam.id, until, reason: 'Repeated personal attacks' }),
      201,
      'suspend',
    ).body;
    expect(created).toEqual(expect.objectContaining({ kind: 'suspension', userId: sam.id, spaceId: s1, until }));

    // the socket on the other process is told and taken out of the space
    await eventually(() => removed.find((m) => m.spaceId === s1), 5000, 'space:removed');
    expect(removed[0]).toEqual(expect.objectContaining({ reason: 'suspended', until }));
    // refused everywhere, through either process, with the end date
    for (const proc of [p2, p1]) {
      for (const res of [
        await post(proc, sam, s1, `A new post through ${proc.port}`),
        await post(proc, sam, s1, `A reply through ${proc.port}`, { parentId: other.id }),
        await on(proc, sam).patch(`/contributions/${own.id}`, { body: 'Edited while suspended' }),
        await on(proc, sam).post(`/contributions/${other.id}/flags`, { reason: 'spam' }),
        await on(proc, sam).get(`/spaces/${s1}/events`),
      ]) {
        expectErrorShape(res, 403);
        expect(messageOf(res)).toContain(until);
      }
    }
    const rejoin = await samLive.join(s1);
    expect(rejoin).toEqual(expect.objectContaining({ ok: false, statusCode: 403 }));
    expect(rejoin.message).toContain(until);

    // live events no longer reach sam's socket (a reader's arrival shows one was sent)
    const after = expectStatus(await post(p1, reader, s1, 'Posted after the suspension.'), 201).body;
    await readerLive.waitFor(
      () => readerLive.eventsOf(s1).some((e) => e.payload.contribution?.id === after.id),
      10_000,
      'reader receives',
    );
    expect(samLive.eventsOf(s1).some((e) => e.payload.contribution?.id === after.id)).toBe(false);
    expect(samLive.connected).toBe(true);
    // their existing contribution is untouched; another space of the consultation is unaffected
    expect(expectStatus(await on(p1, reader).get(`/contributions/${own.id}`), 200).body).toEqual(
      expect.objectContaining({ status: 'published', body: 'My earlier point about ferries.' }),
    );
    expectStatus(await post(p1, sam, s2, 'Still welcome in the other question.'), 201, 'post in S2');

    // once `until` passes, sam posts and follows again
    const back = await eventually(
      async () => {
        const res = await post(p2, sam, s1, 'Back, and calmer.');
        return res.status === 201 ? res.body : null;
      },
      15_000,
      'posting after the suspension ends',
    );
    expect(back.status).toBe('published');
    expect((await samLive.join(s1)).ok).toBe(true);
    expectStatus(await on(p1, sam).get(`/spaces/${s1}/events`), 200);
  });

  it('consultation-wide suspensions are for organisers and cover every space; staff cannot be suspended; bad input is a 4xx', async () => {
    const until = new Date(Date.now() + 3600_000).toISOString();
    expectErrorShape(
      await suspend(mod, s1, { userId: tom.id, until, reason: 'Spam everywhere', scope: 'consultation' }),
      403,
    );
    expectStatus(
      await suspend(org, s1, { userId: tom.id, until, reason: 'Spam everywhere', scope: 'consultation' }),
      201,
      'organiser suspends',
    );
    for (const s of [s1, s2]) {
      const res = await post(p2, tom, s, `Tom in ${s}`);
      expectErrorShape(res, 403);
      expect(messageOf(res)).toContain(until);
    }
    expectErrorShape(await suspend(mod, s1, { userId: mod2.id, until, reason: 'Colleague' }), 409);
    expectErrorShape(await suspend(mod, s1, { userId: org.id, until, reason: 'Boss' }), 409);
    expectErrorShape(
      await suspend(mod, s1, { userId: reader.id, until: new Date(Date.now() - 1000).toISOString(), reason: 'Past' }),
      400,
    );
    expectErrorShape(await suspend(mod, s1, { userId: reader.id, until: 'tomorrow', reason: 'Vague' }), 400);
    expectErrorShape(
      await suspend(mod, s1, { userId: '00000000-0000-4000-8000-000000000000', until, reason: 'Nobody' }),
      404,
    );
    expectErrorShape(await suspend(mod, s2, { userId: reader.id, until, reason: 'Not my space' }), 403);
  });

  it('warnings are recorded, shown to the member, and every sanction is in the log with actor and reason', async () => {
    expectStatus(
      await on(p2, mod).post(`/spaces/${s1}/warnings`, { userId: reader.id, reason: 'Please stay courteous' }),
      201,
      'warn',
    );
    const notices = expectStatus(await on(p1, reader).get('/me/moderation'), 200).body;
    expect(notices.warnings).toEqual([
      expect.objectContaining({ kind: 'warning', spaceId: s1, reason: 'Please stay courteous' }),
    ]);
    const samNotices = expectStatus(await on(p1, sam).get('/me/moderation'), 200).body;
    expect(samNotices.suspensions).toEqual([
      expect.objectContaining({ reason: 'Repeated personal attacks', until: expect.any(String) }),
    ]);

    const log = expectStatus(await on(p1, org).get(`/spaces/${s1}/moderation/log`), 200).body.items;
    expect(log).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          action: 'warn',
          actorId: mod.id,
          subjectUserId: reader.id,
          reason: 'Please stay courteous',
        }),
        expect.objectContaining({
          action: 'suspend',
          actorId: mod.id,
          subjectUserId: sam.id,
          reason: 'Repeated personal attacks',
        }),
        expect.objectContaining({
          action: 'suspend',
          actorId: org.id,
          subjectUserId: tom.id,
          details: expect.objectContaining({ scope: 'consultation' }),
        }),
      ]),
    );
  });

  it('flood control: the same text again → 429; flags and moderation actions beyond their per-minute budget → 429 with Retry-After', async () => {
    const first = await post(p1, reader, s2, 'We need  tide gauges in every port.');
    expectStatus(first, 201, 'first');
    const again = await post(p2, reader, s2, 'we need tide gauges in every port. ');
    expectErrorShape(again, 429);
    expect(Number(again.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expectStatus(await post(p2, reader, s2, 'A different thought on tide gauges.'), 201, 'new text');

    // both budgets are shared by the processes: calls alternate between them
    const targets: string[] = [];
    for (let i = 0; i < 6; i += 1) targets.push(expectStatus(await post(p1, sam, s2, `Flag target ${i}`), 201).body.id);
    const flags = [];
    for (const [i, id] of targets.entries())
      flags.push(await on(i % 2 ? p2 : p1, reader).post(`/contributions/${id}/flags`, { reason: 'spam' }));
    expect(flags.map((r) => r.status)).toEqual([201, 201, 201, 201, 201, 429]);
    expect(messageOf(flags[5])).toMatch(/flagging too fast/i);
    expect(Number(flags[5].headers.get('retry-after'))).toBeGreaterThanOrEqual(1);

    const pinned = expectStatus(await post(p1, reader, s1, 'Pin me, unpin me.'), 201).body.id;
    const actions = [];
    for (let i = 0; i < 9; i += 1)
      actions.push(
        await on(i % 2 ? p2 : p1, mod2).post(`/contributions/${pinned}/moderation`, {
          action: i % 2 ? 'unpin' : 'pin',
        }),
      );
    expect(actions.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 429]);
    expect(Number(actions[8].headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  });

  it('lifts a suspension early: the member posts again at once through either process; the lift is in the log and shown to them', async () => {
    const until = new Date(Date.now() + 3600_000).toISOString();
    const suspension = expectStatus(
      await suspend(mod3, s1, { userId: lia.id, until, reason: 'Heated exchange' }),
      201,
      'suspend lia',
    ).body;
    // both processes have the suspension in their access cache now
    for (const proc of [p1, p2]) expectErrorShape(await post(proc, lia, s1, `Refused through ${proc.port}`), 403);

    const running = expectStatus(await on(p2, mod3).get(`/spaces/${s1}/suspensions`), 200).body.items;
    expect(running).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          id: suspension.id,
          userId: lia.id,
          displayName: 'Lia Member',
          scope: 'space',
          spaceId: s1,
          until,
          reason: 'Heated exchange',
          createdBy: mod3.id,
          createdByName: 'Mod3 Member',
        }),
        // tom's consultation-wide suspension (previous test) runs here too
        expect.objectContaining({ userId: tom.id, scope: 'consultation', spaceId: null }),
      ]),
    );
    // soonest end first
    const ends = running.map((r: any) => Date.parse(r.until));
    expect(ends).toEqual([...ends].sort((a, b) => a - b));

    const lifted = expectStatus(
      await on(p1, mod3).post(`/spaces/${s1}/suspensions/${suspension.id}/lift`, { reason: 'Apologised to the group' }),
      200,
      'lift',
    ).body;
    expect(lifted).toEqual(
      expect.objectContaining({
        id: suspension.id,
        kind: 'suspension',
        userId: lia.id,
        liftReason: 'Apologised to the group',
        liftedAt: expect.any(String),
      }),
    );
    expect(Date.parse(lifted.until)).toBeLessThanOrEqual(Date.now());
    // at once, through the other process as well: no waiting for a cache to expire
    expectStatus(
      await post(p2, lia, s1, 'Back in the conversation, through p2.'),
      201,
      'post through p2 right after the lift',
    );
    expectStatus(await post(p1, lia, s1, 'And through p1.'), 201, 'post through p1');
    const live = await LiveClient.connect(p2.url, lia.token);
    sockets.push(live);
    expect((await live.join(s1)).ok).toBe(true);

    expect(
      expectStatus(await on(p1, mod3).get(`/spaces/${s1}/suspensions`), 200).body.items.map((r: any) => r.id),
    ).not.toContain(suspension.id);
    const [entry] = expectStatus(await on(p2, mod3).get(`/spaces/${s1}/moderation/log?limit=1`), 200).body.items;
    expect(entry).toEqual(
      expect.objectContaining({
        action: 'lift_suspension',
        actorId: mod3.id,
        subjectUserId: lia.id,
        reason: 'Apologised to the group',
        details: expect.objectContaining({ suspensionId: suspension.id, plannedUntil: until, scope: 'space' }),
      }),
    );
    const notices = expectStatus(await on(p1, lia).get('/me/moderation'), 200).body;
    expect(notices.suspensions).toEqual([
      expect.objectContaining({ id: suspension.id, liftReason: 'Apologised to the group', liftedAt: lifted.liftedAt }),
    ]);

    // once ended it cannot be lifted again; bad input is a 4xx and changes nothing
    expectErrorShape(
      await on(p2, mod3).post(`/spaces/${s1}/suspensions/${suspension.id}/lift`, { reason: 'Again' }),
      409,
    );
    expectErrorShape(await on(p2, mod3).post(`/spaces/${s1}/suspensions/${suspension.id}/lift`, {}), 400);
    expectErrorShape(await on(p2, mod3).post(`/spaces/${s1}/suspensions/not-an-id/lift`, { reason: 'Junk' }), 400);
    expectErrorShape(
      await on(p2, mod3).post(`/spaces/${s1}/suspensions/00000000-0000-4000-8000-000000000000/lift`, {
        reason: 'Nobody',
      }),
      404,
    );
  });

  it('a consultation-wide suspension is lifted by an organiser, from any space of the consultation, and ends everywhere at once', async () => {
    const [tomSuspension] = expectStatus(await on(p1, mod3).get(`/spaces/${s1}/suspensions`), 200).body.items.filter(
      (r: any) => r.userId === tom.id,
    );
    expect(tomSuspension).toBeDefined();
    for (const s of [s1, s2]) expectErrorShape(await post(p2, tom, s, `Still suspended in ${s}`), 403);
    // a moderator of S1 may not lift it, nor anyone outside the staff of a space
    expectErrorShape(
      await on(p1, mod3).post(`/spaces/${s1}/suspensions/${tomSuspension.id}/lift`, { reason: 'Not mine to lift' }),
      403,
    );
    expectErrorShape(
      await on(p1, mod3).post(`/spaces/${s2}/suspensions/${tomSuspension.id}/lift`, { reason: 'Not my space' }),
      403,
    );
    expectErrorShape(
      await on(p1, reader).post(`/spaces/${s1}/suspensions/${tomSuspension.id}/lift`, { reason: 'Me' }),
      403,
    );
    expectErrorShape(await on(p1, reader).get(`/spaces/${s1}/suspensions`), 403);
    // a suspension of S1 is not found through S2
    const other = expectStatus(
      await suspend(mod3, s1, {
        userId: flagger.id,
        until: new Date(Date.now() + 600_000).toISOString(),
        reason: 'Brief pause',
      }),
      201,
    ).body;
    expectErrorShape(
      await on(p1, org).post(`/spaces/${s2}/suspensions/${other.id}/lift`, { reason: 'Wrong space' }),
      404,
    );
    expectStatus(
      await on(p1, org).post(`/spaces/${s1}/suspensions/${other.id}/lift`, { reason: 'Pause over' }),
      200,
      'lift flagger',
    );

    expectStatus(
      await on(p1, org).post(`/spaces/${s2}/suspensions/${tomSuspension.id}/lift`, { reason: 'Account secured again' }),
      200,
      'organiser lifts from S2',
    );
    for (const s of [s1, s2]) expectStatus(await post(p2, tom, s, `Tom is back in ${s}.`), 201, `tom posts in ${s}`);
    const [entry] = expectStatus(await on(p1, org).get(`/spaces/${s2}/moderation/log?limit=1`), 200).body.items;
    expect(entry).toEqual(
      expect.objectContaining({
        action: 'lift_suspension',
        actorId: org.id,
        subjectUserId: tom.id,
        details: expect.objectContaining({ scope: 'consultation' }),
      }),
    );
  });

  it('a moderator demoted through one process leaves the moderators’ room on the other at once, and keeps following the space', async () => {
    const deeLive = await LiveClient.connect(p2.url, dee.token);
    const modLive = await LiveClient.connect(p2.url, mod3.token);
    sockets.push(deeLive, modLive);
    const queued = { dee: [] as any[], mod: [] as any[] };
    const roles: any[] = [];
    deeLive.socket.on('moderation.queued', (m: any) => queued.dee.push(m));
    modLive.socket.on('moderation.queued', (m: any) => queued.mod.push(m));
    deeLive.socket.on('space:role', (m: any) => roles.push(m));
    for (const c of [deeLive, modLive]) expect((await c.join(s1)).ok).toBe(true);
    const flagged = async (text: string) => {
      const id = expectStatus(await post(p1, reader, s1, text), 201).body.id;
      expectStatus(await on(p1, flagger).post(`/contributions/${id}/flags`, { reason: 'off_topic' }), 201, 'flag');
      await eventually(
        () => queued.mod.find((m) => m.payload.item.contribution.id === id),
        10_000,
        'moderation.queued to the moderator still in office',
      );
      return id;
    };

    const before = await flagged('Flagged while dee moderates.');
    await eventually(
      () => queued.dee.find((m) => m.payload.item.contribution.id === before),
      10_000,
      'dee is notified while moderator',
    );

    expectStatus(
      await on(p1, org).put(`/spaces/${s1}/roles/${dee.id}`, { role: 'participant' }),
      200,
      'demote dee through p1',
    );
    await eventually(
      () => roles.find((r) => r.spaceId === s1 && r.moderates === false),
      10_000,
      'space:role on the socket at p2',
    );
    expect(roles.at(-1)).toEqual({ spaceId: s1, role: 'participant', moderates: false });

    const after = await flagged('Flagged after dee was demoted.');
    expect(queued.dee.map((m) => m.payload.item.contribution.id)).not.toContain(after);
    // still a member: the space's own events keep arriving
    await deeLive.waitFor(
      () => deeLive.eventsOf(s1).some((e) => e.payload.contribution?.id === after),
      10_000,
      'dee still follows the space',
    );
    expect(deeLive.connected).toBe(true);

    // promoted again, the same socket is back in the room without reconnecting
    expectStatus(await on(p1, org).put(`/spaces/${s1}/roles/${dee.id}`, { role: 'moderator' }), 200, 'promote dee');
    await eventually(
      () => roles.find((r) => r.spaceId === s1 && r.moderates === true),
      10_000,
      'space:role back to moderator',
    );
    const again = await flagged('Flagged once dee moderates again.');
    await eventually(
      () => queued.dee.find((m) => m.payload.item.contribution.id === again),
      10_000,
      'dee is notified again',
    );
  });
});

describe('AccessCache: a change announced while a role is being read is not lost', () => {
  const prefix = `${process.env.REDIS_PREFIX ?? 'rt-test'}-access-cache-${randomUUID()}`;
  const config = loadConfig({ ...process.env, REDIS_PREFIX: prefix });
  const redis = new RedisConnections(config);
  // two processes' caches, sharing Redis
  const here = new AccessCache(redis);
  const there = new AccessCache(redis);
  beforeAll(() => Promise.all([here.onModuleInit(), there.onModuleInit()]));
  afterAll(() => redis.onApplicationShutdown());

  it('does not remember what a lookup read before another process announced a change (the suspension lifted meanwhile)', async () => {
    const userId = randomUUID();
    const heard: string[] = [];
    here.onChange((owner) => heard.push(owner));
    let finish!: (value: string) => void;
    // a lookup that read "suspended" just before the lift was committed
    const slow = here.remember(userId, 'space:x', () => new Promise<string>((resolve) => (finish = resolve)));
    await there.changed(userId);
    await eventually(() => heard.includes(userId), 5000, 'the announcement');
    finish('suspended');
    expect(await slow).toBe('suspended'); // its caller gets what was read...
    // ...but the next lookup reads again
    expect(await here.remember(userId, 'space:x', async () => 'not suspended')).toBe('not suspended');
    // and that one is remembered until the next change
    expect(await here.remember(userId, 'space:x', async () => 'not read')).toBe('not suspended');
  });
});
