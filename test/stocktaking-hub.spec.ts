import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { guessLanguage } from '@roundtable/digests';
import { RunningProcess, startProcess } from './support/processes';
import { eventually, organiser, startTestApi, TestApi, TestUser } from './support/test-api';
import { createConsultation, createRoundtable, expectStatus } from './support/world';

/** The Migration Network Hub discussion of IMRF roundtable 1, as structured data (read, never copied). */
const HUB = join(__dirname, '..', '..', 'shared', 'data', 'hub-roundtable1.json');

interface HubContribution {
  postedAt: string;
  author: string;
  moderator: boolean | string;
  body: string;
}
interface HubSpace {
  number: number;
  contributions: HubContribution[];
}

const isModerator = (c: HubContribution) => c.moderator === true || c.moderator === 'True';

describe('stocktaking of the imported Hub discussion (49 contributions, 4 questions, EN/FR/ES)', () => {
  let api: TestApi;
  let org: TestUser;
  let worker: RunningProcess | undefined;
  let file: { spaces: HubSpace[] };
  let summaryId: string;
  let summary: any;

  beforeAll(async () => {
    file = JSON.parse(readFileSync(HUB, 'utf8'));
    // the same people under other names: test/exchange.spec.ts imports this file into the same database and
    // counts the accounts it creates, which must not already exist because this test ran first
    const renamed = (name: unknown) => (typeof name === 'string' ? `Stocktaking ${name}` : name);
    for (const space of file.spaces as Array<HubSpace & { postedBy?: string }>) {
      space.postedBy = renamed(space.postedBy) as string | undefined;
      for (const c of space.contributions as Array<HubContribution & { inReplyTo?: unknown }>) {
        c.author = renamed(c.author) as string;
        c.inReplyTo = renamed(c.inReplyTo);
      }
    }
    api = await startTestApi();
    org = await organiser(api);
    const consultation = await createConsultation(org.client, 'IMRF consultations');
    const roundtable = await createRoundtable(org.client, consultation.id, { title: { en: 'IMRF Roundtable 1' } });
    const imported = expectStatus(
      await org.client.post(`/roundtables/${roundtable.id}/import`, file),
      201,
      'import',
    ).body;
    expect(imported.contributions).toBe(49);

    const dates = file.spaces.flatMap((s) => s.contributions.map((c) => Date.parse(c.postedAt)));
    const period = {
      periodStart: new Date(Math.min(...dates) - 86_400_000).toISOString(),
      periodEnd: new Date(Math.max(...dates) + 2 * 86_400_000).toISOString(),
    };
    for (const { id } of imported.spaceIds) {
      const digest = expectStatus(await org.client.post(`/spaces/${id}/digests`, period), 201, 'draft digest').body;
      expectStatus(await org.client.post(`/digests/${digest.id}/publish`), 200, 'publish digest');
    }
    summary = expectStatus(
      await org.client.post(`/roundtables/${roundtable.id}/stocktaking`, period),
      201,
      'compile',
    ).body;
    summaryId = summary.id;
  }, 90_000);
  afterAll(async () => {
    await worker?.stop();
    await api?.close();
  });

  it('counts what the data holds: 49 contributions over 4 questions, the moderators’ apart', () => {
    const p = summary.participation;
    expect(p.contributions).toBe(49);
    expect(p.questions.map((q: any) => [q.number, q.contributions]).sort()).toEqual(
      file.spaces.map((s) => [s.number, s.contributions.length]).sort(),
    );
    // a moderator of a question is whoever the file flags as moderating there; everything they wrote there counts apart
    let byModerators = 0;
    const participants = new Set<string>();
    for (const s of file.spaces) {
      const moderators = new Set(s.contributions.filter(isModerator).map((c) => c.author));
      byModerators += s.contributions.filter((c) => moderators.has(c.author)).length;
      for (const c of s.contributions) if (!moderators.has(c.author)) participants.add(c.author);
    }
    expect(p.moderatorContributions).toBe(byModerators);
    expect(p.participantContributions).toBe(49 - byModerators);
    expect(p.participants).toBe(participants.size);
    expect(summary.sections.keyEmphases.every((i: any) => i.sources.length >= 2)).toBe(true);
  });

  it('names the themes the discussion is visibly about, with sources in all three languages of the discussion', async () => {
    const labels = summary.sections.keyEmphases.map((i: any) => i.label as string);
    expect(labels.some((l: string) => /regular (migration|pathway)/i.test(l))).toBe(true);
    expect(labels.some((l: string) => /climate change/i.test(l))).toBe(true);
    expect(
      labels.some((l: string) => /human rights|decent work|labou?r|migrant workers|rights of migrants/i.test(l)),
    ).toBe(true);
    const regular = summary.sections.keyEmphases.find((i: any) => /regular (migration|pathway)/i.test(i.label));
    expect(regular.questions.length).toBeGreaterThanOrEqual(1);
    expect(regular.sources.length).toBeGreaterThanOrEqual(5);
    const sources = [...new Set<string>(summary.sections.keyEmphases.flatMap((i: any) => i.sources))];
    const languages = new Set<string>();
    for (const id of sources) {
      const c = expectStatus(await org.client.get(`/contributions/${id}`), 200).body;
      // the file declares no languages: detected ones, else the same guess the analyser makes
      languages.add(c.language ?? guessLanguage(c.body));
    }
    expect([...languages].sort()).toEqual(['en', 'es', 'fr']);
  });

  it('once published, reads in French and Spanish: fixed wording from the catalogue, themes through the translation queue', async () => {
    expectStatus(await org.client.post(`/stocktaking/${summaryId}/publish`), 200, 'publish');
    worker = await startProcess('worker');
    await worker.ready(60_000);
    const read = (lang: string) =>
      eventually(
        async () => {
          const res = expectStatus(await org.client.get(`/stocktaking/${summaryId}?lang=${lang}`), 200).body;
          return res.translation?.status === 'done' ? res : null;
        },
        60_000,
        `the ${lang} translation`,
      );
    const fr = await read('fr');
    expect(fr.participation.sentence).toMatch(/^\d+ participants ont pris part/);
    const frText = fr.sections.keyEmphases.map((i: any) => i.statement).join('\n');
    expect(frText).toMatch(/migration régulière|voies régulières|voies de migration/i);
    expect(frText).toMatch(/climat/i);
    expect(frText).toMatch(/\(évoqué par [^)]+\)/);
    const es = await read('es');
    expect(es.participation.sentence).toMatch(/^Participaron \d+ personas/);
    const esText = es.sections.keyEmphases.map((i: any) => i.statement).join('\n');
    expect(esText).toMatch(/migración regular|vías regulares/i);
    expect(esText).toMatch(/clim/i);
    expect(es.sections.keyEmphases.some((i: any) => i.machineTranslated)).toBe(true);
  }, 90_000);
});
