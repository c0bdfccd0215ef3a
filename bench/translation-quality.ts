/**
 * `npm run bench -- translation-quality`: chrF (sacreBLEU's chrF2) of Roundtable's
 * translation in all six directions, step by step, with the real Apertium engine:
 *
 * 1. on the development set (bench/data/translation-dev-set.json: 66 consultation-style
 *    sentences on migration, labour, climate, health, data and governance, each written in
 *    one language and translated by people into the other two; no glossary entry is
 *    derived from it, and it is translated without the translation memory);
 * 2. which pivot EN→FR and FR→EN should go through (Spanish, or Catalan when Debian's
 *    apertium-eng-cat and apertium-fra-cat are installed), on the same set: Catalan is
 *    chosen only where it scores higher in ≥ 95 % of paired bootstrap resamples (it holds
 *    about 1 GB more memory in the worker and doubles its cold start);
 * 3. on the four question prompts of ../shared/data/hub-roundtable1.json.
 *
 * Prints tables; asserts nothing.
 */
import 'reflect-metadata';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { AppConfig, dataSourceOptions, loadConfig, migrateDatabase } from '@roundtable/core';
import type { Language } from '@roundtable/core';
import {
  ApertiumProvider,
  corpusChrf,
  Glossary,
  GlossaryService,
  parsePivots,
  Segment,
  segmentText,
  text,
  TranslationEngine,
} from '@roundtable/translation';
import type { ApertiumPivots, EngineLanguage } from '@roundtable/translation';
import { ROOT, table } from './support';

type Direction = [Language, Language];
const DIRECTIONS: Direction[] = [
  ['en', 'es'],
  ['es', 'en'],
  ['fr', 'es'],
  ['es', 'fr'],
  ['en', 'fr'],
  ['fr', 'en'],
];
const PIVOTED: Direction[] = [
  ['en', 'fr'],
  ['fr', 'en'],
];

interface Pair {
  sources: string[];
  references: string[];
}
type Corpus = Record<Language, string>[];

const signal = () => AbortSignal.timeout(60_000);
const fmt = (n: number | null) => (n === null ? '—' : n.toFixed(1));
const gain = (n: number, base: number) => `${n - base >= 0 ? '+' : ''}${(n - base).toFixed(1)}`;
const name = ([from, to]: Direction) => `${from}→${to}`;
const pairOf = (corpus: Corpus, [from, to]: Direction): Pair => ({
  sources: corpus.map((s) => s[from]),
  references: corpus.map((s) => s[to]),
});

function hubPrompts(): Corpus {
  const candidates = [
    process.env.HUB_DISCUSSION,
    join(ROOT, '..', 'shared', 'data', 'hub-roundtable1.json'),
    join(process.cwd(), '..', 'shared', 'data', 'hub-roundtable1.json'),
  ];
  const found = candidates.find((c) => c && existsSync(c));
  if (!found) throw new Error('hub-roundtable1.json not found: set HUB_DISCUSSION to its path');
  return JSON.parse(readFileSync(found, 'utf8')).spaces.map((s: { prompt: Record<Language, string> }) => s.prompt);
}

function developmentSet(): Corpus {
  return JSON.parse(readFileSync(join(ROOT, 'bench', 'data', 'translation-dev-set.json'), 'utf8')).sentences;
}

/** Translating with one provider (one choice of pivots): raw Apertium, and each step of Roundtable's pipeline. */
class Pipeline {
  readonly provider: ApertiumProvider;
  private readonly engine: TranslationEngine;

  constructor(config: AppConfig, glossaries: GlossaryService, pivots: ApertiumPivots) {
    this.provider = new ApertiumProvider(config.APERTIUM_DATA_DIR, pivots);
    // no translation memory: the bench measures the machine
    this.engine = new TranslationEngine(this.provider, glossaries, config);
  }

  /** Apertium alone: the whole text as one run, leg after leg; `repair` adds the replacement of untranslated pivot words. */
  async raw(value: string, from: Language, to: Language, repair = false): Promise<string> {
    let segments: Segment[] = [[text(value)]];
    for (const [a, b] of this.provider.route(from, to))
      segments = await this.provider.translate(
        segments,
        a,
        b,
        signal(),
        repair && a !== from ? { writtenIn: from } : {},
      );
    return segmentText(segments[0]).trim();
  }

  translate(value: string, from: Language, to: Language, glossary: Glossary): Promise<string> {
    return this.engine.translate(value, from, to, { glossary, memory: false });
  }

  pivot(direction: Direction): EngineLanguage | null {
    return this.provider.pivotOf(...direction);
  }

  stop(): void {
    this.provider.stop();
  }
}

async function score(pair: Pair, translate: (s: string) => Promise<string>): Promise<number> {
  return corpusChrf(await Promise.all(pair.sources.map(translate)), pair.references);
}

/** Share of bootstrap resamples of the sentences (seeded, paired) in which `b` scores above `a`. */
function bootstrapWins(a: string[], b: string[], references: string[], resamples = 1000): number {
  let seed = 20_241_122;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
  let wins = 0;
  for (let r = 0; r < resamples; r++) {
    const picks = references.map(() => Math.floor(random() * references.length));
    const refs = picks.map((i) => references[i]);
    if (
      corpusChrf(
        picks.map((i) => b[i]),
        refs,
      ) >
      corpusChrf(
        picks.map((i) => a[i]),
        refs,
      )
    )
      wins += 1;
  }
  return wins / resamples;
}

/** An alternative pivot replaces Spanish only when it scores higher in this share of resamples. */
const SIGNIFICANT = 0.95;

interface Steps {
  raw: number;
  repaired: number | null;
  handled: number;
  full: number;
}

async function steps(
  p: Pipeline,
  pair: Pair,
  [from, to]: Direction,
  glossary: Glossary,
  none: Glossary,
): Promise<Steps> {
  const pivoted = p.pivot([from, to]) !== null;
  return {
    raw: await score(pair, (s) => p.raw(s, from, to)),
    repaired: pivoted ? await score(pair, (s) => p.raw(s, from, to, true)) : null,
    handled: await score(pair, (s) => p.translate(s, from, to, none)),
    full: await score(pair, (s) => p.translate(s, from, to, glossary)),
  };
}

async function main(): Promise<void> {
  const config = loadConfig();
  await migrateDatabase(config);
  const db = await new DataSource({ ...dataSourceOptions(config), extra: { max: 2 } }).initialize();
  const glossaries = new GlossaryService(db);
  const viaSpanish = new Pipeline(config, glossaries, { 'en-fr': 'es', 'fr-en': 'es' });
  const viaCatalan = new Pipeline(config, glossaries, { 'en-fr': 'ca', 'fr-en': 'ca' });
  const configured = new Pipeline(config, glossaries, parsePivots(config.TRANSLATION_PIVOTS));
  try {
    const glossary = await glossaries.current();
    const none = new Glossary([]);
    const dev = developmentSet();
    const catalan = PIVOTED.every((d) => viaCatalan.pivot(d) === 'ca');

    // 1. the pivot per direction, by the full pipeline's score on the development set
    const pivotRows: Array<Array<string | number>> = [];
    for (const direction of PIVOTED) {
      const pair = pairOf(dev, direction);
      const es = await steps(viaSpanish, pair, direction, glossary, none);
      const ca = catalan ? await steps(viaCatalan, pair, direction, glossary, none) : null;
      let wins: number | null = null;
      if (ca) {
        const [a, b] = await Promise.all(
          [viaSpanish, viaCatalan].map((p) =>
            Promise.all(pair.sources.map((x) => p.translate(x, ...direction, glossary))),
          ),
        );
        wins = bootstrapWins(a, b, pair.references);
      }
      const best = wins !== null && wins >= SIGNIFICANT ? 'ca' : 'es';
      pivotRows.push([
        name(direction),
        fmt(es.raw),
        fmt(es.full),
        fmt(ca?.raw ?? null),
        fmt(ca?.full ?? null),
        wins === null ? '—' : `${(wins * 100).toFixed(1)} %`,
        best,
        configured.pivot(direction) ?? '—',
      ]);
    }
    table(
      `Pivot per direction: chrF on the development set (${dev.length} sentences), raw Apertium and Roundtable's pipeline; Catalan is chosen where it scores higher in ≥ ${SIGNIFICANT * 100} % of 1000 paired bootstrap resamples${catalan ? '' : ' (Catalan pairs not installed: apt-get install apertium-eng-cat apertium-fra-cat)'}`,
      [
        'direction',
        'via es: raw',
        'via es: ours',
        'via ca: raw',
        'via ca: ours',
        'ca ahead in',
        'chosen',
        'configured (TRANSLATION_PIVOTS)',
      ],
      pivotRows,
    );

    // 2. each step, per direction, with the configured pivots
    const rows: Array<Array<string | number>> = [];
    for (const direction of DIRECTIONS) {
      const s = await steps(configured, pairOf(dev, direction), direction, glossary, none);
      const baseline =
        direction[0] !== 'es' && direction[1] !== 'es'
          ? await score(pairOf(dev, direction), (x) => viaSpanish.raw(x, ...direction))
          : s.raw;
      rows.push([
        name(direction),
        configured.pivot(direction) ?? 'direct',
        fmt(baseline),
        fmt(s.raw),
        fmt(s.repaired),
        fmt(s.handled),
        fmt(s.full),
        gain(s.full, baseline),
      ]);
    }
    const terms = dev.filter((s) =>
      (['en', 'fr', 'es'] as const).some((l) => glossary.find([text(s[l])], l).length > 0),
    ).length;
    table(
      `Development set: chrF2 per direction (${dev.length} sentences; glossary of ${glossary.size} terms, met in ${terms} of them; no translation memory)`,
      [
        'direction',
        'pivot',
        'raw via es',
        'raw (pivot)',
        '+ pivot words',
        '+ text handling',
        'ours (+ glossary)',
        'gain',
      ],
      rows,
    );

    // 3. the Hub prompts
    const prompts = hubPrompts();
    const hubRows: Array<Array<string | number>> = [];
    for (const direction of DIRECTIONS) {
      const s = await steps(configured, pairOf(prompts, direction), direction, glossary, none);
      hubRows.push([name(direction), fmt(s.raw), fmt(s.handled), fmt(s.full), gain(s.full, s.raw)]);
    }
    table(
      `Hub prompts: chrF2 per direction (${prompts.length} prompts of ../shared/data/hub-roundtable1.json; the seeded glossary has entries written for them)`,
      ['direction', 'raw (pivot)', '+ text handling', 'ours (+ glossary)', 'gain'],
      hubRows,
    );
  } finally {
    for (const p of [viaSpanish, viaCatalan, configured]) p.stop();
    await db.destroy();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
