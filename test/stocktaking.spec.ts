import { CONTRIBUTIONS, PEOPLE, THEMES } from './fixtures/stocktaking-roundtable';
import { buildStocktakingWorld, POSTING_ENV, publishDigests, StocktakingWorld } from './support/stocktaking-world';
import { Client, registerUser, startTestApi, TestApi } from './support/test-api';
import { createRoundtable, expectErrorShape, expectStatus } from './support/world';

/**
 * Stocktaking on a roundtable written for the purpose (test/fixtures/stocktaking-roundtable.ts):
 * the participation sentence, convergence across constituencies and languages, gaps,
 * sources; the rapporteur's edits across a confirmed re-compile; drafts hidden from
 * participants; who may compile and publish.
 */
describe('stocktaking summary of a roundtable', () => {
  let api: TestApi;
  let w: StocktakingWorld;
  let summary: any;
  let digests: Record<1 | 2, string>;

  beforeAll(async () => {
    api = await startTestApi(POSTING_ENV);
    w = await buildStocktakingWorld(api);
    digests = await publishDigests(w, async (digest, client) => {
      // the moderator of question 1 marks the health services point as a priority
      const health = digest.keyPoints.find((k: any) => THEMES.B.pattern.test(k.text));
      if (!health) return;
      const keyPoints = digest.keyPoints.map((k: any) => ({ id: k.id, text: k.text, priority: k.id === health.id }));
      expectStatus(await client.patch(`/digests/${digest.id}`, { keyPoints }), 200, 'mark a priority');
    });
    summary = expectStatus(
      await w.rapporteur.client.post(`/roundtables/${w.roundtableId}/stocktaking`, {
        periodStart: w.periodStart,
        periodEnd: w.periodEnd,
      }),
      201,
      'compile',
    ).body;
  }, 90_000);
  afterAll(() => api?.close());

  it('says in one sentence exactly who took part, with the moderators counted separately', () => {
    expect(summary.participation.sentence).toBe(
      '16 participants took part: 4 representatives of 3 States, 4 representatives of 3 civil society organisations, ' +
        '3 representatives of 2 businesses, 3 representatives of 3 local or regional governments and 2 youth representatives.',
    );
    const moderatorPosts = CONTRIBUTIONS.filter((c) => PEOPLE.find((p) => p.key === c.author)!.moderator).length;
    expect(summary.participation).toMatchObject({
      participants: 16,
      contributions: CONTRIBUTIONS.length,
      moderatorContributions: moderatorPosts,
      participantContributions: CONTRIBUTIONS.length - moderatorPosts,
      replies: CONTRIBUTIONS.filter((c) => c.replyTo).length,
      moderators: 1,
    });
    expect(summary.participation.moderatorsSentence).toContain(
      `posted ${CONTRIBUTIONS.length - moderatorPosts} of the ${CONTRIBUTIONS.length} contributions`,
    );
    const perQuestion = summary.participation.questions.map((q: any) => [q.number, q.contributions]);
    expect(perQuestion).toEqual([1, 2].map((n) => [n, CONTRIBUTIONS.filter((c) => c.question === n).length]));
    expect(summary.digests).toHaveLength(2);
  });

  it('lists the two shared themes as points of convergence naming the right constituencies, each linked to contributions that contain it', () => {
    for (const theme of [THEMES.A, THEMES.B]) {
      const point = summary.sections.convergence.find((i: any) => theme.pattern.test(i.label));
      expect(point).toBeDefined();
      expect([...point.constituencies].sort()).toEqual([...theme.constituencies].sort());
      for (const c of theme.constituencies)
        expect(point.statement).toContain(
          c === 'state'
            ? 'States'
            : c === 'civil_society'
              ? 'civil society'
              : c === 'youth'
                ? 'youth'
                : c === 'business'
                  ? 'business'
                  : 'local and regional governments',
        );
      const tagged = CONTRIBUTIONS.filter((c) => c.themes.includes(theme === THEMES.A ? 'A' : 'B')).map(
        (c) => w.ids[c.key],
      );
      expect(point.sources.length).toBeGreaterThanOrEqual(3);
      expect(point.sources.every((id: string) => tagged.includes(id))).toBe(true);
      // quotes are sentences of those contributions, at most one per author
      expect(point.quotes.length).toBeGreaterThan(0);
      expect(point.quotes.every((q: any) => point.sources.includes(q.contributionId))).toBe(true);
      expect(new Set(point.quotes.map((q: any) => q.authorName)).size).toBe(point.quotes.length);
    }
    // the shared themes were found across languages: French and Spanish contributions are among the sources
    const floods = summary.sections.convergence.find((i: any) => THEMES.A.pattern.test(i.label));
    const languages = new Set(
      floods.sources.map((id: string) => CONTRIBUTIONS.find((c) => c.key === w.keyOf[id])!.language),
    );
    expect([...languages].sort()).toEqual(['en', 'es', 'fr']);
  });

  it('does not list the single-constituency theme as convergence, and names it as a further gap', () => {
    expect(summary.sections.convergence.some((i: any) => THEMES.C.pattern.test(i.label ?? ''))).toBe(false);
    const gap = summary.sections.gaps.find((i: any) => THEMES.C.pattern.test(i.label ?? ''));
    expect(gap).toMatchObject({ kind: 'single-constituency', constituencies: ['youth'] });
    expect(gap.statement).toMatch(/raised only by youth/);
    const tagged = CONTRIBUTIONS.filter((c) => c.themes.includes('C')).map((c) => w.ids[c.key]);
    expect(gap.sources.every((id: string) => tagged.includes(id))).toBe(true);
  });

  it('carries the priority the moderator marked, the annex of questions × constituencies, and key emphases ranked by constituencies', () => {
    expect(summary.sections.priorities.some((p: any) => THEMES.B.pattern.test(p.statement))).toBe(true);
    const annex = summary.annex;
    expect(annex.rows.map((r: any) => r.total)).toEqual(
      [1, 2].map((n) => CONTRIBUTIONS.filter((c) => c.question === n).length),
    );
    const byConstituency: Record<string, number> = {};
    for (const c of CONTRIBUTIONS) {
      const p = PEOPLE.find((x) => x.key === c.author)!;
      if (!p.moderator) byConstituency[p.constituency] = (byConstituency[p.constituency] ?? 0) + 1;
    }
    expect(annex.totals.counts).toEqual(byConstituency);
    const emphases = summary.sections.keyEmphases;
    expect(emphases.length).toBeGreaterThan(1);
    const breadth = emphases.map((i: any) => i.constituencies.length);
    expect([...breadth].sort((a, b) => b - a)).toEqual(breadth);
  });

  it('keeps the rapporteur’s edits across a re-compile they preview and then confirm', async () => {
    const r = w.rapporteur.client;
    const floods = summary.sections.convergence.find((i: any) => THEMES.A.pattern.test(i.label));
    const dropped = summary.sections.keyEmphases[summary.sections.keyEmphases.length - 1];
    const edited = expectStatus(
      await r.patch(`/stocktaking/${summary.id}`, {
        expectedVersion: summary.version,
        introduction: 'This summary draws on two weeks of exchange.',
        convergence: summary.sections.convergence.map((i: any) =>
          i.id === floods.id
            ? { id: i.id, text: 'Coastal floods: a shared alarm of governments, cities and civil society.' }
            : { id: i.id },
        ),
        keyEmphases: [
          ...summary.sections.keyEmphases.filter((i: any) => i.id !== dropped.id).map((i: any) => ({ id: i.id })),
          { text: 'Participants asked for a follow-up session.' },
        ],
      }),
      200,
      'edit',
    ).body;
    expect(edited.version).toBe(summary.version + 1);

    // the discussion moves on: a new contribution on coastal floods by a State
    expectStatus(
      await w.people.s2.client.post(`/spaces/${w.spaces[1]}/contributions`, {
        body: 'Coastal floods will shape our labour migration policy for a decade.',
        language: 'en',
      }),
      201,
    );
    const d1 = expectStatus(await w.moderator.client.get(`/digests/${digests[1]}`), 200).body;
    expectStatus(
      await w.moderator.client.patch(`/digests/${d1.id}`, {
        keyPoints: d1.keyPoints.map((k: any) => ({ id: k.id, text: k.text, priority: k.priority })),
      }),
      200,
    );
    expectStatus(await w.moderator.client.post(`/digests/${d1.id}/publish`), 200);

    const preview = expectStatus(
      await r.post(`/stocktaking/${summary.id}/recompile`, { expectedVersion: edited.version }),
      200,
      'preview',
    ).body;
    expect(preview.applied).toBe(false);
    expect(preview.changes.keptEdits).toBeGreaterThanOrEqual(2);
    expect(expectStatus(await r.get(`/stocktaking/${summary.id}`), 200).body.version).toBe(edited.version);

    const applied = expectStatus(
      await r.post(`/stocktaking/${summary.id}/recompile`, { confirm: true, expectedVersion: edited.version }),
      200,
      'confirm',
    ).body;
    expect(applied.applied).toBe(true);
    const after = expectStatus(await r.get(`/stocktaking/${summary.id}`), 200).body;
    expect(after.version).toBe(edited.version + 1);
    expect(after.sections.introduction).toBe('This summary draws on two weeks of exchange.');
    const floodsAfter = after.sections.convergence.find((i: any) => i.id === floods.id);
    expect(floodsAfter.statement).toBe('Coastal floods: a shared alarm of governments, cities and civil society.');
    expect(
      after.sections.keyEmphases.some((i: any) => i.statement === 'Participants asked for a follow-up session.'),
    ).toBe(true);
    expect(after.sections.keyEmphases.some((i: any) => i.key === dropped.key)).toBe(false);
    expect(after.participation.contributions).toBe(CONTRIBUTIONS.length + 1);
    expect(after.versions.map((v: any) => v.change)).toEqual(['compiled', 'edited', 'recompiled']);
    // a stale expected version is refused
    expectErrorShape(
      await r.post(`/stocktaking/${summary.id}/recompile`, { confirm: true, expectedVersion: edited.version }),
      409,
    );
  });

  it('hides an unpublished draft from participants, then shows them the published version only', async () => {
    const participant = w.people.c1.client;
    expectErrorShape(await participant.get(`/stocktaking/${summary.id}`), 404);
    expectErrorShape(await participant.get(`/stocktaking/${summary.id}/export?format=md`), 404);
    expect(expectStatus(await participant.get(`/roundtables/${w.roundtableId}/stocktaking`), 200).body.items).toEqual(
      [],
    );

    const published = expectStatus(
      await w.rapporteur.client.post(`/stocktaking/${summary.id}/publish`),
      200,
      'publish',
    ).body;
    const seen = expectStatus(await participant.get(`/stocktaking/${summary.id}`), 200).body;
    expect(seen).toMatchObject({ status: 'published', version: published.version });
    expect(seen.versions).toBeUndefined();
    expect(seen.warnings).toBeUndefined();

    expectStatus(
      await w.rapporteur.client.patch(`/stocktaking/${summary.id}`, { introduction: 'A later, unpublished wording.' }),
      200,
    );
    const still = expectStatus(await participant.get(`/stocktaking/${summary.id}`), 200).body;
    expect(still.version).toBe(published.version);
    expect(still.sections.introduction).toBe('This summary draws on two weeks of exchange.');
    const staff = expectStatus(await w.rapporteur.client.get(`/stocktaking/${summary.id}`), 200).body;
    expect(staff).toMatchObject({
      hasUnpublishedChanges: true,
      sections: { introduction: 'A later, unpublished wording.' },
    });
  });

  it('lets only the rapporteurs and organisers of that roundtable compile, edit, re-compile and publish', async () => {
    const other = await createRoundtable(w.organiser.client, w.consultationId);
    const otherRapporteur = await registerUser(api.url, { tag: 'other-rapporteur' });
    expectStatus(
      await w.organiser.client.put(`/roundtables/${other.id}/roles/${otherRapporteur.id}`, { role: 'rapporteur' }),
      204,
    );
    const rtModerator = await registerUser(api.url, { tag: 'rt-moderator' });
    expectStatus(
      await w.organiser.client.put(`/roundtables/${w.roundtableId}/roles/${rtModerator.id}`, { role: 'moderator' }),
      204,
    );
    const spaceRapporteur = await registerUser(api.url, { tag: 'space-rapporteur' });
    expectStatus(
      await w.organiser.client.put(`/spaces/${w.spaces[1]}/roles/${spaceRapporteur.id}`, { role: 'rapporteur' }),
      200,
    );

    const callers: Array<[string, Client, boolean]> = [
      ['anonymous', new Client(api.url), false],
      ['participant', w.people.y1.client, false],
      ['moderator of both questions', w.moderator.client, false],
      ['moderator of the roundtable', rtModerator.client, false],
      ['rapporteur of one question only', spaceRapporteur.client, false],
      ['rapporteur of another roundtable', otherRapporteur.client, false],
      ['rapporteur of the roundtable', w.rapporteur.client, true],
      ['organiser', w.organiser.client, true],
    ];
    let day = 0;
    const period = () => {
      day += 1;
      return {
        periodStart: new Date(Date.UTC(2020, 0, day)).toISOString(),
        periodEnd: new Date(Date.UTC(2020, 0, day + 1)).toISOString(),
      };
    };
    const actions: Array<[string, (c: Client) => Promise<{ status: number; body: any }>]> = [
      ['compile', (c) => c.post(`/roundtables/${w.roundtableId}/stocktaking`, period())],
      ['edit', (c) => c.patch(`/stocktaking/${summary.id}`, { introduction: 'Edited by the authorisation table.' })],
      ['re-compile (preview)', (c) => c.post(`/stocktaking/${summary.id}/recompile`, {})],
      ['publish', (c) => c.post(`/stocktaking/${summary.id}/publish`)],
    ];
    const problems: string[] = [];
    for (const [who, client, allowed] of callers) {
      for (const [what, call] of actions) {
        const res = await call(client);
        const ok = res.status >= 200 && res.status < 300;
        if (allowed !== ok) problems.push(`${who} → ${what}: ${res.status} ${JSON.stringify(res.body).slice(0, 120)}`);
        if (!ok && ![401, 403, 404].includes(res.status)) problems.push(`${who} → ${what}: refused with ${res.status}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
