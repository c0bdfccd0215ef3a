import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json';
import es from 'i18n-iso-countries/langs/es.json';
import fr from 'i18n-iso-countries/langs/fr.json';
import { CONSTITUENCY_NAMES } from '@roundtable/digests';
import { importFile, QUALITY_FIXTURES, QualityFixture } from '../bench/fixtures/summary-quality';
import { RunningProcess, startProcess, uniquePrefix } from './support/processes';
import { eventually, organiser, startTestApi, TestApi, TestUser } from './support/test-api';
import { createConsultation, createRoundtable, expectStatus } from './support/world';

/**
 * Stocktaking summaries a rapporteur would sign, on the roundtables of the summary-quality
 * bench (bench/fixtures/summary-quality.ts), imported, digested and compiled through the
 * API with real PostgreSQL, Redis and Apertium: topics, not actors; convergence across
 * languages; moderators apart; priorities for action in three languages; gaps against
 * the objectives; and a draft that says when translation was unavailable.
 */
countries.registerLocale(en);
countries.registerLocale(fr);
countries.registerLocale(es);

interface Compiled {
  roundtableId: string;
  summary: any;
  digests: any[];
  /** fixture "question-index" id → contribution id */
  ids: Map<string, string>;
}

async function compile(org: TestUser, fixture: QualityFixture, tag: string): Promise<Compiled> {
  const consultation = await createConsultation(org.client, `${fixture.title.en} ${tag}`);
  const roundtable = await createRoundtable(org.client, consultation.id, {
    title: fixture.title,
    objectives: fixture.objectives,
  });
  const file = importFile(fixture, new Date(Date.now() - 3 * 86_400_000), tag);
  const imported = expectStatus(
    await org.client.post(`/roundtables/${roundtable.id}/import`, file),
    201,
    'import',
  ).body;
  const period = {
    periodStart: new Date(Date.now() - 5 * 86_400_000).toISOString(),
    periodEnd: new Date(Date.now() + 60_000).toISOString(),
  };
  const digests: any[] = [];
  for (const { id } of imported.spaceIds) {
    const digest = expectStatus(await org.client.post(`/spaces/${id}/digests`, period), 201, 'draft digest').body;
    expectStatus(await org.client.post(`/digests/${digest.id}/publish`), 200, 'publish digest');
    digests.push(digest);
  }
  const summary = expectStatus(
    await org.client.post(`/roundtables/${roundtable.id}/stocktaking`, period),
    201,
    'compile',
  ).body;
  const ids = new Map<string, string>();
  for (const space of imported.spaceIds as Array<{ id: string; number: number }>) {
    const list = expectStatus(await org.client.get(`/spaces/${space.id}/contributions?limit=100`), 200).body;
    const question = fixture.questions.find((q) => q.number === space.number)!;
    for (const c of list.items ?? list) {
      const i = question.contributions.findIndex((x) => x.body === c.body);
      if (i >= 0) ids.set(`${space.number}-${i}`, c.id);
    }
  }
  return { roundtableId: roundtable.id, summary, digests, ids };
}

const words = (text: string) => new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
/** The heading's words all belong to this name (so it is the name, or part of it). */
const within = (heading: string, name: string) =>
  [...words(heading)].every(
    (w) => words(name).has(w) || words(name).has(`${w}s`) || words(name).has(w.replace(/s$/, '')),
  );

describe('stocktaking summaries a rapporteur would sign', () => {
  let api: TestApi;
  let org: TestUser;
  const compiled: Compiled[] = [];

  beforeAll(async () => {
    api = await startTestApi();
    org = await organiser(api);
    for (const fixture of QUALITY_FIXTURES) compiled.push(await compile(org, fixture, ''));
  }, 240_000);
  afterAll(() => api?.close());

  it('names topics, never an organisation, a person, a constituency or a country', () => {
    const countryNames = (['en', 'fr', 'es'] as const).flatMap((l) =>
      Object.values(countries.getNames(l, { select: 'all' })).flat(),
    );
    const constituencies = Object.values(CONSTITUENCY_NAMES).flat();
    QUALITY_FIXTURES.forEach((fixture, i) => {
      const s = compiled[i].summary.sections;
      const headings: string[] = [...s.keyEmphases, ...s.convergence].map((x: any) => x.label);
      expect(headings.length).toBeGreaterThanOrEqual(3);
      const names = [...fixture.people.flatMap((p) => [p.name, p.organisation]), ...constituencies, ...countryNames];
      for (const h of headings) expect([h, names.filter((n) => within(h, n))]).toEqual([h, []]);
      // every planted topic shared by several constituencies is a key emphasis
      const shared = fixture.key.topics.filter((t) => t.id !== fixture.key.single);
      const found = shared.filter((t) => headings.some((h) => t.pattern.test(h)));
      expect(found.length / shared.length).toBeGreaterThanOrEqual(0.66);
    });
  });

  it('converges once on a topic written in French by one constituency and in English or Spanish by others', () => {
    const santé = compiled[1].summary.sections;
    const vaccination = santé.convergence.filter((x: any) => /vacc/i.test(x.label));
    expect(vaccination).toHaveLength(1);
    expect(vaccination[0].constituencies).toEqual(expect.arrayContaining(['civil_society', 'state']));
    const coastal = compiled[0].summary.sections;
    const climate = coastal.convergence.filter((x: any) => /clima/i.test(x.label));
    expect(climate).toHaveLength(1);
    expect(climate[0].constituencies).toEqual(expect.arrayContaining(['state', 'local_government', 'civil_society']));
    // one quote per named constituency, each ending on a sentence boundary, the author named once
    const quoted = climate[0].quotes.map((q: any) => q.constituency);
    expect(new Set(quoted).size).toBe(quoted.length);
    for (const q of climate[0].quotes) expect(q.text).toMatch(/[.!?…]["'”’»)]*$/);
  });

  it('counts nothing a moderator writes: a topic one constituency raised and the moderator repeated stays a gap, not a convergence', () => {
    QUALITY_FIXTURES.forEach((fixture, i) => {
      const { summary, ids } = compiled[i];
      const single = fixture.key.topics.find((t) => t.id === fixture.key.single)!;
      expect(summary.sections.convergence.some((x: any) => single.pattern.test(x.label ?? ''))).toBe(false);
      const moderator = fixture.people.find((p) => p.moderator)!.name;
      const theirs = fixture.questions
        .flatMap((q) =>
          q.contributions
            .map((c, n) => ({ c, id: ids.get(`${q.number}-${n}`) }))
            .filter((x) => x.c.author === moderator),
        )
        .map((x) => x.id);
      expect(theirs.length).toBeGreaterThan(0);
      for (const section of ['keyEmphases', 'convergence', 'priorities']) {
        for (const item of summary.sections[section])
          expect(item.sources.filter((id: string) => theirs.includes(id))).toEqual([]);
      }
      for (const d of compiled[i].digests)
        for (const t of d.themes) expect(t.contributionIds.filter((id: string) => theirs.includes(id))).toEqual([]);
    });
    const coastal = compiled[0].summary.sections;
    expect(coastal.gaps.some((x: any) => x.kind === 'single-constituency' && /mental/i.test(x.label))).toBe(true);
    // participation still counts the moderator, apart
    const coastalModerator = QUALITY_FIXTURES[0].people.find((p) => p.moderator)!.name;
    const moderated = QUALITY_FIXTURES[0].questions
      .flatMap((q) => q.contributions)
      .filter((c) => c.author === coastalModerator).length;
    expect(compiled[0].summary.participation.moderatorContributions).toBe(moderated);
  });

  it('lists the planted calls for action under priorities for action, in English, French and Spanish', () => {
    const found = { en: 0, fr: 0, es: 0 };
    let planted = 0;
    QUALITY_FIXTURES.forEach((fixture, i) => {
      const priorities = compiled[i].summary.sections.priorities;
      const said = new Set<string>(priorities.flatMap((p: any) => (p.quotes ?? []).map((q: any) => q.text)));
      for (const q of fixture.questions) {
        for (const c of q.contributions.filter((x) => x.call)) {
          planted += 1;
          if (said.has(c.call!)) found[c.language] += 1;
        }
      }
      for (const p of priorities.filter((x: any) => x.kind === 'action')) {
        expect(p.statement).toMatch(/\(called for by [^)]+\)$/);
        expect(p.constituencies.length).toBeGreaterThan(0);
      }
    });
    expect(found.en).toBeGreaterThan(0);
    expect(found.fr).toBeGreaterThan(0);
    expect(found.es).toBeGreaterThan(0);
    expect((found.en + found.fr + found.es) / planted).toBeGreaterThanOrEqual(0.7);
  });

  it('lists under gaps the objective nobody addressed, and not the ones participants discussed', () => {
    QUALITY_FIXTURES.forEach((fixture, i) => {
      const gaps = compiled[i].summary.sections.gaps.filter((x: any) => x.kind === 'objective');
      const unaddressed = gaps.find((x: any) => x.objective === fixture.key.unaddressedObjective);
      expect(unaddressed).toBeDefined();
      expect(unaddressed.statement).toMatch(new RegExp(`^Objective ${fixture.key.unaddressedObjective} \\(`));
    });
    const coastal = compiled[0].summary.sections.gaps
      .filter((x: any) => x.kind === 'objective')
      .map((x: any) => x.objective);
    expect(coastal).toEqual([16]);
  });

  it('counts the regions participants came from, and says which regions raised each theme', () => {
    const p = compiled[0].summary.participation;
    // Senegal, Côte d’Ivoire, Ghana, Kenya; France, Sweden, Spain; Mexico; the Philippines (the moderator, from Norway, apart)
    expect(p.regions).toEqual([
      { region: 'Africa', countries: 4, participants: 5 },
      { region: 'Europe', countries: 3, participants: 4 },
      { region: 'Americas', countries: 1, participants: 2 },
      { region: 'Asia', countries: 1, participants: 2 },
    ]);
    expect(p.regionsSentence).toBe('They came from 9 countries in 4 regions: Africa, Europe, the Americas and Asia.');
    const climate = compiled[0].summary.sections.keyEmphases.find((x: any) => /clima/i.test(x.label));
    expect([...climate.regions].sort()).toEqual(['Africa', 'Americas', 'Asia']);
    expect(climate.statement).toMatch(/— Africa, (the Americas|Asia) and (the Americas|Asia)\)$/);
  });

  it('says each key emphasis in one sentence of its sources, with who raised it', () => {
    for (const { summary } of compiled) {
      for (const item of summary.sections.keyEmphases) {
        expect(item.synopsis).toBeTruthy();
        expect(item.sources).toContain(item.synopsis.contributionId);
        expect(item.statement).toMatch(/\(raised by [^)]+\)$/);
        expect(item.statement.startsWith(`${item.label[0].toUpperCase()}${item.label.slice(1)}: `)).toBe(true);
        expect(item.statement).not.toMatch(/raised in \d+ contributions/);
      }
    }
  });

  it('says in the draft when the translation engine was unavailable, instead of silently keeping themes within a language', async () => {
    const broken = await startTestApi({
      TRANSLATION_PROVIDER: 'libretranslate',
      LIBRETRANSLATE_URL: 'http://127.0.0.1:9',
      TRANSLATION_TIMEOUT_MS: '3000',
    });
    try {
      const org2 = await organiser(broken);
      // sentences the engine has not translated before (translations are remembered)
      const fixture = QUALITY_FIXTURES[1];
      const unseen: QualityFixture = {
        ...fixture,
        questions: fixture.questions.map((q) => ({
          ...q,
          contributions: q.contributions.map((c) => ({
            ...c,
            body: `${c.body} ${c.language === 'es' ? 'Escrito sin conexión.' : c.language === 'fr' ? 'Écrit hors connexion.' : 'Written offline.'}`,
          })),
        })),
      };
      const { digests } = await compile(org2, unseen, ' (offline)');
      for (const d of digests) {
        expect(d.translation).toMatchObject({ status: 'unavailable', provider: 'libretranslate' });
        expect(d.translation.untranslated).toContain('fr');
        expect(d.keyPoints[0].text).toMatch(
          /^Machine translation \(libretranslate\) was unavailable: themes of the French/,
        );
      }
    } finally {
      await broken.close();
    }
    // with the engine, the same discussion was read on one English side
    for (const d of compiled[1].digests) expect(d.translation.status).toBe('complete');
  }, 120_000);
});

describe('the consultation-level stocktaking across roundtables and regions, and the review of translations', () => {
  let api: TestApi;
  let org: TestUser;
  let synthesis: any;
  let french: any;
  let worker: RunningProcess | undefined;
  const summaries: string[] = [];

  // its summaries' translations wait for this describe's worker, not another spec's
  const env = { REDIS_PREFIX: uniquePrefix('summary-review') };

  beforeAll(async () => {
    api = await startTestApi(env);
    org = await organiser(api);
    const consultation = await createConsultation(org.client, 'Consultation across regions');
    const period = {
      periodStart: new Date(Date.now() - 5 * 86_400_000).toISOString(),
      periodEnd: new Date(Date.now() + 60_000).toISOString(),
    };
    for (const [number, fixture] of [
      [1, QUALITY_FIXTURES[0]],
      [2, QUALITY_FIXTURES[2]],
    ] as const) {
      const roundtable = await createRoundtable(org.client, consultation.id, {
        number,
        title: fixture.title,
        objectives: fixture.objectives,
      });
      const imported = expectStatus(
        await org.client.post(
          `/roundtables/${roundtable.id}/import`,
          importFile(fixture, new Date(Date.now() - 3 * 86_400_000)),
        ),
        201,
        'import',
      ).body;
      for (const { id } of imported.spaceIds) {
        const digest = expectStatus(await org.client.post(`/spaces/${id}/digests`, period), 201, 'draft digest').body;
        expectStatus(await org.client.post(`/digests/${digest.id}/publish`), 200, 'publish digest');
      }
      const summary = expectStatus(
        await org.client.post(`/roundtables/${roundtable.id}/stocktaking`, period),
        201,
        'compile',
      ).body;
      expectStatus(await org.client.post(`/stocktaking/${summary.id}/publish`), 200, 'publish summary');
      summaries.push(summary.id);
    }
    synthesis = expectStatus(await org.client.get(`/consultations/${consultation.id}/stocktaking`), 200).body;
    french = expectStatus(await org.client.get(`/consultations/${consultation.id}/stocktaking?lang=fr`), 200).body;
  }, 180_000);
  afterAll(async () => {
    await worker?.stop();
    await api?.close();
  });

  it('compiles the published summaries of both roundtables, with themes from each', () => {
    expect(synthesis.roundtables.map((r: any) => r.number)).toEqual([1, 2]);
    const labels = synthesis.themes.map((t: any) => t.label);
    expect(labels.some((l: string) => /clima/i.test(l))).toBe(true);
    expect(labels.some((l: string) => /pathway/i.test(l))).toBe(true);
  });

  it('lists each region participants came from, with a short section of its own', () => {
    // coastal: Africa, Europe, the Americas, Asia; trabajo adds the Americas (Peru, Chile, Colombia, Argentina, Uruguay), Africa (Nigeria), Europe (Belgium), Northern America (Canada)
    expect(synthesis.regions.map((r: any) => r.region).sort()).toEqual(['Africa', 'Americas', 'Asia', 'Europe']);
    const americas = synthesis.regions.find((r: any) => r.region === 'Americas');
    expect(americas.countries).toBe(7);
    expect(americas.themes.some((t: string) => /pathway/i.test(t))).toBe(true);
    expect(americas.sentence).toMatch(/^The Americas: \d+ participants from 7 countries; themes raised: /);
    expect(french.regions.find((r: any) => r.region === 'Americas').sentence).toMatch(
      /^Amériques : \d+ participants de 7 pays/,
    );
    expect(synthesis.participation.regionsSentence).toMatch(/in 4 regions: /);
  });

  it('marks the French version as a machine translation until a rapporteur reviews it, then publishes their corrections as the official text', async () => {
    const id = summaries[0];
    // nothing to review before the worker has translated it
    expectStatus(await org.client.post(`/stocktaking/${id}/translations/fr/review`, { accept: true }), 409);
    worker = await startProcess('worker', env);
    await worker.ready(60_000);
    const machine = await eventually(
      async () => {
        const res = expectStatus(await org.client.get(`/stocktaking/${id}?lang=fr`), 200).body;
        return res.translation?.status === 'done' ? res : null;
      },
      90_000,
      'the French translation',
    );
    expect(machine.translation).toMatchObject({ review: null, official: false });
    expect(machine.sections.keyEmphases.some((i: any) => i.machineTranslated)).toBe(true);
    const draftMd = (await org.client.get(`/stocktaking/${id}/export?format=md&lang=fr`)).body as string;
    expect(draftMd).toContain('ce n’est pas le texte officiel');

    const listed = expectStatus(await org.client.get(`/stocktaking/${id}/translations/fr`), 200).body;
    const label = listed.texts.find((t: any) => /climate change/i.test(t.source));
    expect(label.machine).toBeTruthy();
    expectStatus(
      await org.client.post(`/stocktaking/${id}/translations/fr/review`, {
        corrections: [{ key: 'not-a-key', text: 'x' }],
      }),
      400,
    );
    const reviewed = expectStatus(
      await org.client.post(`/stocktaking/${id}/translations/fr/review`, {
        corrections: [{ key: label.key, text: 'dérèglement climatique' }],
      }),
      200,
    ).body;
    expect(reviewed).toMatchObject({ review: 'reviewed', official: true });

    const official = expectStatus(await org.client.get(`/stocktaking/${id}?lang=fr`), 200).body;
    expect(official.translation).toMatchObject({ review: 'reviewed', official: true });
    expect(official.sections.keyEmphases.every((i: any) => !i.machineTranslated)).toBe(true);
    expect(official.sections.keyEmphases.map((i: any) => i.statement).join('\n')).toContain('Dérèglement climatique');
    const md = (await org.client.get(`/stocktaking/${id}/export?format=md&lang=fr`)).body as string;
    expect(md).not.toContain('ce n’est pas le texte officiel');
    // Spanish is still a machine translation nobody reviewed
    const es = expectStatus(await org.client.get(`/stocktaking/${id}?lang=es`), 200).body;
    expect(es.translation.official).toBe(false);
  }, 180_000);
});
