import { Language, LANGUAGES } from '../languages';

/**
 * The platform language an `Accept-Language` header prefers: the one with the highest
 * q-value among en, fr and es (regional tags count for their language, `fr-CA` for `fr`;
 * the first listed wins a tie). `*`, other languages and `q=0` name none: undefined.
 */
export function languageFromAcceptLanguage(header: string | string[] | undefined): Language | undefined {
  if (!header) return undefined;
  let best: Language | undefined;
  let bestQ = 0;
  for (const range of (Array.isArray(header) ? header.join(',') : header).split(',')) {
    const [tag, ...params] = range.split(';');
    const language = tag.trim().toLowerCase().split('-')[0] as Language;
    if (!LANGUAGES.includes(language)) continue;
    const q = params.map((p) => p.trim().toLowerCase()).find((p) => p.startsWith('q='));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    if (!(weight > 0) || weight <= bestQ) continue;
    best = language;
    bestQ = weight;
  }
  return best;
}
