/**
 * `npm run bench -- summary-quality`: how close the stocktaking draft comes to what a
 * rapporteur would sign, measured end to end (import → moderator digests → stocktaking)
 * on roundtables written for the purpose in English, French and Spanish
 * (bench/fixtures/summary-quality.ts), each with an answer key. Per fixture: theme
 * precision and recall against the planted topics, headings that are actors or
 * procedure, calls for action found under priorities, whether the single-constituency
 * topic stayed out of convergence and whether the objective nobody addressed is a gap.
 * Then the headings of the Hub import (../shared/data/hub-roundtable1.json) when the file
 * is there. Against the compiled api with real PostgreSQL, Redis and Apertium; prints
 * tables, asserts nothing.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import countries from 'i18n-iso-countries';
import { CATALOGUES } from '@roundtable/stocktaking';
import { importFile, QUALITY_FIXTURES, QualityFixture } from './fixtures/summary-quality';
import { json, Proc, ROOT, startProcess, table } from './support';

const ADMIN = { email: 'bench-summary-quality@example.org', password: 'bench-summary-quality-pass-1' };
const HUB = join(ROOT, '..', 'shared', 'data', 'hub-roundtable1.json');

interface Compiled {
  summary: any;
  digests: any[];
}

/** Imports a discussion into a new roundtable, drafts and publishes each question's digest, compiles the stocktaking. */
async function compile(
  api: Proc,
  token: string,
  titles: { consultation: string; roundtable: string },
  objectives: string[],
  file: { spaces: Array<{ contributions: Array<{ postedAt: string }> }> },
): Promise<Compiled> {
  const base = `${api.url}/api/v1`;
  const consultation = await json(
    `${base}/consultations`,
    'POST',
    { title: { en: titles.consultation }, timezone: 'UTC' },
    token,
  );
  const roundtable = await json(
    `${base}/consultations/${consultation.id}/roundtables`,
    'POST',
    { number: 1, title: { en: titles.roundtable }, objectives },
    token,
  );
  const imported = await json(`${base}/roundtables/${roundtable.id}/import`, 'POST', file, token);
  const dates = file.spaces.flatMap((s) => s.contributions.map((c) => Date.parse(c.postedAt)));
  const period = {
    periodStart: new Date(Math.min(...dates) - 86_400_000).toISOString(),
    periodEnd: new Date(Math.max(...dates) + 2 * 86_400_000).toISOString(),
  };
  const digests: any[] = [];
  for (const { id } of imported.spaceIds) {
    const digest = await json(`${base}/spaces/${id}/digests`, 'POST', period, token);
    await json(`${base}/digests/${digest.id}/publish`, 'POST', {}, token);
    digests.push(digest);
  }
  const summary = await json(`${base}/roundtables/${roundtable.id}/stocktaking`, 'POST', period, token);
  return { summary, digests };
}

/** The objectives that roundtable 1 of the review forum took up, in the bench's own words (a participant may name them by number). */
const HUB_OBJECTIVES = [
  'Objective 2: Lessen the adverse drivers and structural factors, such as disasters and climate change, that compel people to leave their country of origin.',
  'Objective 5: Make pathways for regular migration more available and more flexible.',
  'Objective 6: Recruit fairly and ethically, and safeguard the conditions that make work decent.',
  'Objective 12: Make migration procedures more certain and predictable, for screening, assessment and referral.',
  'Objective 18: Invest in skills development and make skills, qualifications and competences mutually recognised.',
];

/** How a consultation is run: a heading made only of these (and acronyms) is procedure. The bench's own list, independent of the analyser's. */
const PROCEDURE = [
  'roundtable round table table ronde mesa redonda objective objectif objetivo question pregunta consultation consulta background paper',
  'document chair co-chair présidence presidencia moderator modérateur moderador discussion contribution session implementation mise en œuvre',
  'aplicación mechanism mécanisme mecanismo process processus proceso framework cadre marco forum network réseau red committee comité review',
].join(' ');

function actorNames(fixture: QualityFixture | null): string[] {
  const out = fixture ? fixture.people.flatMap((p) => [p.name, p.organisation]) : [];
  for (const lang of ['en', 'fr', 'es'] as const) {
    const cat = CATALOGUES[lang];
    out.push(...Object.values(cat.constituencies), ...Object.values(cat.constituency));
    for (const names of Object.values(countries.getNames(lang, { select: 'all' }))) out.push(...names);
  }
  return out;
}

const words = (text: string) =>
  text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .match(/[\p{L}\p{N}]+/gu) ?? [];
const singular = (w: string) => w.replace(/(?<=..)(?:es|s)$/, '');

/**
 * A heading names an actor or procedure when its words all belong to one name of the
 * fixture (organisation, person, constituency, country), or are all structure words.
 * An independent check: plain words, not the analyser's stems.
 */
function actorHeading(label: string, names: string[]): boolean {
  const mine = words(label).map(singular);
  if (mine.length === 0) return true;
  const structure = new Set(words(PROCEDURE).map(singular));
  if (mine.every((w) => structure.has(w) || (/^[a-z]{2,5}$/.test(w) && label.includes(w.toUpperCase())))) return true;
  return names.some((n) => {
    const theirs = new Set(words(n).map(singular));
    return mine.every((w) => theirs.has(w) || structure.has(w));
  });
}

function score(fixture: QualityFixture, { summary }: Compiled) {
  const s = summary.sections;
  const headings: string[] = s.keyEmphases.map((i: any) => i.label as string);
  const matches = (label: string) => fixture.key.topics.filter((t) => t.pattern.test(label));
  const correct = headings.filter((h) => matches(h).length > 0).length;
  const found = fixture.key.topics.filter((t) => headings.some((h) => t.pattern.test(h))).length;
  const names = actorNames(fixture);
  const actors = [...headings, ...s.convergence.map((i: any) => i.label as string)].filter((h) =>
    actorHeading(h, names),
  );
  const single = fixture.key.topics.find((t) => t.id === fixture.key.single)!;
  const singleConverges = s.convergence.some((i: any) => single.pattern.test(i.label ?? ''));
  const calls = fixture.questions.flatMap((q) => q.contributions.filter((c) => c.call).map((c) => c.call!));
  const underPriorities = new Set<string>(
    s.priorities.flatMap((i: any) =>
      [...(i.quotes ?? []), ...(i.synopsis ? [i.synopsis] : [])].map((q: any) => q.text as string),
    ),
  );
  const callsFound = calls.filter((c) => underPriorities.has(c)).length;
  const gapObjective = s.gaps.some(
    (i: any) => i.kind === 'objective' && i.objective === fixture.key.unaddressedObjective,
  );
  const extraGaps = s.gaps.filter(
    (i: any) => i.kind === 'objective' && i.objective !== fixture.key.unaddressedObjective,
  ).length;
  return {
    headings,
    convergence: s.convergence.map(
      (i: any) => `${i.label} [${i.constituencies.filter((c: string) => c !== 'other').join(', ')}]`,
    ),
    priorities: s.priorities.map((i: any) => i.statement as string),
    gaps: s.gaps.map((i: any) => i.statement as string),
    row: [
      fixture.name,
      headings.length ? (correct / headings.length).toFixed(2) : '—',
      (found / fixture.key.topics.length).toFixed(2),
      actors.length,
      `${callsFound}/${calls.length}`,
      singleConverges ? 'no' : 'yes',
      gapObjective ? `yes${extraGaps ? ` (+${extraGaps} other)` : ''}` : 'no',
    ],
    actors,
  };
}

for (const lang of ['en', 'fr', 'es'])
  countries.registerLocale(JSON.parse(readFileSync(require.resolve(`i18n-iso-countries/langs/${lang}.json`), 'utf8')));

export async function main(): Promise<void> {
  const api = await startProcess('api', {
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    LOG_LEVEL: 'warn',
  });
  try {
    const { accessToken: token } = await json(`${api.url}/api/v1/auth/login`, 'POST', ADMIN);
    const rows: Array<Array<string | number>> = [];
    const start = new Date(Date.UTC(2026, 0, 12, 9));
    for (const fixture of QUALITY_FIXTURES) {
      const compiled = await compile(
        api,
        token,
        { consultation: 'Regional consultation', roundtable: fixture.title.en },
        fixture.objectives,
        importFile(fixture, start),
      );
      const result = score(fixture, compiled);
      rows.push(result.row);
      console.log(`\n${fixture.name}`);
      console.log(`  key emphases: ${result.headings.join(' · ')}`);
      console.log(`  convergence:  ${result.convergence.join(' · ')}`);
      if (result.actors.length) console.log(`  actor or procedure headings: ${result.actors.join(' · ')}`);
      for (const p of result.priorities) console.log(`  priority: ${p}`);
      for (const g of result.gaps) console.log(`  gap: ${g}`);
      const translation = compiled.digests.map((d) => d.translation?.status ?? '—').join(', ');
      console.log(`  digest translation: ${translation}`);
    }
    table(
      'Summary quality against the answer keys (targets: precision ≥ 0.9, recall ≥ 0.8, 0 actor headings, ≥ 80 % of calls under priorities)',
      [
        'fixture',
        'precision',
        'recall',
        'actor/procedure headings',
        'calls under priorities',
        'single-constituency topic kept out of convergence',
        'unaddressed objective under gaps',
      ],
      rows,
    );

    if (existsSync(HUB)) {
      const hub = JSON.parse(readFileSync(HUB, 'utf8'));
      // titled as the file says where it comes from
      const { summary } = await compile(
        api,
        token,
        { consultation: hub.source ?? 'Hub', roundtable: 'Roundtable 1' },
        HUB_OBJECTIVES,
        hub,
      );
      const s = summary.sections;
      const actors = [...s.keyEmphases, ...s.convergence]
        .map((i: any) => i.label as string)
        .filter((l) => actorHeading(l, actorNames(null)));
      console.log(
        `\nHub import: ${actors.length} actor or procedure heading(s) by the bench's check${actors.length ? `: ${actors.join(' · ')}` : ''}`,
      );
      table(
        'Hub import: headings',
        ['section', 'headings'],
        [
          ['key emphases', s.keyEmphases.map((i: any) => i.label).join(' · ')],
          ['convergence', s.convergence.map((i: any) => i.label).join(' · ') || '—'],
          ['priorities for action', s.priorities.map((i: any) => i.label ?? i.statement).join(' · ') || '—'],
          ['gaps', s.gaps.map((i: any) => i.label ?? i.statement).join(' · ') || '—'],
        ],
      );
      for (const i of s.keyEmphases) console.log(`  ${i.statement}`);
      for (const i of s.priorities) console.log(`  priority: ${i.statement}`);
      // BENCH_SUMMARY_DIR=<dir> keeps the Hub summary as Markdown, to read it as a rapporteur would
      if (process.env.BENCH_SUMMARY_DIR) {
        const res = await fetch(`${api.url}/api/v1/stocktaking/${summary.id}/export?format=md&lang=en`, {
          headers: { authorization: `Bearer ${token}` },
        });
        const file = join(process.env.BENCH_SUMMARY_DIR, 'hub-summary-en.md');
        writeFileSync(file, await res.text());
        console.log(`\nHub summary (Markdown): ${file}`);
      }
    }
  } finally {
    await api.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
