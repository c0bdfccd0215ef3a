import { Queue } from 'bullmq';
import { CONTRIBUTIONS, PEOPLE, THEMES } from './fixtures/stocktaking-roundtable';
import { RunningProcess, startProcess } from './support/processes';
import { buildStocktakingWorld, POSTING_ENV, StocktakingWorld } from './support/stocktaking-world';
import { eventually, startTestApi, TestApi } from './support/test-api';
import { expectErrorShape, expectStatus } from './support/world';

/** Moderator digests on the fixture roundtable: figures, themes across languages, quotes, versioned edits, publication, the weekly scheduler. */
describe('moderator digests', () => {
  let api: TestApi;
  let w: StocktakingWorld;
  let digest: any;
  const q1 = CONTRIBUTIONS.filter((c) => c.question === 1);
  const person = (key: string) => PEOPLE.find((p) => p.key === key)!;

  beforeAll(async () => {
    api = await startTestApi(POSTING_ENV);
    w = await buildStocktakingWorld(api);
    digest = expectStatus(
      await w.moderator.client.post(`/spaces/${w.spaces[1]}/digests`, {
        periodStart: w.periodStart,
        periodEnd: w.periodEnd,
      }),
      201,
      'draft',
    ).body;
  }, 90_000);
  afterAll(() => api?.close());

  it('counts the activity of the space in the period, with the moderators apart', () => {
    const byParticipants = q1.filter((c) => !person(c.author).moderator);
    const byLanguage: Record<string, number> = {};
    for (const c of q1) byLanguage[c.language] = (byLanguage[c.language] ?? 0) + 1;
    expect(digest.figures).toMatchObject({
      contributions: q1.length,
      replies: q1.filter((c) => c.replyTo).length,
      threads: q1.filter((c) => !c.replyTo).length,
      participants: new Set(byParticipants.map((c) => c.author)).size,
      moderators: 1,
      moderatorContributions: q1.length - byParticipants.length,
      byLanguage,
    });
    const civil = byParticipants.filter((c) => person(c.author).constituency === 'civil_society');
    expect(digest.figures.byConstituency.civil_society).toEqual({
      contributions: civil.length,
      participants: new Set(civil.map((c) => c.author)).size,
    });
    expect(digest.figures.byCountry.Ghana).toBe(
      byParticipants.filter((c) => person(c.author).country === 'Ghana').length,
    );
    expect(digest).toMatchObject({ status: 'draft', origin: 'on_demand', version: 1, publishedVersion: null });
  });

  it('finds the recurring themes across languages, each with its contributions, constituencies and quotes (one per author)', () => {
    const floods = digest.themes.find((t: any) => THEMES.A.pattern.test(t.label));
    expect(floods).toBeDefined();
    expect(Object.keys(floods.constituencies).sort()).toEqual([...THEMES.A.constituencies].sort());
    const tagged = CONTRIBUTIONS.filter((c) => c.themes.includes('A')).map((c) => w.ids[c.key]);
    expect(floods.contributionIds.every((id: string) => tagged.includes(id))).toBe(true);
    expect(
      new Set(floods.contributionIds.map((id: string) => CONTRIBUTIONS.find((c) => c.key === w.keyOf[id])!.language)),
    ).toEqual(new Set(['en', 'fr', 'es']));
    // the quotes checked below exist: the loop cannot pass on empty themes
    expect(digest.themes.flatMap((t: any) => t.quotes).length).toBeGreaterThan(0);
    for (const theme of digest.themes) {
      expect(new Set(theme.quotes.map((q: any) => q.authorName)).size).toBe(theme.quotes.length);
      for (const q of theme.quotes) {
        const source = CONTRIBUTIONS.find((c) => c.key === w.keyOf[q.contributionId])!;
        expect(source.body).toContain(q.text);
        const author = person(source.author);
        expect(q).toMatchObject({
          authorName: author.name,
          organisation: author.organisation,
          constituency: author.constituency,
          language: source.language,
        });
      }
    }
    expect(digest.themes.some((t: any) => THEMES.B.pattern.test(t.label))).toBe(true);
  });

  it('lists the most-discussed threads first', () => {
    const [top] = digest.threads;
    expect(top).toMatchObject({ contributionId: w.ids.q1f1, replies: 2, repliers: 2, authorName: person('s2').name });
  });

  it('lets the moderator add, reword, drop, reorder and prioritise key points, each edit a new version', async () => {
    const m = w.moderator.client;
    const [first, second, ...rest] = digest.keyPoints;
    expect(first.sources.length).toBeGreaterThan(1);
    // one edit: a point added and put first, the second reworded and made the priority, the first dropped, the rest kept
    const edits = [
      { text: 'Participants want a session with employers.', sources: [w.ids.b1] },
      { id: second.id, text: 'Coastal floods displace whole families; cities ask for funding.', priority: true },
      ...rest.map((k: any) => ({ id: k.id, text: k.text })),
    ];
    const edited = expectStatus(
      await m.patch(`/digests/${digest.id}`, { keyPoints: edits, expectedVersion: 1 }),
      200,
      'edit',
    ).body;
    expect(edited.version).toBe(2);
    expect(edited.keyPoints.map((k: any) => k.text)).toEqual(edits.map((e) => e.text));
    expect(edited.keyPoints[0]).toMatchObject({ origin: 'moderator', sources: [w.ids.b1] });
    expect(edited.keyPoints[1]).toMatchObject({ id: second.id, priority: true, edited: true, sources: second.sources });
    expect(edited.keyPoints.some((k: any) => k.id === first.id)).toBe(false);
    expect(edited.versions.map((v: any) => [v.version, v.change])).toEqual([
      [1, 'drafted'],
      [2, 'edited'],
    ]);
    expectErrorShape(await m.patch(`/digests/${digest.id}`, { keyPoints: edits.slice(0, 1), expectedVersion: 1 }), 409);
    expectErrorShape(
      await m.patch(`/digests/${digest.id}`, {
        keyPoints: [{ id: '00000000-0000-4000-8000-000000000000', text: 'x' }],
      }),
      400,
    );
    expectErrorShape(
      await m.patch(`/digests/${digest.id}`, { keyPoints: [{ text: 'Elsewhere', sources: [w.ids.c1] }] }),
      400,
    ); // question 2's contribution
    expectErrorShape(
      await m.post(`/spaces/${w.spaces[1]}/digests`, { periodStart: w.periodStart, periodEnd: w.periodEnd }),
      409,
    );
    expectErrorShape(
      await m.post(`/spaces/${w.spaces[1]}/digests`, { periodStart: w.periodEnd, periodEnd: w.periodStart }),
      400,
    );
  });

  it('keeps a draft from participants; publishing shows them that version and writes digest.published to the space log', async () => {
    const participant = w.people.b1.client;
    expectErrorShape(await participant.get(`/digests/${digest.id}`), 404);
    expect(expectStatus(await participant.get(`/spaces/${w.spaces[1]}/digests`), 200).body.items).toEqual([]);
    expectErrorShape(await participant.post(`/digests/${digest.id}/publish`), 404);
    const seqBefore = (
      expectStatus(await participant.get(`/spaces/${w.spaces[1]}/events?afterSeq=0&limit=500`), 200).body.items ?? []
    ).length;

    const published = expectStatus(await w.moderator.client.post(`/digests/${digest.id}/publish`), 200, 'publish').body;
    expect(published).toMatchObject({ status: 'published', publishedVersion: 2 });
    const seen = expectStatus(await participant.get(`/digests/${digest.id}`), 200).body;
    expect(seen.keyPoints.map((k: any) => k.text)).toEqual(published.keyPoints.map((k: any) => k.text));
    expect(seen.versions).toBeUndefined();

    const events = await eventually(async () => {
      const page = expectStatus(await participant.get(`/spaces/${w.spaces[1]}/events?afterSeq=0&limit=500`), 200).body;
      const items = page.items ?? page;
      return items.length > seqBefore ? items : null;
    });
    expect(events.find((e: any) => e.type === 'digest.published')).toMatchObject({
      payload: { digestId: digest.id, version: 2 },
    });

    // a later edit stays with the staff until it is published
    expectStatus(
      await w.moderator.client.patch(`/digests/${digest.id}`, {
        keyPoints: [{ text: 'Only the moderator sees this for now.' }],
      }),
      200,
    );
    expect(expectStatus(await participant.get(`/digests/${digest.id}`), 200).body.version).toBe(2);
    expect(expectStatus(await w.moderator.client.get(`/digests/${digest.id}`), 200).body).toMatchObject({
      version: 3,
      hasUnpublishedChanges: true,
    });
  });

  describe('the weekly scheduler', () => {
    const workers: RunningProcess[] = [];
    afterAll(async () => {
      await Promise.all(workers.map((p) => p.stop()));
    });

    it('is registered once by two workers, and drafts the week’s digest of each open space in the worker', async () => {
      // every 3 seconds instead of Monday 06:00, so the test sees a tick
      const env = { MODERATOR_DIGEST_CRON: '*/3 * * * * *' };
      workers.push(...(await Promise.all([startProcess('worker', env), startProcess('worker', env)])));
      await Promise.all(workers.map((p) => p.ready(60_000)));
      const queue = new Queue('moderator-digests', {
        connection: { url: process.env.REDIS_URL },
        prefix: `${process.env.REDIS_PREFIX}:bull`,
      });
      try {
        const schedulers = await queue.getJobSchedulers();
        expect(schedulers.map((s) => s.key)).toEqual(['moderator-digests-weekly']);
      } finally {
        await queue.close();
      }
      const scheduled = await eventually(
        async () => {
          const items = expectStatus(await w.moderator.client.get(`/spaces/${w.spaces[2]}/digests`), 200).body.items;
          return items.find((d: any) => d.origin === 'scheduled');
        },
        60_000,
        'a scheduled digest of question 2',
      );
      expect(scheduled.figures.contributions).toBe(CONTRIBUTIONS.filter((c) => c.question === 2).length);
      expect(new Date(scheduled.periodEnd).getTime() - new Date(scheduled.periodStart).getTime()).toBe(7 * 86_400_000);
      expect(scheduled.themes.some((t: any) => THEMES.C.pattern.test(t.label))).toBe(true);
      await Promise.all(workers.map((p) => p.stop()));
      // one digest per space and week, whichever worker took the tick
      const all = expectStatus(await w.moderator.client.get(`/spaces/${w.spaces[2]}/digests`), 200).body.items.filter(
        (d: any) => d.origin === 'scheduled',
      );
      expect(new Set(all.map((d: any) => d.periodEnd)).size).toBe(all.length);
    }, 90_000);
  });
});
