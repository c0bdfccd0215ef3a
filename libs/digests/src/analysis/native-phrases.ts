import type { Language } from '@roundtable/core';
import type { KeyPhrase } from './theme.types';

interface Lexicon {
  stemmers: Record<Language, { stem(word: string): string }>;
  stopwords: Record<Language, Set<string>>;
}

let lexicon: Lexicon | undefined;

/** Snowball stemmers and stopword lists for EN/FR/ES, loaded on first use (about 1 MB of code and lists the api rarely needs). */
function loaded(): Lexicon {
  if (lexicon) return lexicon;
  // neither package ships types: a JSON file of lists, and a stemmer factory
  const stopwords: Record<string, string[]> = require('stopwords-iso');
  const snowball: { newStemmer(language: string): { stem(word: string): string } } = require('snowball-stemmers');
  lexicon = {
    stemmers: {
      en: snowball.newStemmer('english'),
      fr: snowball.newStemmer('french'),
      es: snowball.newStemmer('spanish'),
    },
    stopwords: { en: new Set(stopwords.en), fr: new Set(stopwords.fr), es: new Set(stopwords.es) },
  };
  return lexicon;
}

/**
 * Language-aware key phrases without a tagger, for French and Spanish text that has no
 * English side (the translation engine was unavailable): runs of words that are not
 * stopwords of the language, as 2–3 word phrases, keyed by Snowball stems and prefixed
 * with the language (they only meet phrases of the same language).
 */
export function nativePhrases(text: string, language: Language): KeyPhrase[] {
  const stemmer = loaded().stemmers[language];
  const stopwords = loaded().stopwords[language];
  const found = new Map<string, string>();
  const words = text.toLowerCase().match(/[\p{L}][\p{L}'’-]*/gu) ?? [];
  let run: string[] = [];
  const flush = () => {
    for (let len = 2; len <= 3; len += 1) {
      for (let i = 0; i + len <= run.length; i += 1) {
        const phrase = run.slice(i, i + len);
        const stems = [...new Set(phrase.map((w) => stemmer.stem(w)))].sort();
        if (stems.length < 2) continue;
        const key = `${language}:${stems.join(' ')}`;
        if (!found.has(key)) found.set(key, phrase.join(' '));
      }
    }
    run = [];
  };
  for (const raw of words) {
    const word = raw.replace(/^[ldjmnstc]['’]/, '');
    if (word.length < 3 || stopwords.has(word) || stopwords.has(raw)) flush();
    else run.push(word);
  }
  flush();
  return [...found].map(([key, label]) => ({ key, label }));
}

/** The most likely of en/fr/es for a text with no declared language: the one whose stopwords it uses most. */
export function guessLanguage(text: string): Language {
  const words = text.toLowerCase().match(/[\p{L}]+/gu) ?? [];
  let best: Language = 'en';
  let bestCount = -1;
  for (const language of ['en', 'fr', 'es'] as const) {
    const stopwords = loaded().stopwords[language];
    const count = words.filter((w) => stopwords.has(w)).length;
    if (count > bestCount) {
      best = language;
      bestCount = count;
    }
  }
  return best;
}

/** Snowball stems of every word of a text in one language (for names a theme must not be). */
export function nativeStems(text: string, language: Language): string[] {
  const stemmer = loaded().stemmers[language];
  const words = text.toLowerCase().match(/[\p{L}][\p{L}'’-]*/gu) ?? [];
  return words.map((raw) => stemmer.stem(raw.replace(/^[ldjmnstc]['’]/, '')));
}

/** Snowball stems of a text's content words in one language (no stopwords, no short words): what an objective's focus area is made of. */
export function contentStems(text: string, language: Language): Set<string> {
  const { stemmers, stopwords: lists } = loaded();
  const stopwords = lists[language];
  const out = new Set<string>();
  for (const raw of text.toLowerCase().match(/[\p{L}][\p{L}'’-]*/gu) ?? []) {
    const word = raw.replace(/^[ldjmnstc]['’]/, '');
    if (word.length < 4 || stopwords.has(word) || stopwords.has(raw)) continue;
    out.add(stemmers[language].stem(word));
  }
  return out;
}
