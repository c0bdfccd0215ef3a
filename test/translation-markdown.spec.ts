import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { loadConfig } from '@roundtable/core';
import type { Language } from '@roundtable/core';
import { ApertiumProvider, Glossary, TranslationEngine } from '@roundtable/translation';

const corpus: Record<Language, string[]> = JSON.parse(
  readFileSync(join(__dirname, 'fixtures', 'markdown-corpus.json'), 'utf8'),
);
const DIRECTIONS: Array<[Language, Language]> = [
  ['en', 'fr'],
  ['fr', 'en'],
  ['en', 'es'],
  ['es', 'en'],
  ['fr', 'es'],
  ['es', 'fr'],
];

/** Words of a pivot language that never belong in an English or French text (Spanish, Catalan). */
const PIVOT_WORDS: Record<Language, RegExp> = {
  en: /(?<![\p{L}])(?:el|los|las|del|para|pero|está|también|porque|escritorio|ventanilla|taquilla|ayuntamiento|ayto|els|amb|però|perquè|aquest|finestreta)(?![\p{L}])/iu,
  fr: /(?<![\p{L}])(?:el|los|las|del|para|pero|está|también|porque|escritorio|ventanilla|taquilla|ayuntamiento|ayto|els|amb|però|perquè|aquest|finestreta)(?![\p{L}])/iu,
  es: /(?!)/,
};

const md = new MarkdownIt({ html: false, linkify: false });

/** What a reader's Markdown renderer makes of a text, without the words: blocks, inline markup, link targets, code. */
function structure(value: string): {
  blocks: string[];
  inline: string[];
  links: string[];
  code: string[];
  emptyMarkup: number;
} {
  const tokens = md.parse(value, {});
  const inline = tokens.filter((t) => t.type === 'inline').flatMap((t) => t.children ?? []);
  let emptyMarkup = 0;
  inline.forEach((t, i) => {
    if (t.type.endsWith('_open') && inline[i + 1]?.type.endsWith('_close')) emptyMarkup += 1;
  });
  return {
    blocks: tokens.filter((t) => t.type !== 'inline').map((t) => `${t.type}${t.markup ? ` ${t.markup}` : ''}`),
    inline: inline.filter((t) => t.type !== 'text' && t.type !== 'softbreak').map((t) => `${t.type} ${t.markup}`),
    links: inline.filter((t) => t.type === 'link_open').map((t) => String(t.attrGet('href') ?? '')),
    code: [...tokens, ...inline].filter((t) => t.type === 'fence' || t.type === 'code_inline').map((t) => t.content),
    emptyMarkup,
  };
}

/** The words a reader reads: the text of the rendered Markdown, code aside. */
function words(value: string): string {
  return md
    .parse(value, {})
    .filter((t) => t.type === 'inline')
    .flatMap((t) => t.children ?? [])
    .filter((t) => t.type === 'text')
    .map((t) => t.content)
    .join(' ');
}

/**
 * Markdown through the real Apertium engine in all six directions (a corpus written for
 * this test): the structure a reader's renderer sees survives (blocks, lists, quotes,
 * headings, emphasis, links and their targets, code), no engine mark (`*`, `#`, `@` on a
 * word) and no word of the pivot language reaches the reader, and emphasis still wraps words.
 */
describe('translation keeps Markdown and leaks nothing of the engine', () => {
  const apertium = new ApertiumProvider(process.env.APERTIUM_DATA_DIR ?? '/usr/share/apertium');
  const engine = new TranslationEngine(apertium, null as never, loadConfig());
  const glossary = new Glossary([
    { id: 'g1', en: 'migrants', fr: 'migrants', es: 'migrantes' },
    { id: 'g2', en: 'local authorities', fr: 'autorités locales', es: 'autoridades locales' },
  ]);
  afterAll(() => apertium.stop());

  it.each(DIRECTIONS)(
    '%s → %s',
    async (from, to) => {
      const problems: string[] = [];
      for (const source of corpus[from]) {
        const out = await engine.translate(source, from, to, { glossary, memory: false });
        const [a, b] = [structure(source), structure(out)];
        const say = (what: string) => problems.push(`${what}\n  ${JSON.stringify(source)}\n  → ${JSON.stringify(out)}`);
        if (JSON.stringify(a.blocks) !== JSON.stringify(b.blocks))
          say(`blocks differ: ${a.blocks.join(',')} / ${b.blocks.join(',')}`);
        if (JSON.stringify(a.inline) !== JSON.stringify(b.inline))
          say(`inline markup differs: ${a.inline.join(',')} / ${b.inline.join(',')}`);
        if (JSON.stringify(a.links) !== JSON.stringify(b.links)) say('link targets differ');
        if (JSON.stringify(a.code) !== JSON.stringify(b.code)) say('code changed');
        if (b.emptyMarkup > 0) say('emphasis or a link wraps nothing');
        const read = words(out);
        if (/(?:^|[^\p{L}\p{N}])[*#@]\p{L}/u.test(read)) say('an engine mark reached the reader');
        if (/[*_~]{1,3}\p{L}|\p{L}[*_~]{2,3}(?:\s|$)/u.test(read)) say('literal Markdown markers reached the reader');
        const leak = PIVOT_WORDS[to].exec(read);
        if (leak) say(`a word of the pivot language reached the reader: ${leak[0]}`);
      }
      expect(problems).toEqual([]);
    },
    60_000,
  );
});
