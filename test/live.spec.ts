import jwt from 'jsonwebtoken';
import { Client as Pg } from 'pg';
import { LiveClient, LiveEvent } from './support/live-client';
import { RunningProcess, startApi, stopAll } from './support/processes';
import { Client, registerUser, TestUser, uniqueEmail } from './support/test-api';
import { createConsultation, createRoundtable, createSpace, expectStatus } from './support/world';

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/**
 * Live updates across two compiled api processes sharing Redis: a client on process 1
 * sees what is posted through process 2, in seq order, once; catch-up after a disconnect;
 * who may connect and join; frame and flood limits; no deleted text in a replay.
 */
describe('live updates over Socket.IO (/live), two api processes', () => {
  const adminEmail = uniqueEmail('live-admin');
  const adminPassword = 'live-admin-password-1';
  let p1: RunningProcess;
  let p2: RunningProcess;
  let org: Client;
  let alice: TestUser; // listens
  let bob: TestUser; // posts
  let carol: TestUser; // posts
  let outsider: TestUser;
  let roundtableId: string;
  const clients: LiveClient[] = [];

  async function connect(proc: RunningProcess, user: TestUser): Promise<LiveClient> {
    const client = await LiveClient.connect(proc.url, user.token);
    clients.push(client);
    return client;
  }

  /** A fresh space that alice, bob and carol joined. */
  async function space(): Promise<string> {
    const s = await createSpace(org, roundtableId);
    for (const u of [alice, bob, carol]) expectStatus(await u.client.post(`/spaces/${s.id}/members`), 201, 'join');
    return s.id;
  }

  beforeAll(async () => {
    const env = {
      LOG_LEVEL: 'warn',
      POSTS_PER_MINUTE: '100000',
      POST_MIN_INTERVAL_MS: '0',
      ADMIN_EMAIL: adminEmail,
      ADMIN_PASSWORD: adminPassword,
    };
    [p1, p2] = await Promise.all([startApi(env), startApi(env)]);
    const login = expectStatus(
      await new Client(p2.url).post('/auth/login', { email: adminEmail, password: adminPassword }),
      200,
      'organiser login',
    );
    org = new Client(p2.url, login.body.accessToken);
    // accounts are made through process 2; clients below connect to either
    [alice, bob, carol, outsider] = await Promise.all([
      registerUser(p2.url, {
        tag: 'live-alice',
        displayName: 'Alice Listener',
        organisation: 'Harbour Board',
        country: 'FR',
        constituency: 'business',
      }),
      registerUser(p2.url, { tag: 'live-bob', displayName: 'Bob Poster', organisation: 'River Trust', country: 'KE' }),
      registerUser(p2.url, { tag: 'live-carol', displayName: 'Carol Poster' }),
      registerUser(p2.url, { tag: 'live-outsider' }),
    ]);
    const consultation = await createConsultation(org);
    roundtableId = (await createRoundtable(org, consultation.id)).id;
  });

  afterAll(async () => {
    for (const c of clients) c.close();
    await stopAll([p1, p2]);
  });

  /** bob and carol post through process 2 (a client of it). */
  function poster(user: TestUser): Client {
    return new Client(p2.url, user.token);
  }

  async function postThrough2(
    user: TestUser,
    spaceId: string,
    body: string,
    extra: Record<string, unknown> = {},
  ): Promise<any> {
    return expectStatus(
      await poster(user).post(`/spaces/${spaceId}/contributions`, { body, ...extra }),
      201,
      `post via process 2`,
    ).body;
  }

  it('delivers to a client joined on process 1, in seq order and once each, what is posted through process 2', async () => {
    const spaceId = await space();
    const listener = await connect(p1, alice);
    const ack = await listener.join(spaceId);
    expect(ack).toEqual({ ok: true, seq: 0 });

    // 40 posts at once from two members, through the other process
    const posted = await Promise.all(
      range(1, 40).map((i) =>
        postThrough2(i % 2 ? bob : carol, spaceId, `**Point ${i}** from process 2 <script>alert(${i})</script>`),
      ),
    );
    const events = await listener.waitForCount(spaceId, 40);
    expect(events.map((e) => e.seq)).toEqual(range(1, 40));

    const bySeq = new Map(posted.map((p) => [p.seq, p]));
    for (const e of events) {
      const p = bySeq.get(e.seq);
      expect(e.type).toBe('contribution.published');
      expect(e.spaceId).toBe(spaceId);
      // everything needed to render, with no follow-up GET
      const c = e.payload.contribution;
      expect(c).toEqual(
        expect.objectContaining({
          id: p.id,
          seq: e.seq,
          body: p.body,
          parentId: null,
          status: 'published',
          createdAt: p.createdAt,
        }),
      );
      expect(c.bodyHtml).toMatch(
        /^<p><strong>Point \d+<\/strong> from process 2 &lt;script&gt;alert\(\d+\)&lt;\/script&gt;<\/p>$/,
      );
      expect(c.author).toEqual(
        expect.objectContaining({ displayName: expect.stringMatching(/Poster$/), constituency: expect.any(String) }),
      );
    }
    const byBob = events.find((e) => bySeq.get(e.seq).authorId === bob.id)!;
    expect(byBob.payload.contribution.author).toEqual(
      expect.objectContaining({
        id: bob.id,
        displayName: 'Bob Poster',
        organisation: 'River Trust',
        country: 'KE',
        constituency: 'civil_society',
      }),
    );

    // a reply, an edit and a delete arrive too, in order
    const reply = await postThrough2(carol, spaceId, 'A reply', { parentId: posted[0].id });
    expectStatus(await poster(bob).patch(`/contributions/${posted[0].id}`, { body: 'Point 1, revised' }), 200, 'edit');
    expectStatus(await poster(carol).delete(`/contributions/${reply.id}`), 200, 'delete');
    const more = await listener.waitForCount(spaceId, 43);
    expect(more.slice(40).map((e) => [e.seq, e.type])).toEqual([
      [41, 'contribution.published'],
      [42, 'contribution.updated'],
      [43, 'contribution.deleted'],
    ]);
    expect(more[40].payload.contribution).toEqual(
      expect.objectContaining({ id: reply.id, parentId: posted[0].id, body: 'A reply' }),
    );
    expect(more[41].payload.contribution).toEqual(
      expect.objectContaining({ id: posted[0].id, body: 'Point 1, revised', version: 2 }),
    );
    expect(more[42].payload).toEqual(expect.objectContaining({ contributionId: reply.id }));
    expect(new Set(more.map((e) => e.seq)).size).toBe(more.length);
  });

  it('catches up: reconnecting with afterSeq N replays exactly the 50 missed events in order, then live ones, no duplicate seq', async () => {
    const spaceId = await space();
    const first = await connect(p1, alice);
    expect((await first.join(spaceId)).ok).toBe(true);
    for (let i = 1; i <= 5; i += 1) await postThrough2(bob, spaceId, `Before the break ${i}`);
    await first.waitForCount(spaceId, 5);
    const n = Math.max(...first.seqsOf(spaceId));
    expect(n).toBe(5);
    first.close();

    const missed = await Promise.all(
      range(1, 50).map((i) => postThrough2(i % 2 ? bob : carol, spaceId, `While away ${i}`)),
    );
    expect(missed.map((m) => m.seq).sort((a, b) => a - b)).toEqual(range(n + 1, n + 50));

    // reconnect while more posts keep arriving, so live events race the replay
    const again = await connect(p1, alice);
    const racing = Promise.all(range(1, 20).map((i) => postThrough2(carol, spaceId, `During the rejoin ${i}`)));
    const ack = await again.join(spaceId, n);
    expect(ack.ok).toBe(true);
    expect(ack.seq).toBeGreaterThanOrEqual(n + 50);
    await racing;

    // the first 50 events after the join are exactly the missed ones, in order
    const replayed = (await again.waitForCount(spaceId, 50)).slice(0, 50);
    expect(replayed.map((e) => e.seq)).toEqual(range(n + 1, n + 50));
    const missedBySeq = new Map(missed.map((m) => [m.seq, m]));
    for (const e of replayed)
      expect(e.payload.contribution).toEqual(
        expect.objectContaining({ id: missedBySeq.get(e.seq).id, body: missedBySeq.get(e.seq).body }),
      );

    // then the live ones, still in order and without duplicates
    const live = await Promise.all(range(1, 5).map((i) => postThrough2(bob, spaceId, `Live after catch-up ${i}`)));
    const all = await again.waitForCount(spaceId, 75);
    expect(all.map((e) => e.seq)).toEqual(range(n + 1, n + 75));
    expect(Math.max(...live.map((l) => l.seq))).toBe(n + 75);
    expect(all.every((e: LiveEvent) => e.seq > n)).toBe(true);

    // joining again on the other process from 0 replays everything, once
    const fresh = await connect(p2, alice);
    const ack2 = await fresh.join(spaceId, 0);
    expect(ack2).toEqual({ ok: true, seq: n + 75 });
    expect((await fresh.waitForCount(spaceId, n + 75)).map((e) => e.seq)).toEqual(range(1, n + 75));
  });

  it('gives a non-member an error ack and never any event of the space', async () => {
    const spaceId = await space();
    const member = await connect(p1, alice);
    const stranger = await connect(p1, outsider);
    expect((await member.join(spaceId, 0)).ok).toBe(true);
    const refused = await stranger.join(spaceId, 0);
    expect(refused).toEqual(expect.objectContaining({ ok: false, statusCode: 403, message: expect.any(String) }));
    expect(refused.seq).toBeUndefined();

    // bad requests get error acks too
    expect(await stranger.join('not-a-space')).toEqual(expect.objectContaining({ ok: false, statusCode: 400 }));
    expect(await stranger.join('00000000-0000-4000-8000-000000000000')).toEqual(
      expect.objectContaining({ ok: false, statusCode: 404 }),
    );
    expect(await member.join(spaceId, -3)).toEqual(expect.objectContaining({ ok: false, statusCode: 400 }));

    await postThrough2(bob, spaceId, 'Members only, please');
    await member.waitForCount(spaceId, 1);
    // the member on the same process has it; the stranger got nothing and is still connected
    expect(stranger.events).toEqual([]);
    expect(stranger.connected).toBe(true);

    // once they join the space (through the other process), the same socket may follow it
    const newcomer = await registerUser(p2.url, { tag: 'live-newcomer' });
    const socket = await connect(p1, newcomer);
    expect((await socket.join(spaceId, 0)).ok).toBe(false);
    expectStatus(await new Client(p2.url, newcomer.token).post(`/spaces/${spaceId}/members`), 201, 'newcomer joins');
    const ack = await socket.join(spaceId, 0);
    expect(ack).toEqual({ ok: true, seq: 1 });
    expect((await socket.waitForCount(spaceId, 1))[0].payload.contribution.body).toBe('Members only, please');
  });

  it('refuses connections without a valid token', async () => {
    const noToken = await LiveClient.attempt(p1.url, undefined);
    expect(noToken.connected).toBe(false);
    expect(noToken.error).toMatch(/unauthorized/);

    for (const token of [
      'garbage',
      `${alice.token}x`,
      jwt.sign({ sub: alice.id }, 'a-different-secret-of-forty-characters!!', { expiresIn: 600 }),
    ]) {
      const attempt = await LiveClient.attempt(p1.url, token);
      expect(attempt).toEqual({ connected: false, error: expect.stringMatching(/unauthorized/) });
    }
    // the control: the real token connects
    expect(await LiveClient.attempt(p1.url, alice.token)).toEqual({ connected: true });
  });

  it('refuses a browser from an origin that is not allowed', async () => {
    const evil = await LiveClient.attempt(p1.url, alice.token, {
      transports: ['polling'],
      origin: 'https://evil.example',
    });
    expect(evil.connected).toBe(false);
    const evilWs = await LiveClient.attempt(p1.url, alice.token, {
      transports: ['websocket'],
      origin: 'https://evil.example',
    });
    expect(evilWs.connected).toBe(false);
    // an allowed origin (the default ALLOWED_ORIGINS) connects with the same token
    expect(
      await LiveClient.attempt(p1.url, alice.token, { transports: ['polling'], origin: 'http://localhost:3000' }),
    ).toEqual({ connected: true });
  });

  it('disconnects a socket that sends a frame over 100 KB, and one that floods', async () => {
    const spaceId = await space();
    const big = await connect(p1, alice);
    // a frame just under the limit is fine
    const ok = await big.socket.timeout(5000).emitWithAck('space:join', { spaceId, padding: 'x'.repeat(90 * 1024) });
    expect(ok.ok).toBe(true);
    big.socket.emit('space:join', { spaceId, padding: 'x'.repeat(110 * 1024) });
    expect(await big.waitForDisconnect()).toMatch(/close|disconnect/);

    const flooder = await connect(p1, alice);
    for (let i = 0; i < 300; i += 1) flooder.socket.emit('space:leave', { spaceId });
    expect(await flooder.waitForDisconnect()).toMatch(/disconnect|close/);

    // neither affects other sockets of the same user
    const calm = await connect(p1, alice);
    expect((await calm.join(spaceId)).ok).toBe(true);
  });

  it('lets a client (re)join many spaces at once without being taken for a flood', async () => {
    const spaces = await Promise.all(range(1, 45).map(() => createSpace(org, roundtableId)));
    await Promise.all(
      spaces.map(async (s) =>
        expectStatus(await new Client(p2.url, alice.token).post(`/spaces/${s.id}/members`), 201, 'join'),
      ),
    );
    const client = await connect(p1, alice);
    const acks = await Promise.all(spaces.map((s) => client.join(s.id, 0)));
    expect(acks.filter((a) => !a.ok)).toEqual([]);
    expect(client.connected).toBe(true);
    await postThrough2(alice, spaces[44].id, 'Still listening everywhere');
    expect((await client.waitForCount(spaces[44].id, 1))[0].payload.contribution.body).toBe(
      'Still listening everywhere',
    );
  });

  it('does not replay the text of a deleted contribution', async () => {
    const spaceId = await space();
    const secret = await postThrough2(bob, spaceId, 'A sentence I want gone');
    const kept = await postThrough2(carol, spaceId, 'A sentence that stays');
    expectStatus(await poster(bob).delete(`/contributions/${secret.id}`), 200, 'delete');

    const late = await connect(p1, alice);
    expect(await late.join(spaceId, 0)).toEqual({ ok: true, seq: 3 });
    const events = await late.waitForCount(spaceId, 3);
    expect(events.map((e) => [e.seq, e.type])).toEqual([
      [1, 'contribution.published'],
      [2, 'contribution.published'],
      [3, 'contribution.deleted'],
    ]);
    expect(events[0].payload.contribution).toEqual(
      expect.objectContaining({ id: secret.id, status: 'deleted', body: null, bodyHtml: null }),
    );
    expect(events[1].payload.contribution).toEqual(
      expect.objectContaining({ id: kept.id, body: 'A sentence that stays' }),
    );
    expect(JSON.stringify(events)).not.toContain('want gone');
    // the author replaying their own space gets no text back either
    const author = await connect(p2, bob);
    await author.join(spaceId, 0);
    expect(JSON.stringify(await author.waitForCount(spaceId, 3))).not.toContain('want gone');
  });

  it('does not replay the text of a hidden contribution to other members (its author still sees it)', async () => {
    const spaceId = await space();
    const hidden = await postThrough2(bob, spaceId, 'An insult to be hidden');
    // the moderation API belongs to another capability: hide it the way it will, in the database
    const pg = new Pg({ connectionString: process.env.DATABASE_URL });
    await pg.connect();
    try {
      await pg.query(`UPDATE contributions SET status = 'hidden' WHERE id = $1`, [hidden.id]);
    } finally {
      await pg.end();
    }
    const member = await connect(p1, carol);
    await member.join(spaceId, 0);
    const [event] = await member.waitForCount(spaceId, 1);
    expect(event.payload.contribution).toEqual(
      expect.objectContaining({ id: hidden.id, status: 'hidden', body: null, bodyHtml: null, text: null }),
    );
    expect(JSON.stringify(event)).not.toContain('insult');
    const author = await connect(p1, bob);
    await author.join(spaceId, 0);
    expect((await author.waitForCount(spaceId, 1))[0].payload.contribution.body).toBe('An insult to be hidden');
  });
});
