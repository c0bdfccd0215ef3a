import type { Language } from '@roundtable/core';

/** A message, or its plural forms (chosen with `Intl.PluralRules`: French says "1 contribution", "0 contribution"). */
export type Message = string | { one: string; other: string };

/** The fixed wording of a template in one language; `{name}` marks a placeholder. */
export type Catalogue = Record<string, Message>;

export type Catalogues = Record<Language, Catalogue>;

const pluralRules = new Map<string, Intl.PluralRules>();
/** A message split at its placeholders once: odd entries are names, even ones literal text. */
const compiled = new WeakMap<Catalogue, Map<string, string[]>>();

function parts(catalogue: Catalogue, text: string): string[] {
  let cache = compiled.get(catalogue);
  if (!cache) compiled.set(catalogue, (cache = new Map()));
  let split = cache.get(text);
  if (!split) cache.set(text, (split = text.split(/\{(\w+)\}/)));
  return split;
}

/**
 * The text of `key` in `lang` with its placeholders filled in. A `count` variable picks the
 * plural form. An unknown key or placeholder throws: a template must never go out with a
 * hole in it.
 */
export function translate(
  catalogues: Catalogues,
  lang: Language,
  key: string,
  vars: Record<string, unknown> = {},
): string {
  const catalogue = catalogues[lang];
  const message = catalogue?.[key];
  if (message === undefined) throw new Error(`no "${key}" in the ${lang} catalogue`);
  let text: string;
  if (typeof message === 'string') {
    text = message;
  } else {
    let rules = pluralRules.get(lang);
    if (!rules) pluralRules.set(lang, (rules = new Intl.PluralRules(lang)));
    text = rules.select(Number(vars.count ?? 0)) === 'one' ? message.one : message.other;
  }
  const split = parts(catalogue, text);
  if (split.length === 1) return text;
  let out = '';
  for (let i = 0; i < split.length; i += 1) {
    if (i % 2 === 0) {
      out += split[i];
    } else {
      if (!(split[i] in vars)) throw new Error(`"${key}" (${lang}) needs {${split[i]}}`);
      out += String(vars[split[i]]);
    }
  }
  return out;
}

/** Every catalogue must have the keys of the first; returns the differences (empty when complete). */
export function catalogueGaps(catalogues: Catalogues): string[] {
  const [reference, ...others] = Object.entries(catalogues) as Array<[Language, Catalogue]>;
  const gaps: string[] = [];
  for (const [lang, catalogue] of others) {
    for (const key of Object.keys(reference[1])) if (!(key in catalogue)) gaps.push(`${lang} lacks "${key}"`);
    for (const key of Object.keys(catalogue)) if (!(key in reference[1])) gaps.push(`${lang} has an extra "${key}"`);
  }
  return gaps;
}
