import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fill, LANGUAGES, languageFromAcceptLanguage } from '@roundtable/core';

const ROOT = join(__dirname, '..', '..');

/** Every `*-messages.ts` under libs/ and apps/ (the web app words its own texts). */
function catalogueFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'dist' || path.includes(join('apps', 'web'))) return [];
    if (statSync(path).isDirectory()) return catalogueFiles(path);
    return name.endsWith('-messages.ts') ? [path] : [];
  });
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogues', () => {
  const files = [...catalogueFiles(join(ROOT, 'libs')), ...catalogueFiles(join(ROOT, 'apps'))];
  const entries = files.flatMap((file) => {
    const exported = require(file) as Record<string, unknown>;
    return Object.entries(exported)
      .filter(([, value]) => value && typeof value === 'object')
      .flatMap(([name, catalogue]) =>
        Object.entries(catalogue as Record<string, Record<string, unknown>>).map(
          ([key, text]) => [`${relative(ROOT, file)} ${name}.${key}`, text] as const,
        ),
      );
  });

  it('finds the catalogues of every library that refuses requests', () => {
    for (const lib of ['core', 'identity', 'spaces', 'contributions', 'moderation', 'digests', 'stocktaking'])
      expect(files.some((f) => f.includes(join('libs', lib, 'src')))).toBe(true);
    expect(entries.length).toBeGreaterThan(150);
  });

  it('gives every message in English, French and Spanish, with the same placeholders, translated', () => {
    const problems: string[] = [];
    for (const [where, text] of entries) {
      const languages = Object.keys(text).sort();
      if (languages.join() !== [...LANGUAGES].sort().join()) {
        problems.push(`${where}: has ${languages.join(', ')}`);
        continue;
      }
      for (const language of LANGUAGES) {
        const value = text[language];
        if (typeof value !== 'string' || !value.trim()) problems.push(`${where}.${language} is empty`);
      }
      const en = text.en as string;
      for (const language of ['fr', 'es'] as const) {
        if (placeholders(text[language] as string).join() !== placeholders(en).join())
          problems.push(`${where}.${language} has other placeholders than en`);
        // a text of placeholders and punctuation only ('{field}: {message}') has no words to translate
        const words = /\p{L}/u.test(en.replace(/\{\w+\}/g, ''));
        if (words && text[language] === en) problems.push(`${where}.${language} is the English text`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('fills placeholders in each language, words in their own language and numbers as each language writes them', () => {
    const text = { en: '{what}: at most {n}', fr: '{what} : au plus {n}', es: '{what}: como máximo {n}' } as const;
    const what = { en: 'Items', fr: 'Éléments', es: 'Elementos' };
    expect(fill(text, { what, n: 20000 })).toEqual({
      en: 'Items: at most 20,000',
      fr: 'Éléments : au plus 20\u202f000',
      es: 'Elementos: como máximo 20.000',
    });
  });
});

describe('Accept-Language', () => {
  it.each([
    ['fr', 'fr'],
    ['fr-CA,fr;q=0.9,en;q=0.8', 'fr'],
    ['de-DE, es;q=0.5, en;q=0.4', 'es'],
    ['en;q=0.2, ES;q=0.7', 'es'],
    ['es;q=0, fr;q=0.1', 'fr'],
    ['*', undefined],
    ['de, it;q=0.9', undefined],
    ['fr;q=0', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('%s names %s', (header, language) => {
    expect(languageFromAcceptLanguage(header)).toBe(language);
  });
});
