/**
 * `npm run bench -- translation-quality`: chrF of the question prompts of
 * ../shared/data/hub-roundtable1.json (each given in English, French and Spanish) in all
 * six directions, raw Apertium against Roundtable's translation (text handling and the
 * seeded glossary around the same engine). Prints a table; asserts nothing.
 */
import 'reflect-metadata';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions, loadConfig, migrateDatabase } from '@roundtable/core';
import type { Language } from '@roundtable/core';
import { ApertiumProvider, corpusChrf, Glossary, GlossaryService, Segment, segmentText, text, TranslationEngine } from '@roundtable/translation';
import { table } from './support';

const DIRECTIONS: Array<[Language, Language]> = [['en', 'es'], ['es', 'en'], ['fr', 'es'], ['es', 'fr'], ['en', 'fr'], ['fr', 'en']];
/** Raw Apertium as measured when the work was planned (`apertium -u -f txt`). */
const PLANNED_RAW: Record<string, number> = { 'en→es': 49.9, 'es→en': 47.6, 'fr→es': 46.5, 'es→fr': 48.6, 'en→fr': 41.9, 'fr→en': 37.3 };

function discussionFile(): string {
  const candidates = [process.env.HUB_DISCUSSION, join(__dirname, '..', '..', '..', 'shared', 'data', 'hub-roundtable1.json'), join(process.cwd(), '..', 'shared', 'data', 'hub-roundtable1.json')];
  const found = candidates.find((c) => c && existsSync(c));
  if (!found) throw new Error('hub-roundtable1.json not found: set HUB_DISCUSSION to its path');
  return found;
}

async function main(): Promise<void> {
  const prompts: Array<Record<Language, string>> = JSON.parse(readFileSync(discussionFile(), 'utf8')).spaces.map((s: any) => s.prompt);
  const config = loadConfig();
  await migrateDatabase(config);
  const db = await new DataSource({ ...dataSourceOptions(config), extra: { max: 2 } }).initialize();
  const apertium = new ApertiumProvider(config.APERTIUM_DATA_DIR);
  try {
    const glossaries = new GlossaryService(db);
    const engine = new TranslationEngine(apertium, glossaries, config);
    const glossary = await glossaries.current();
    const none = new Glossary([]);
    const raw = async (value: string, from: Language, to: Language) => {
      let segments: Segment[] = [[text(value)]];
      for (const [a, b] of apertium.route(from, to)) segments = await apertium.translate(segments, a, b, AbortSignal.timeout(30_000));
      return segmentText(segments[0]).trim();
    };
    const rows: Array<Array<string | number>> = [];
    let allUp = true;
    for (const [from, to] of DIRECTIONS) {
      const refs = prompts.map((p) => p[to]);
      const score = async (translate: (s: string) => Promise<string>) => corpusChrf(await Promise.all(prompts.map((p) => translate(p[from]))), refs);
      const r = await score((s) => raw(s, from, to));
      const handled = await score((s) => engine.translate(s, from, to, { glossary: none }));
      const ours = await score((s) => engine.translate(s, from, to, { glossary }));
      allUp &&= ours > r;
      const name = `${from}→${to}`;
      rows.push([name, PLANNED_RAW[name].toFixed(1), r.toFixed(1), handled.toFixed(1), ours.toFixed(1), `${ours - r >= 0 ? '+' : ''}${(ours - r).toFixed(1)}`]);
    }
    table(
      `chrF (sacreBLEU default: chrF2, character 6-grams, white space removed; corpus of ${prompts.length} prompts), glossary of ${glossary.size} terms`,
      ['direction', 'raw (planned)', 'raw (here)', 'text handling', 'ours (handling + glossary)', 'gain'],
      rows,
    );
    console.log(allUp ? '\nEvery direction is above raw Apertium.' : '\nSome direction is NOT above raw Apertium.');
  } finally {
    apertium.stop();
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
