import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { DataSource } from 'typeorm';
import { getDataSourceToken } from '@nestjs/typeorm';
import { ContributionsRepository, ContributionTranslationsRepository } from '@roundtable/contributions';
import { TranslationStore } from '@roundtable/translation';
import { parseCsv } from './support/csv';
import { LiveClient } from './support/live-client';
import { RunningProcess } from './support/processes';
import { eventually, TestUser } from './support/test-api';
import { expectStatus } from './support/world';
import { spaceWithMember, TranslationStack } from './translation-stack';

type Lang = 'en' | 'fr' | 'es';
const OTHERS: Record<Lang, Lang[]> = { en: ['fr', 'es'], fr: ['en', 'es'], es: ['en', 'fr'] };

/**
 * Acceptance 1, 2 and 4 of translation, with the real Apertium engine in a compiled
 * worker: detection, both translations visible with ?lang= and as live events, text that
 * must survive translation, the glossary in all six directions, an edit that overtakes
 * queued jobs, space prompts.
 */
describe('translation: every contribution readable in English, French and Spanish', () => {
  const stack = new TranslationStack('tr');
  let worker: RunningProcess | undefined;
  let member: TestUser;
  let org: TestUser;
  let spaceId: string;
  const live: LiveClient[] = [];

  beforeAll(async () => {
    await stack.start();
    ({ org, member, spaceId } = await spaceWithMember(stack.api!));
    worker = await stack.worker();
  }, 120_000);
  afterAll(async () => {
    for (const c of live) c.close();
    await stack.stop();
  });

  const post = async (body: string, language?: Lang) =>
    expectStatus(
      await member.client.post(`/spaces/${spaceId}/contributions`, language ? { body, language } : { body }),
      201,
      'post',
    ).body;

  /** Polls until every other language of the contribution is translated (done), then returns it. */
  const translated = (id: string, timeoutMs = 40_000) =>
    eventually(
      async () => {
        const c = (await member.client.get(`/contributions/${id}`)).body;
        const others = c.language ? OTHERS[c.language as Lang] : [];
        return others.length &&
          others.every((l) => c.translations?.[l]?.status === 'done' && c.translations[l].sourceVersion === c.version)
          ? c
          : undefined;
      },
      timeoutMs,
      `the translations of ${id}`,
    );

  it('detects an English post, translates it into French and Spanish with Apertium, shows them with ?lang= and sends them live', async () => {
    const client = await LiveClient.connect(stack.api!.url, member.token);
    live.push(client);
    expect((await client.join(spaceId)).ok).toBe(true);
    const body =
      'Regular pathways for migrants must be expanded, and local authorities need predictable funding for integration.';
    const posted = await post(body);
    expect(posted.language).toBeNull();

    const c = await translated(posted.id);
    expect(c).toMatchObject({ language: 'en', languageSource: 'detected', body, text: body });
    expect(c.languageConfidence).toBeGreaterThan(0.5);
    for (const lang of ['fr', 'es'] as const) {
      expect(c.translations[lang]).toEqual({
        text: expect.any(String),
        status: 'done',
        provider: 'apertium',
        machine: true,
        sourceVersion: 1,
      });
      const inLang = expectStatus(await member.client.get(`/contributions/${posted.id}?lang=${lang}`), 200).body;
      expect(inLang.text).toBe(c.translations[lang].text);
      expect(inLang.body).toBe(body);
    }
    expect(c.translations.es.text).toMatch(/migrantes/);
    expect(c.translations.es.text).toMatch(/autoridades locales/i);
    expect(c.translations.fr.text).toMatch(/migrants/);
    expect(c.translations.es.text).not.toMatch(/nómadas/i);

    const page = expectStatus(await member.client.get(`/spaces/${spaceId}/contributions?lang=es`), 200).body;
    expect(page.items.find((i: any) => i.id === posted.id).text).toBe(c.translations.es.text);

    await client.waitFor(
      () =>
        client
          .eventsOf(spaceId)
          .filter((e) => e.type === 'contribution.translated' && e.payload.contributionId === posted.id).length === 2,
      10_000,
      'two contribution.translated events',
    );
    const events = client
      .eventsOf(spaceId)
      .filter((e) => e.type === 'contribution.translated' && e.payload.contributionId === posted.id);
    expect(events.map((e) => e.payload.language).sort()).toEqual(['es', 'fr']);
    for (const e of events) {
      expect(e.seq).toBeGreaterThan(posted.seq);
      expect(e.payload.translation).toEqual(c.translations[e.payload.language]);
    }
    expect(new Set(client.seqsOf(spaceId)).size).toBe(client.seqsOf(spaceId).length);
  });

  it('gives a client that reconnects the translations it missed while away, each exactly once and in seq order', async () => {
    // the worker is stopped first, so every translation is certainly written while the client is away
    await worker!.stop();
    worker = undefined;
    const away = await LiveClient.connect(stack.api!.url, member.token);
    live.push(away);
    expect((await away.join(spaceId)).ok).toBe(true);
    const posted = [];
    for (const body of [
      'Seasonal workers need contracts they can read.',
      'Clinics near the border lack interpreters.',
      'Youth groups ask for a seat at the table.',
    ]) {
      posted.push(await post(body, 'en'));
    }
    await away.waitForSeq(spaceId, posted[2].seq);
    const lastSeen = Math.max(...away.seqsOf(spaceId));
    away.close();

    worker = await stack.worker();
    for (const p of posted) await translated(p.id);

    const back = await LiveClient.connect(stack.api!.url, member.token);
    live.push(back);
    expect((await back.join(spaceId, lastSeen)).ok).toBe(true);
    const ids = new Set(posted.map((p) => p.id));
    const missed = () =>
      back.eventsOf(spaceId).filter((e) => e.type === 'contribution.translated' && ids.has(e.payload.contributionId));
    await back.waitFor(() => missed().length >= 6, 20_000, 'the six missed translations');
    expect(
      missed()
        .map((e) => `${e.payload.contributionId} ${e.payload.language}`)
        .sort(),
    ).toEqual(posted.flatMap((p) => [`${p.id} es`, `${p.id} fr`]).sort());
    for (const e of missed())
      expect(e.payload.translation).toMatchObject({ status: 'done', machine: true, text: expect.any(String) });
    const seqs = back.seqsOf(spaceId);
    expect(seqs.every((seq, i) => seq > lastSeen && (i === 0 || seq > seqs[i - 1]))).toBe(true);
  }, 120_000);

  it('keeps URLs, e-mail addresses, numbers and Markdown links unchanged, in all six directions', async () => {
    const kept = [
      '](https://example.org/report-2023.pdf)',
      'https://migration.example.net/data?id=42',
      'ana.diaz@example.org',
      '1,250',
      '2023',
      '@maria_l',
    ];
    const bodies: Record<Lang, string> = {
      en: 'Read [the full report](https://example.org/report-2023.pdf) and https://migration.example.net/data?id=42, then write to ana.diaz@example.org or @maria_l: 1,250 people arrived in 2023.',
      fr: 'Lisez [le rapport complet](https://example.org/report-2023.pdf) et https://migration.example.net/data?id=42, puis écrivez à ana.diaz@example.org ou @maria_l : 1,250 personnes sont arrivées en 2023.',
      es: 'Lea [el informe completo](https://example.org/report-2023.pdf) y https://migration.example.net/data?id=42, luego escriba a ana.diaz@example.org o @maria_l: 1,250 personas llegaron en 2023.',
    };
    const posted = await Promise.all(
      (Object.keys(bodies) as Lang[]).map(async (lang) => ({ lang, c: await post(bodies[lang], lang) })),
    );
    for (const { lang, c } of posted) {
      const done = await translated(c.id);
      for (const target of OTHERS[lang]) {
        const text: string = done.translations[target].text;
        for (const piece of kept) expect(`${lang}→${target}: ${text}`).toContain(piece);
        expect(text).toMatch(/\[[^\]]+\]\(https:\/\/example\.org\/report-2023\.pdf\)/);
      }
    }
  });

  it("renders glossary terms as the glossary says in all six directions, and follows an organiser's edit", async () => {
    const terms: Record<Lang, string[]> = {
      en: ['governments', 'civil society', 'migrants', 'regular pathways', 'stakeholders'],
      fr: ['gouvernements', 'société civile', 'migrants', 'voies régulières', 'parties prenantes'],
      es: ['gobiernos', 'sociedad civil', 'migrantes', 'vías regulares', 'partes interesadas'],
    };
    const bodies: Record<Lang, string> = {
      en: 'Governments, civil society and other stakeholders must protect migrants and open regular pathways.',
      fr: 'Les gouvernements, la société civile et les autres parties prenantes doivent protéger les migrants et ouvrir des voies régulières.',
      es: 'Los gobiernos, la sociedad civil y las demás partes interesadas deben proteger a los migrantes y abrir vías regulares.',
    };
    const posted = await Promise.all(
      (Object.keys(bodies) as Lang[]).map(async (lang) => ({ lang, c: await post(bodies[lang], lang) })),
    );
    for (const { lang, c } of posted) {
      const done = await translated(c.id);
      for (const target of OTHERS[lang]) {
        const text: string = done.translations[target].text.toLowerCase();
        for (const term of terms[target]) expect(`${lang}→${target}: ${text}`).toContain(term);
        expect(text).not.toMatch(/nómadas|nomades|executives|ejecutivos|exécutifs/);
      }
    }

    // organisers edit the glossary through the api; the next translation follows it
    expect((await member.client.post('/glossary', { en: 'hub', fr: 'plateforme', es: 'plataforma' })).status).toBe(403);
    const term = expectStatus(
      await org.client.post('/glossary', { en: 'hub', fr: 'plateforme', es: 'plataforma', note: 'the online space' }),
      201,
      'add a term',
    ).body;
    expect(term).toMatchObject({ en: 'hub', fr: 'plateforme', es: 'plataforma' });
    expect((await org.client.post('/glossary', { en: 'Hub', fr: 'centre', es: 'centro' })).status).toBe(409);
    const listed = expectStatus(await member.client.get('/glossary'), 200).body;
    expect(listed.map((t: any) => t.en)).toEqual(expect.arrayContaining(['hub', 'migrants', 'GCM', 'Member States']));
    const c = await translated((await post('The hub is open to every member of the network.', 'en')).id);
    expect(c.translations.es.text.toLowerCase()).toContain('plataforma');
    expect(c.translations.fr.text.toLowerCase()).toContain('plateforme');
    expectStatus(await org.client.patch(`/glossary/${term.id}`, { es: 'espacio' }), 200, 'edit a term');
    const again = await translated((await post('Every hub needs moderators.', 'en')).id);
    expect(again.translations.es.text.toLowerCase()).toContain('espacio');
    expectStatus(await org.client.delete(`/glossary/${term.id}`), 204, 'remove a term');
  });

  it("translates version 2 in the end when it is posted while version 1's jobs are still queued", async () => {
    await worker!.stop();
    worker = undefined;
    const posted = await post('The next meeting of the working group is on Monday morning.', 'en');
    // queue version 1's jobs, then overtake them with an edit before any worker runs
    const cli = await stack.cli(['translate', '--missing', '--no-wait']);
    expect(cli.code).toBe(0);
    expect(cli.output).toMatch(/queued 1 translation job/);
    const queue = stack.translationsQueue();
    expect(await queue.getJobState(`tr-${posted.id}-1-es-fr`)).toBe('waiting');
    expectStatus(
      await member.client.patch(`/contributions/${posted.id}`, {
        body: 'The next meeting of the working group is on Friday evening.',
      }),
      200,
      'edit',
    );

    worker = await stack.worker();
    const c = await translated(posted.id);
    expect(c.version).toBe(2);
    expect(c.translations.es).toMatchObject({ status: 'done', sourceVersion: 2 });
    expect(c.translations.es.text).toMatch(/viernes/);
    expect(c.translations.fr.text).toMatch(/vendredi/);
    for (const lang of ['fr', 'es']) expect(c.translations[lang].text).not.toMatch(/lunes|lundi/);
    await eventually(
      async () => (await queue.getJobState(`tr-${posted.id}-1-es-fr`)) === 'completed',
      10_000,
      'the stale job to finish',
    );
    expect((await queue.getJob(`tr-${posted.id}-1-es-fr`))!.returnvalue).toBe('stale');
    const rows = await stack.query(
      `SELECT language, source_version FROM contribution_translations WHERE contribution_id = $1 ORDER BY language`,
      [posted.id],
    );
    expect(rows).toEqual([
      { language: 'es', source_version: 2 },
      { language: 'fr', source_version: 2 },
    ]);

    // a late job for version 1 can never overwrite version 2's translation
    const db = stack.api!.app.get<DataSource>(getDataSourceToken());
    const store = new TranslationStore(
      db,
      { publishSafely: async () => undefined } as never,
      new ContributionTranslationsRepository(),
      new ContributionsRepository(),
    );
    const late = await store.save({
      contributionId: posted.id,
      spaceId: posted.spaceId,
      version: 1,
      source: 'en',
      language: 'es',
      provider: 'apertium',
      status: 'done',
      text: 'lunes',
    });
    expect(late).toBe(false);
    expect((await member.client.get(`/contributions/${posted.id}?lang=es`)).body.text).toBe(c.translations.es.text);
  }, 120_000);

  it('back-fills what is missing with `cli translate --missing`, following the worker with progress', async () => {
    await worker!.stop();
    worker = undefined;
    const ids = [];
    for (const body of [
      'Cities need data on arrivals.',
      'Les villes ont besoin de données sur les arrivées.',
      'Las ciudades necesitan datos sobre las llegadas.',
    ])
      ids.push((await post(body)).id);
    const cli = stack.cli(['translate', '--missing', '--wait-seconds', '30']);
    worker = await stack.worker();
    const { code, output } = await cli;
    expect(code).toBe(0);
    expect(output).toMatch(/translating \[[^\]]*\] \d+\/6 done/);
    expect(output).toMatch(/all 6 missing translation\(s\) are done/);
    for (const id of ids) await translated(id, 1000);
  }, 120_000);

  it("exports the space with every contribution's translations, in JSON and in CSV", async () => {
    const body = 'Local authorities need predictable funding for integration.';
    const c = await translated((await post(body, 'en')).id);
    const download = async (format: string) => {
      const res = await fetch(`${stack.api!.url}/api/v1/spaces/${spaceId}/export?format=${format}`, {
        headers: { authorization: `Bearer ${org.token}` },
      });
      expect(res.status).toBe(200);
      return res.text();
    };
    const doc = JSON.parse(await download('json'));
    const exported = doc.spaces[0].contributions.find((e: any) => e.id === c.id);
    expect(exported.body).toBe(body);
    expect(exported.translations).toEqual(c.translations);
    expect(exported.translations.es).toMatchObject({
      status: 'done',
      provider: 'apertium',
      machine: true,
      text: expect.stringMatching(/autoridades locales/i),
    });

    const [header, ...rows] = parseCsv((await download('csv')).replace(/^\uFEFF/, ''));
    const row = rows.find((r) => r[header.indexOf('id')] === c.id)!;
    expect(row[header.indexOf('body')]).toBe(body);
    expect(row[header.indexOf('translation_fr')]).toBe(c.translations.fr.text);
    expect(row[header.indexOf('translation_es')]).toBe(c.translations.es.text);
    expect(row[header.indexOf('translation_en')]).toBe('');
  }, 60_000);

  it('fills in the languages an organiser left out of a space prompt, as machine translations', async () => {
    const { org: organiserOfIt, spaceId: promptSpace } = await spaceWithMember(stack.api!, {
      en: 'What should local authorities fund first to include migrants?',
    });
    const space = await eventually(
      async () => {
        const s = (await organiserOfIt.client.get(`/spaces/${promptSpace}`)).body;
        return s.prompt.fr && s.prompt.es ? s : undefined;
      },
      20_000,
      'the prompt in French and Spanish',
    );
    expect(space.prompt.en).toBe('What should local authorities fund first to include migrants?');
    expect(space.prompt.es).toMatch(/autoridades locales/);
    expect(space.prompt.es).toMatch(/^¿/);
    expect(space.promptTranslations).toEqual({
      fr: { text: space.prompt.fr, status: 'done', provider: 'apertium', machine: true },
      es: { text: space.prompt.es, status: 'done', provider: 'apertium', machine: true },
    });
    // the organiser's own text wins; the machine one goes
    const patched = expectStatus(
      await organiserOfIt.client.patch(`/spaces/${promptSpace}`, { prompt: { fr: 'Que financer en premier ?' } }),
      200,
    ).body;
    expect(patched.prompt.fr).toBe('Que financer en premier ?');
    expect(Object.keys(patched.promptTranslations)).toEqual(['es']);
  }, 90_000);

  it("runs a worker and its Apertium pipelines below the api's CPU priority, and preemptible by it, unless told otherwise (WORKER_NICE)", async () => {
    // the other workers of these specs run at nice 0 (test files share the machine, not people)
    const background = await stack.worker({ WORKER_NICE: undefined });
    const pid = background.child.pid!;
    const descendants = () => {
      const rows = execFileSync('ps', ['-eo', 'pid=,ppid='], { encoding: 'utf8' })
        .trim()
        .split('\n')
        .map((l) => l.trim().split(/\s+/).map(Number));
      const found = new Set([pid]);
      for (let grew = true; grew;) {
        grew = false;
        for (const [child, parent] of rows) if (found.has(parent) && !found.has(child)) grew = !!found.add(child);
      }
      found.delete(pid);
      return [...found];
    };
    // its warm pipelines: several processes per direction Apertium serves, started at boot
    const pipelines = await eventually(
      () => (descendants().length >= 6 ? descendants() : undefined),
      30_000,
      "the worker's Apertium pipelines",
    );
    expect(os.getPriority(pid)).toBe(10);
    // a pipeline may be restarted meanwhile (a timed-out request on a loaded machine): read those still there, and they all are at 10
    const priorityOf = (p: number) => {
      try {
        return os.getPriority(p);
      } catch {
        return undefined; // gone since it was listed
      }
    };
    const priorities = pipelines.map(priorityOf).filter((n) => n !== undefined);
    expect(priorities.length).toBeGreaterThanOrEqual(3);
    expect(priorities).toEqual(priorities.map(() => 10));
    // SCHED_IDLE: every thread of the worker, and the pipelines, which inherit it
    const workerThreads = readdirSync(`/proc/${pid}/task`)
      .map((tid) => schedulingPolicy(`${pid}/task/${tid}`))
      .filter((n) => n !== undefined);
    expect(workerThreads.length).toBeGreaterThan(1);
    expect(new Set(workerThreads)).toEqual(new Set([SCHED_IDLE]));
    const policies = pipelines.map((p) => schedulingPolicy(String(p))).filter((n) => n !== undefined);
    expect(policies.length).toBeGreaterThanOrEqual(3);
    expect(policies).toEqual(policies.map(() => SCHED_IDLE));
    expect(os.getPriority()).toBe(0); // the api serving this spec runs in the test process
    expect(schedulingPolicy(String(process.pid))).toBe(SCHED_NORMAL);
    await background.stop();
  }, 60_000);
});

/** Linux's scheduling policies (`sched.h`), as `/proc/<pid>/stat` gives them. */
const SCHED_NORMAL = 0;
const SCHED_IDLE = 5;

/** The scheduling policy of a process or thread (`1234` or `1234/task/1240`), or undefined once it is gone. */
function schedulingPolicy(proc: string): number | undefined {
  try {
    const stat = readFileSync(`/proc/${proc}/stat`, 'utf8');
    // the 41st field; those after the command name's closing ')' start at the 3rd
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[41 - 3]);
  } catch {
    return undefined;
  }
}
