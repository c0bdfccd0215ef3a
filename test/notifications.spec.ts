import { Client as Pg } from 'pg';
import { LiveClient } from './support/live-client';
import { RunningProcess, startApi, startWorker, stopAll } from './support/processes';
import { Client, eventually, registerUser, TestUser, uniqueEmail } from './support/test-api';
import { createConsultation, createRoundtable, createSpace, expectErrorShape, expectStatus } from './support/world';

/**
 * What members are told happened to them, through a compiled api and worker sharing
 * PostgreSQL and Redis: moderation decisions on their contributions (with the reason),
 * warnings and suspensions (reason, end in the consultation's time zone, in their
 * language), replies to them and digests published in their spaces — each listed in
 * GET /me/notifications and sent live to that member's sockets only.
 */
describe('notifications', () => {
  const adminEmail = uniqueEmail('notify-admin');
  const adminPassword = 'notify-admin-password-1';
  let api: RunningProcess;
  let worker: RunningProcess;
  let org: TestUser;
  let mod: TestUser;
  let ana: TestUser; // the author told what happened; reads French
  let ben: TestUser; // replies to ana; must never receive ana's notices
  let pre: string; // pre-moderated space
  let post: string; // post-moderated space
  let roundtableId: string;
  let anaLive: LiveClient;
  let benLive: LiveClient;
  const anaNotices: any[] = [];
  const benNotices: any[] = [];

  const list = async (user: TestUser, query = '') =>
    expectStatus(await user.client.get(`/me/notifications${query}`), 200, 'list notifications').body;
  /** Waits for ana's socket to receive a notice of this type about this contribution. */
  const liveNotice = (type: string, contributionId: string | null) =>
    eventually(
      () => anaNotices.find((n) => n.type === type && (contributionId === null || n.contributionId === contributionId)),
      15_000,
      `live ${type} notice`,
    );

  beforeAll(async () => {
    const env = {
      LOG_LEVEL: 'warn',
      POSTS_PER_MINUTE: '100000',
      POST_MIN_INTERVAL_MS: '0',
      DUPLICATE_POST_WINDOW_SECONDS: '0',
      ADMIN_EMAIL: adminEmail,
      ADMIN_PASSWORD: adminPassword,
    };
    [api, worker] = await Promise.all([
      startApi(env),
      startWorker({ ...env, LOG_LEVEL: 'info', TRANSLATION_SWEEP_AFTER_SECONDS: '0' }),
    ]);
    const login = expectStatus(
      await new Client(api.url).post('/auth/login', { email: adminEmail, password: adminPassword }),
      200,
      'organiser login',
    );
    org = {
      id: login.body.user.id,
      email: adminEmail,
      password: adminPassword,
      token: login.body.accessToken,
      client: new Client(api.url, login.body.accessToken),
    };
    [mod, ana, ben] = await Promise.all([
      registerUser(api.url, { tag: 'notify-mod', displayName: 'Mona Moderator' }),
      registerUser(api.url, { tag: 'notify-ana', displayName: 'Ana Author', preferredLanguage: 'fr' }),
      registerUser(api.url, { tag: 'notify-ben', displayName: 'Ben Replier' }),
    ]);
    const consultation = await createConsultation(org.client); // Europe/Zurich
    const roundtable = await createRoundtable(org.client, consultation.id);
    roundtableId = roundtable.id;
    pre = (await createSpace(org.client, roundtable.id, { moderation: 'pre' })).id;
    post = (await createSpace(org.client, roundtable.id)).id;
    for (const s of [pre, post]) {
      for (const user of [ana, ben]) expectStatus(await user.client.post(`/spaces/${s}/members`), 201, 'join');
      expectStatus(await org.client.put(`/spaces/${s}/roles/${mod.id}`, { role: 'moderator' }), 200, 'make moderator');
    }
    [anaLive, benLive] = await Promise.all([
      LiveClient.connect(api.url, ana.token),
      LiveClient.connect(api.url, ben.token),
    ]);
    anaLive.socket.on('notification', (n: any) => anaNotices.push(n));
    benLive.socket.on('notification', (n: any) => benNotices.push(n));
  }, 180_000);

  afterAll(async () => {
    anaLive?.close();
    benLive?.close();
    await stopAll([api, worker]);
  });

  it('refuses every route without a token (401)', async () => {
    const anonymous = new Client(api.url);
    expectErrorShape(await anonymous.get('/me/notifications'), 401);
    expectErrorShape(await anonymous.get('/me/notifications/unread-count'), 401);
    expectErrorShape(await anonymous.post('/me/notifications/read', { all: true }), 401);
  });

  it('tells a rejected author the moderator’s reason, live and in the list, in their language; the other member hears nothing', async () => {
    const pending = expectStatus(
      await ana.client.post(`/spaces/${pre}/contributions`, { body: 'Une première idée sur les ferries côtiers.' }),
      201,
      'ana posts',
    ).body;
    expect(pending.status).toBe('pending');
    const reason = 'Hors sujet : merci de rester sur la question posée.';
    expectStatus(
      await mod.client.post(`/contributions/${pending.id}/moderation`, { action: 'reject', reason }),
      200,
      'reject',
    );

    const live = await liveNotice('rejected', pending.id);
    expect(live).toMatchObject({
      type: 'rejected',
      reason,
      spaceId: pre,
      contributionId: pending.id,
      readAt: null,
      excerpt: 'Une première idée sur les ferries côtiers.',
    });
    expect(live.text).toContain('Un modérateur n’a pas publié votre contribution');
    expect(live.text).toContain(reason);

    const listed = await list(ana);
    expect(listed.items[0]).toEqual(live);
    expect(listed.unread).toBeGreaterThanOrEqual(1);

    // ben is told about nothing of ana's, on his socket or in his list
    expect(benNotices.filter((n) => n.contributionId === pending.id)).toEqual([]);
    expect((await list(ben)).items.map((n: any) => n.id)).not.toContain(live.id);
  });

  it('tells the author of an approval, a hide with its reason and a restoration', async () => {
    const pending = expectStatus(
      await ana.client.post(`/spaces/${pre}/contributions`, {
        body: 'Les ferries devraient être financés par les régions.',
      }),
      201,
    ).body;
    expectStatus(
      await mod.client.post(`/contributions/${pending.id}/moderation`, { action: 'approve' }),
      200,
      'approve',
    );
    expect(await liveNotice('approved', pending.id)).toMatchObject({
      reason: null,
      text: expect.stringContaining('approuvé'),
    });

    const published = expectStatus(
      await ana.client.post(`/spaces/${post}/contributions`, { body: 'Un avis publié tout de suite.' }),
      201,
    ).body;
    expectStatus(
      await mod.client.post(`/contributions/${published.id}/moderation`, {
        action: 'hide',
        reason: 'Contains a personal phone number.',
      }),
      200,
      'hide',
    );
    expect(await liveNotice('hidden', published.id)).toMatchObject({ reason: 'Contains a personal phone number.' });
    expectStatus(
      await mod.client.post(`/contributions/${published.id}/moderation`, { action: 'restore' }),
      200,
      'restore',
    );
    await liveNotice('restored', published.id);

    const types = (await list(ana)).items
      .filter((n: any) => [pending.id, published.id].includes(n.contributionId))
      .map((n: any) => n.type);
    expect(types).toEqual(['restored', 'hidden', 'approved']);
    expect(benNotices).toEqual([]);
  });

  it('tells a warned and a suspended member why, and until when in the consultation’s time zone', async () => {
    expectStatus(
      await mod.client.post(`/spaces/${post}/warnings`, { userId: ana.id, reason: 'Merci de rester courtois.' }),
      201,
      'warn',
    );
    expect(await liveNotice('warned', null)).toMatchObject({ reason: 'Merci de rester courtois.', spaceId: post });

    const until = '2031-03-04T17:30:00.000Z'; // 18:30 in Zurich
    expectStatus(
      await mod.client.post(`/spaces/${post}/suspensions`, {
        userId: ana.id,
        until: new Date(Date.now() + 3600_000).toISOString(),
        reason: 'Messages répétés.',
      }),
      201,
      'suspend',
    );
    const suspended = await liveNotice('suspended', null);
    expect(suspended).toMatchObject({ reason: 'Messages répétés.', timeZone: 'Europe/Zurich', spaceId: post });
    expect(Date.parse(suspended.until)).toBeGreaterThan(Date.now());
    expect(suspended.text).toMatch(
      /^Vous ne pouvez pas publier dans la question \d+\.\d+ avant le .+\. Motif : Messages répétés\.$/,
    );
    expect(suspended.text).not.toMatch(/\d{4}-\d{2}-\d{2}T/); // no raw ISO timestamp

    // the wording of a date, checked on a fixed one: French words, Zurich's clock
    const { notificationText } = await import('@roundtable/notifications');
    expect(
      notificationText('suspended', { until, timeZone: 'Europe/Zurich', place: '1.2', reason: 'x' }, 'fr'),
    ).toContain('4 mars 2031 à 18:30');
    expect(
      notificationText('suspended', { until, timeZone: 'Europe/Zurich', place: '1.2', reason: 'x' }, 'es'),
    ).toContain('4 de marzo de 2031');
    expect(benNotices).toEqual([]);
  });

  it('tells an author of a reply to them (not of their own replies), through the worker', async () => {
    const root = expectStatus(
      await ben.client.post(`/spaces/${post}/contributions`, { body: 'Ben opens a thread on harbour funding.' }),
      201,
    ).body;
    expectStatus(
      await ben.client.post(`/spaces/${post}/contributions`, { body: 'Ben adds to his own point.', parentId: root.id }),
      201,
    );
    const anaRoot = (await list(ana)).items.find((n: any) => n.type === 'restored').contributionId;
    const reply = expectStatus(
      await ben.client.post(`/spaces/${post}/contributions`, {
        body: 'Ben answers Ana about regional funding.',
        parentId: anaRoot,
      }),
      201,
    ).body;

    const notice = await liveNotice('reply', reply.id);
    expect(notice).toMatchObject({
      actorName: 'Ben Replier',
      excerpt: 'Ben answers Ana about regional funding.',
      spaceId: post,
    });
    expect(notice.text).toContain('Ben Replier a répondu à votre contribution');
    // ben replied to himself: nobody is told
    expect((await list(ben)).items.filter((n: any) => n.type === 'reply')).toEqual([]);
  });

  it('tells each author once of every reply among many published at once, and nobody of their own', async () => {
    // two members of their own: Ana is suspended in this question by then
    const [cleo, dev] = await Promise.all([
      registerUser(api.url, { tag: 'notify-cleo', displayName: 'Cleo Coast' }),
      registerUser(api.url, { tag: 'notify-dev', displayName: 'Dev Dykes' }),
    ]);
    for (const user of [cleo, dev]) expectStatus(await user.client.post(`/spaces/${post}/members`), 201, 'join');
    const start = async (user: TestUser, body: string) =>
      expectStatus(await user.client.post(`/spaces/${post}/contributions`, { body }), 201).body;
    const cleoRoot = await start(cleo, 'Cleo asks how harbours could share their tide data.');
    const devRoot = await start(dev, 'Dev asks who should pay for the new sea walls.');
    // a third each: Cleo answers Dev, Dev answers Cleo, Cleo answers herself
    const replies = await Promise.all(
      Array.from({ length: 12 }, async (_, i) => {
        const [author, parent] = [
          [cleo, devRoot],
          [dev, cleoRoot],
          [cleo, cleoRoot],
        ][i % 3];
        const body = `Answer ${i} about tide data and sea walls.`;
        const reply = expectStatus(
          await author.client.post(`/spaces/${post}/contributions`, { body, parentId: parent.id }),
          201,
        ).body;
        return { id: reply.id as string, told: i % 3 === 0 ? dev : i % 3 === 1 ? cleo : null };
      }),
    );
    const ids = new Set(replies.map((r) => r.id));
    const toldOf = async (user: TestUser) =>
      (await list(user, '?limit=100')).items
        .filter((n: any) => n.type === 'reply' && ids.has(n.contributionId))
        .map((n: any) => n.contributionId)
        .sort();
    for (const user of [cleo, dev]) {
      const expected = replies.filter((r) => r.told === user).map((r) => r.id);
      expect(expected).toHaveLength(4);
      await eventually(
        async () => (await toldOf(user)).length >= expected.length,
        20_000,
        `${user.email}'s reply notices`,
      );
      expect(await toldOf(user)).toEqual(expected.sort());
    }
  });

  it('tells the members of a question that its moderator digest was published, but not the moderator who published it', async () => {
    const periodEnd = new Date().toISOString();
    const periodStart = new Date(Date.now() - 24 * 3600_000).toISOString();
    const digest = expectStatus(
      await mod.client.post(`/spaces/${post}/digests`, { periodStart, periodEnd }),
      201,
      'draft digest',
    ).body;
    expectStatus(await mod.client.post(`/digests/${digest.id}/publish`), 200, 'publish digest');

    expect(await liveNotice('digest_published', null)).toMatchObject({
      digestId: digest.id,
      spaceId: post,
      text: expect.stringContaining('synthèse des modérateurs'),
    });
    const forBen = await eventually(
      async () => (await list(ben)).items.find((n: any) => n.type === 'digest_published'),
      15_000,
      'ben’s digest notice',
    );
    expect(forBen).toMatchObject({
      digestId: digest.id,
      text: expect.stringContaining('The moderator digest in question'),
    });
    expect((await list(mod)).items.filter((n: any) => n.type === 'digest_published')).toEqual([]);
    // publishing again (nothing changed) tells nobody twice
    expectStatus(await mod.client.post(`/digests/${digest.id}/publish`), 200);
    expect((await list(ana)).items.filter((n: any) => n.digestId === digest.id)).toHaveLength(1);
  });

  it('tells each member of the roundtable once that its stocktaking summary was published, though its event is in every question', async () => {
    const periodEnd = new Date().toISOString();
    const periodStart = new Date(Date.now() - 24 * 3600_000).toISOString();
    const summary = expectStatus(
      await org.client.post(`/roundtables/${roundtableId}/stocktaking`, { periodStart, periodEnd }),
      201,
      'compile summary',
    ).body;
    expectStatus(await org.client.post(`/stocktaking/${summary.id}/publish`), 200, 'publish summary');

    const notice = await liveNotice('summary_published', null);
    expect(notice).toMatchObject({
      summaryId: summary.id,
      spaceId: null,
      contributionId: null,
      text: expect.stringContaining('Le bilan de la table ronde'),
    });
    const forMod = await eventually(
      async () => (await list(mod)).items.find((n: any) => n.type === 'summary_published'),
      15_000,
      'the moderator’s summary notice',
    );
    expect(forMod.summaryId).toBe(summary.id);
    // both questions' events were handled (the moderator's and ben's notices exist), and ana has one notice
    await eventually(
      async () => (await list(ben)).items.some((n: any) => n.summaryId === summary.id),
      15_000,
      'ben’s summary notice',
    );
    expect((await list(ana)).items.filter((n: any) => n.summaryId === summary.id)).toHaveLength(1);
    expect(anaNotices.filter((n) => n.summaryId === summary.id)).toHaveLength(1);
    expect((await list(org)).items.filter((n: any) => n.type === 'summary_published')).toEqual([]);
  });

  it('forgets a deleted account: its own notices go, and others’ notices of its replies lose its name and words', async () => {
    const leaver = await registerUser(api.url, { tag: 'notify-leaver', displayName: 'Lea Leaving' });
    expectStatus(await leaver.client.post(`/spaces/${post}/members`), 201, 'join');
    const decided = expectStatus(
      await leaver.client.post(`/spaces/${post}/contributions`, { body: 'Léa writes something a moderator hides.' }),
      201,
    ).body;
    expectStatus(
      await mod.client.post(`/contributions/${decided.id}/moderation`, { action: 'hide', reason: 'Private details.' }),
      200,
      'hide',
    );
    await eventually(
      async () => (await list(leaver)).items.some((n: any) => n.type === 'hidden'),
      15_000,
      'the leaver’s notice',
    );
    const second = expectStatus(
      await leaver.client.post(`/spaces/${post}/contributions`, {
        body: 'Léa tries again, in the other question.',
        parentId: (await list(ana)).items.find((n: any) => n.type === 'restored').contributionId,
      }),
      201,
    ).body;
    expect((await liveNotice('reply', second.id)).actorName).toBe('Lea Leaving');

    const del = await leaver.client.request('DELETE', '/me', { password: leaver.password });
    expect(del.status).toBeLessThan(300);
    const kept = (await list(ana)).items.find((n: any) => n.contributionId === second.id);
    expect(kept).toMatchObject({ type: 'reply', actorName: 'Deleted member', excerpt: null });
    expect(kept.text).not.toContain('Lea');
    const db = new Pg({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    try {
      expect(
        (await db.query('SELECT count(*)::int AS n FROM notifications WHERE user_id = $1', [leaver.id])).rows[0].n,
      ).toBe(0);
    } finally {
      await db.end();
    }
  });

  it('pages newest first by cursor, without repeats, and refuses a cursor it did not give', async () => {
    const all = await list(ana, '?limit=100');
    expect(all.items.length).toBeGreaterThanOrEqual(8);
    const times = all.items.map((n: any) => Date.parse(n.createdAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: any = await list(ana, `?limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items.map((n: any) => n.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.items.map((n: any) => n.id));

    expectErrorShape(await ana.client.get('/me/notifications?cursor=not-a-cursor'), 400);
    expectErrorShape(await ana.client.get('/me/notifications?limit=0'), 400);
  });

  it('marks some or all read; nobody can read or mark another member’s notices', async () => {
    const before = await list(ana);
    const count = expectStatus(await ana.client.get('/me/notifications/unread-count'), 200).body;
    expect(count.unread).toBe(before.unread);
    expect(count.unread).toBe(before.items.filter((n: any) => n.readAt === null).length);
    const [first, second] = before.items;

    // ben names ana's notices: nothing changes for her
    expect(
      expectStatus(await ben.client.post('/me/notifications/read', { ids: [first.id, second.id] }), 200).body.marked,
    ).toBe(0);
    expect((await list(ben)).items.map((n: any) => n.id)).not.toContain(first.id);
    expect((await list(ana)).unread).toBe(before.unread);

    const some = expectStatus(await ana.client.post('/me/notifications/read', { ids: [first.id] }), 200).body;
    expect(some).toEqual({ marked: 1, unread: before.unread - 1 });
    const after = await list(ana);
    expect(after.items.find((n: any) => n.id === first.id).readAt).not.toBeNull();
    expect(after.items.find((n: any) => n.id === second.id).readAt).toBeNull();
    expect((await list(ana, '?unread=true')).items.map((n: any) => n.id)).not.toContain(first.id);

    expectErrorShape(await ana.client.post('/me/notifications/read', {}), 400);
    expectErrorShape(await ana.client.post('/me/notifications/read', { ids: ['nope'] }), 400);

    expect(expectStatus(await ana.client.post('/me/notifications/read', { all: true }), 200).body).toEqual({
      marked: before.unread - 1,
      unread: 0,
    });
    expect(expectStatus(await ana.client.get('/me/notifications/unread-count'), 200).body).toEqual({ unread: 0 });
  });
});
