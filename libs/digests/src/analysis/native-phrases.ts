import type { Language } from '@roundtable/core';
import type { KeyPhrase } from './theme.types';

// neither package ships types: a JSON file of lists, and a stemmer factory
// eslint-disable-next-line @typescript-eslint/no-require-imports
const stopwords: Record<string, string[]> = require('stopwords-iso');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const snowball: { newStemmer(language: string): { stem(word: string): string } } = require('snowball-stemmers');

const STEMMERS = {
  en: snowball.newStemmer('english'),
  fr: snowball.newStemmer('french'),
  es: snowball.newStemmer('spanish'),
};
const STOPWORDS: Record<Language, Set<string>> = {
  en: new Set(stopwords.en),
  fr: new Set(stopwords.fr),
  es: new Set(stopwords.es),
};

/**
 * Language-aware key phrases without a tagger, for French and Spanish text that has no
 * English side (the translation engine was unavailable): runs of words that are not
 * stopwords of the language, as 2–3 word phrases, keyed by Snowball stems and prefixed
 * with the language (they only meet phrases of the same language).
 */
export function nativePhrases(text: string, language: Language): KeyPhrase[] {
  const found = new Map<string, string>();
  const words = text.toLowerCase().match(/[\p{L}][\p{L}'’-]*/gu) ?? [];
  let run: string[] = [];
  const flush = () => {
    for (let len = 2; len <= 3; len += 1) {
      for (let i = 0; i + len <= run.length; i += 1) {
        const phrase = run.slice(i, i + len);
        const stems = [...new Set(phrase.map((w) => STEMMERS[language].stem(w)))].sort();
        if (stems.length < 2) continue;
        const key = `${language}:${stems.join(' ')}`;
        if (!found.has(key)) found.set(key, phrase.join(' '));
      }
    }
    run = [];
  };
  for (const raw of words) {
    const word = raw.replace(/^[ldjmnstc]['’]/, '');
    if (word.length < 3 || STOPWORDS[language].has(word) || STOPWORDS[language].has(raw)) flush();
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
    const count = words.filter((w) => STOPWORDS[language].has(w)).length;
    if (count > bestCount) {
      best = language;
      bestCount = count;
    }
  }
  return best;
}

/** Snowball stems of every word of a text in one language (for names a theme must not be). */
export function nativeStems(text: string, language: Language): string[] {
  const words = text.toLowerCase().match(/[\p{L}][\p{L}'’-]*/gu) ?? [];
  return words.map((raw) => STEMMERS[language].stem(raw.replace(/^[ldjmnstc]['’]/, '')));
}

/** Snowball stems of a text's content words in one language (no stopwords, no short words): what an objective's focus area is made of. */
export function contentStems(text: string, language: Language): Set<string> {
  const out = new Set<string>();
  for (const raw of text.toLowerCase().match(/[\p{L}][\p{L}'’-]*/gu) ?? []) {
    const word = raw.replace(/^[ldjmnstc]['’]/, '');
    if (word.length < 4 || STOPWORDS[language].has(word) || STOPWORDS[language].has(raw)) continue;
    out.add(STEMMERS[language].stem(word));
  }
  return out;
}
