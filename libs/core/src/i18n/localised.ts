import { Language, LANGUAGES } from '../languages';

/** A sentence in each of the platform's languages: leaving one out is a type error. */
export type Localised = Readonly<Record<Language, string>>;

/** What fills a `{placeholder}`: a value (an id, a number, a field name) or words, themselves in each language. */
export type MessageParam = string | number | Localised;

/** The `{names}` a text holds: `'until {until}'` → `'until'`. */
type Placeholders<S> = S extends `${string}{${infer Name}}${infer Rest}` ? Name | Placeholders<Rest> : never;

/** The parameters a message needs, named by the placeholders of its English text. */
export type ParamsOf<T extends Localised> = Record<Placeholders<T['en']>, MessageParam>;

/**
 * Declares a catalogue of messages, each `{ en, fr, es }` with the same `{placeholders}`.
 * The texts keep their literal types, so {@link fill} is told which parameters a message needs.
 * Catalogues live in files named `*-messages.ts`; test/unit/messages.spec.ts checks every one.
 */
export function messages<const T extends Record<string, Localised>>(catalogue: T): T {
  return catalogue;
}

/**
 * A message with its placeholders filled in every language: words given as {@link Localised}
 * are taken in the same language, numbers are written the way that language writes them.
 */
export function fill<T extends Localised>(text: T, params: ParamsOf<T>): Localised {
  const values = params as Record<string, MessageParam>;
  const filled = {} as Record<Language, string>;
  for (const language of LANGUAGES) {
    filled[language] = text[language].replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = values[name];
      if (value === undefined) return whole;
      if (typeof value === 'number') return value.toLocaleString(language);
      return typeof value === 'string' ? value : value[language];
    });
  }
  return filled;
}

/** The same words in every language: a value that is not translated (an id, a field name). */
export function untranslated(text: string): Localised {
  return { en: text, fr: text, es: text };
}

/** Words listed in each language: `[open, archived]` → `open, archived` / `ouvert, archivé`. */
export function listed(words: readonly Localised[]): Localised {
  const out = {} as Record<Language, string>;
  for (const language of LANGUAGES) out[language] = words.map((w) => w[language]).join(', ');
  return out;
}
