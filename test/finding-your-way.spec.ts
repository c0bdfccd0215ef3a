import { organiser, registerUser, startTestApi, TestApi, TestUser } from './support/test-api';
import { createConsultation, createRoundtable, createSpace, expectErrorShape, expectStatus } from './support/world';

/**
 * What members find their way with: the consultation listing says where each consultation
 * stands for them (status, dates, questions, recent activity, their unread notices, whether
 * they take part); a roundtable's questions carry their counts; a moderator lists every
 * question they look after with what waits there; objectives come in three languages.
 */
describe('finding your way', () => {
  let api: TestApi;
  let org: TestUser;

  beforeAll(async () => {
    api = await startTestApi({
      POST_MIN_INTERVAL_MS: '0',
      POSTS_PER_MINUTE: '100000',
      DUPLICATE_POST_WINDOW_SECONDS: '0',
    });
    org = await organiser(api);
  });
  afterAll(() => api?.close());

  const post = async (who: TestUser, spaceId: string, body: string, extra: Record<string, unknown> = {}) =>
    expectStatus(
      await who.client.post(`/spaces/${spaceId}/contributions`, { body, language: 'en', ...extra }),
      201,
      'post',
    ).body;
  const day = 24 * 3600 * 1000;
  const iso = (offsetDays: number) => new Date(Date.now() + offsetDays * day).toISOString();

  it('lists each consultation with its status, dates, questions, recent activity, membership and unread notices', async () => {
    const open = await createConsultation(org.client, 'Listing: open one');
    const openRt = await createRoundtable(org.client, open.id);
    const a = await createSpace(org.client, openRt.id, { opensAt: iso(-3), closesAt: iso(10) });
    const b = await createSpace(org.client, openRt.id, { opensAt: iso(-3), closesAt: iso(20) });
    await createSpace(org.client, openRt.id, { status: 'draft' });
    const upcoming = await createConsultation(org.client, 'Listing: upcoming one');
    await createSpace(org.client, (await createRoundtable(org.client, upcoming.id)).id, {
      opensAt: iso(5),
      closesAt: iso(15),
    });
    const closed = await createConsultation(org.client, 'Listing: closed one');
    const closedSpace = await createSpace(org.client, (await createRoundtable(org.client, closed.id)).id);
    expectStatus(await org.client.patch(`/spaces/${closedSpace.id}`, { status: 'closed' }), 200);
    const empty = await createConsultation(org.client, 'Listing: no question yet');

    const ana = await registerUser(api.url, { tag: 'list-ana' });
    const ben = await registerUser(api.url, { tag: 'list-ben' });
    for (const m of [ana, ben]) expectStatus(await m.client.post(`/spaces/${a.id}/members`), 201);
    expectStatus(await ben.client.post(`/spaces/${b.id}/members`), 201);
    const root = await post(ana, a.id, 'Cities need reliable data first.');
    await post(ben, a.id, 'Agreed, and shared early warning.', { parentId: root.id });
    await post(ben, b.id, 'A second question gets a word too.');

    const list = async (who: TestUser) =>
      expectStatus(await who.client.get('/consultations?limit=100'), 200).body.items as any[];
    const byId = (items: any[], id: string) => items.find((c) => c.id === id);

    const mine = byId(await list(ana), open.id);
    expect(mine).toMatchObject({
      id: open.id,
      title: open.title,
      timezone: open.timezone,
      activity: {
        status: 'open',
        questions: 2, // the draft is left out
        opensAt: a.opensAt,
        closesAt: b.closesAt,
        contributionsLast7Days: 3,
        mine: true,
      },
    });
    expect(Date.parse(mine.activity.lastActivityAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(typeof mine.activity.unreadNotifications).toBe('number');

    const forOrg = await list(org);
    expect(byId(forOrg, open.id).activity.mine).toBe(false);
    expect(byId(forOrg, upcoming.id).activity).toMatchObject({
      status: 'upcoming',
      questions: 1,
      contributionsLast7Days: 0,
      lastActivityAt: null,
      mine: false,
    });
    expect(byId(forOrg, closed.id).activity).toMatchObject({ status: 'closed', questions: 1 });
    expect(byId(forOrg, empty.id).activity).toMatchObject({
      status: 'upcoming',
      questions: 0,
      opensAt: null,
      closesAt: null,
    });

    // the single read carries the same figures
    const one = expectStatus(await ana.client.get(`/consultations/${open.id}`), 200).body;
    expect(one.activity).toMatchObject({ status: 'open', questions: 2, mine: true });
  });

  it("counts unread notices about a consultation's questions", async () => {
    const c = await createConsultation(org.client, 'Listing: notices');
    const space = await createSpace(org.client, (await createRoundtable(org.client, c.id)).id, { moderation: 'pre' });
    const cleo = await registerUser(api.url, { tag: 'list-cleo' });
    expectStatus(await cleo.client.post(`/spaces/${space.id}/members`), 201);
    const pending = await post(cleo, space.id, 'Waiting for approval.');
    // an approval is told to the author in the decision's own transaction
    expectStatus(await org.client.post(`/contributions/${pending.id}/moderation`, { action: 'approve' }), 200);
    const item = (expectStatus(await cleo.client.get('/consultations?limit=100'), 200).body.items as any[]).find(
      (x) => x.id === c.id,
    );
    expect(item.activity.unreadNotifications).toBe(1);
  });

  it("gives a roundtable's questions their contributions, participants and last activity", async () => {
    const c = await createConsultation(org.client, 'Question counts');
    const rt = await createRoundtable(org.client, c.id);
    const busy = await createSpace(org.client, rt.id);
    const quiet = await createSpace(org.client, rt.id);
    const dee = await registerUser(api.url, { tag: 'qc-dee' });
    const eli = await registerUser(api.url, { tag: 'qc-eli' });
    for (const m of [dee, eli]) expectStatus(await m.client.post(`/spaces/${busy.id}/members`), 201);
    await post(dee, busy.id, 'First point.');
    await post(dee, busy.id, 'Second point.');
    const last = await post(eli, busy.id, 'Third point, from someone else.');
    const got = expectStatus(await dee.client.get(`/roundtables/${rt.id}`), 200).body;
    const s = (id: string) => got.spaces.find((x: any) => x.id === id);
    expect(s(busy.id).activity).toEqual({ contributions: 3, participants: 2, lastActivityAt: last.createdAt });
    expect(s(quiet.id).activity).toEqual({ contributions: 0, participants: 0, lastActivityAt: null });
  });

  it('lists the questions a member moderates across consultations, oldest waiting first, with pending and flagged counts', async () => {
    const mo = await registerUser(api.url, { tag: 'mod-overview' });
    const first = await createConsultation(org.client, 'Moderated: first');
    const second = await createConsultation(org.client, 'Moderated: second');
    const pre = await createSpace(org.client, (await createRoundtable(org.client, first.id)).id, { moderation: 'pre' });
    const rtB = await createRoundtable(org.client, second.id);
    const post1 = await createSpace(org.client, rtB.id);
    const calm = await createSpace(org.client, rtB.id);
    expectStatus(await org.client.put(`/spaces/${pre.id}/roles/${mo.id}`, { role: 'moderator' }), 200);
    // a roundtable moderator looks after every question of it
    expect((await org.client.put(`/roundtables/${rtB.id}/roles/${mo.id}`, { role: 'moderator' })).status).toBe(204);

    const fay = await registerUser(api.url, { tag: 'mod-fay' });
    const gus = await registerUser(api.url, { tag: 'mod-gus' });
    for (const s of [pre, post1])
      for (const m of [fay, gus]) expectStatus(await m.client.post(`/spaces/${s.id}/members`), 201);
    const flaggedPost = await post(fay, post1.id, 'Said before anything else waits.');
    expectStatus(await gus.client.post(`/contributions/${flaggedPost.id}/flags`, { reason: 'off_topic' }), 201);
    await post(fay, pre.id, 'Waiting one.');
    await post(gus, pre.id, 'Waiting two.');

    const items = expectStatus(await mo.client.get('/me/moderation/questions'), 200).body.items as any[];
    expect(items.map((i) => i.spaceId)).toEqual([post1.id, pre.id, calm.id]);
    expect(items[0]).toMatchObject({
      spaceId: post1.id,
      consultationId: second.id,
      roundtableId: rtB.id,
      pending: 0,
      flagged: 1,
      moderation: 'post',
      consultationTitle: second.title,
    });
    expect(items[1]).toMatchObject({
      spaceId: pre.id,
      consultationId: first.id,
      pending: 2,
      flagged: 0,
      moderation: 'pre',
    });
    expect(items[2]).toMatchObject({ spaceId: calm.id, pending: 0, flagged: 0, waitingSince: null });
    expect(Date.parse(items[0].waitingSince)).toBeLessThanOrEqual(Date.parse(items[1].waitingSince));
    expect(items[1].prompt.en).toBe(pre.prompt.en);

    // a participant moderates nothing
    expect(expectStatus(await fay.client.get('/me/moderation/questions'), 200).body.items).toEqual([]);
  });

  it('keeps objectives as written and adds their English, French and Spanish versions', async () => {
    const c = await createConsultation(org.client, 'Objectives');
    // only objectives: as API.md has it, no language versions yet
    const plain = await createRoundtable(org.client, c.id, { objectives: ['Map what works'] });
    expect(plain.objectives).toEqual(['Map what works']);
    expect(plain.objectiveTranslations).toEqual([{}]);

    const rt = await createRoundtable(org.client, c.id, {
      objectives: ['Map what works', 'Agree on priorities'],
      objectiveTranslations: [
        { en: 'Map what works', fr: 'Recenser ce qui marche', es: 'Identificar lo que funciona' },
        { en: 'Agree on priorities' },
      ],
    });
    expect(rt.objectives).toEqual(['Map what works', 'Agree on priorities']);
    expect(rt.objectiveTranslations[0]).toEqual({
      en: 'Map what works',
      fr: 'Recenser ce qui marche',
      es: 'Identificar lo que funciona',
    });

    // editing the list keeps the versions of the objectives left unchanged
    const edited = expectStatus(
      await org.client.patch(`/roundtables/${rt.id}`, { objectives: ['Map what works', 'Name three priorities'] }),
      200,
    ).body;
    expect(edited.objectiveTranslations).toEqual([
      { en: 'Map what works', fr: 'Recenser ce qui marche', es: 'Identificar lo que funciona' },
      {},
    ]);

    // the versions alone keep the originals when they number the same
    const versions = expectStatus(
      await org.client.patch(`/roundtables/${rt.id}`, {
        objectiveTranslations: [{ fr: 'Recenser' }, { fr: 'Nommer trois priorités', es: 'Nombrar tres prioridades' }],
      }),
      200,
    ).body;
    expect(versions.objectives).toEqual(['Map what works', 'Name three priorities']);
    expect(versions.objectiveTranslations[1]).toEqual({ fr: 'Nommer trois priorités', es: 'Nombrar tres prioridades' });
    const read = expectStatus(await org.client.get(`/roundtables/${rt.id}`), 200).body;
    expect(read.objectiveTranslations).toEqual(versions.objectiveTranslations);

    // one version entry per objective, or a 400 that says so
    const mismatch = await org.client.patch(`/roundtables/${rt.id}`, {
      objectives: ['One'],
      objectiveTranslations: [{ en: 'One' }, { en: 'Two' }],
    });
    expectErrorShape(mismatch, 400);
    // a new objective needs a text; an objective without versions yet is `{}`
    const blank = await org.client.patch(`/roundtables/${rt.id}`, { objectiveTranslations: [{}] });
    expectErrorShape(blank, 400);
    const cleared = expectStatus(
      await org.client.patch(`/roundtables/${rt.id}`, {
        objectiveTranslations: [{}, { es: 'Nombrar tres prioridades' }],
      }),
      200,
    ).body;
    expect(cleared).toMatchObject({
      objectives: ['Map what works', 'Name three priorities'],
      objectiveTranslations: [{}, { es: 'Nombrar tres prioridades' }],
    });
  });
});
