import type { AnalysedContribution, AnalysedSentence, Quote } from './theme.types';

const COURTESY = /\b(thank|thanks|merci|gracias)\b/i;
/** At most this many sentences of a theme are compared with one another. */
const CENTRE_SAMPLE = 120;
/** Openings that carry no content, in EN/FR/ES: dropped when a sentence is compressed. */
const OPENERS =
  /^(?:(?:in addition|additionally|furthermore|moreover|also|however|finally|firstly|secondly|lastly|indeed|in our view|in my view|for us|for instance|for example|in this context|en outre|de plus|par ailleurs|enfin|en effet|cependant|selon nous|además|asimismo|por otra parte|por último|finalmente|sin embargo|en nuestra opinión)\s*,?\s+|(?:we|i) (?:believe|think|feel|consider|would (?:like to )?(?:stress|emphasi[sz]e|say|add)) (?:that )?|(?:nous (?:pensons|croyons|estimons|considérons) qu[e'’]\s*)|(?:(?:creemos|pensamos|consideramos|estimamos) que ))/iu;

/** Calls for action in English, French and Spanish. */
const ACTION_CUES = [
  /\b(?:should|must|ought to|(?<!(?:the|a|an|of) )needs? to|have to|has to|calls? (?:on|upon|for)|recommend(?:s|ed)?|we urge|urges?|it is (?:essential|crucial|necessary|vital|urgent|important) (?:to|that))\b/i,
  /(?<!\p{L})(?:devr(?:ait|aient|ions|iez)|doi(?:t|vent)|devons|il faut|faudrait|il (?:est|sera) (?:nécessaire|essentiel|indispensable|urgent)|appel(?:le|lent|ons) (?:à|les|tous)|recommand(?:e|ent|ons)|exhort(?:e|ent|ons))(?!\p{L})/iu,
  /(?<!\p{L})(?:deber(?:ía|ían|íamos)|deben?|debemos|es (?:necesario|esencial|fundamental|urgente|preciso|imprescindible)|hay que|insta(?:mos|n)?|recomienda(?:mos|n)?|recomendamos|exhorta(?:mos|n)?|se necesita|tienen? que)(?!\p{L})/iu,
];

/** A footnote, a reference or a link list says nothing of a theme: "[3] ILO, 2021, Global Estimates…". */
export function quotable(text: string): boolean {
  const t = text.trim();
  if (/^(?:\[\d+\]|\(\d+\)|\d+[.)]?\s|https?:|www\.)/i.test(t) || /https?:\/\//.test(t)) return false;
  return (t.match(/\p{L}+/gu)?.length ?? 0) >= 6;
}

export function callsForAction(text: string): boolean {
  return ACTION_CUES.some((cue) => cue.test(text));
}

interface Candidate {
  contribution: AnalysedContribution;
  sentence: AnalysedSentence;
  stems: Set<string>;
}

/**
 * The sentence that says best what a theme is about: the one closest to all the others
 * of the theme (their stems weighted by how rare they are in the discussion), preferring
 * complete statements of reasonable length and sentences written in English (the
 * working language of drafts); compressed (empty openings and asides dropped), ending
 * on its own sentence boundary.
 */
export function centralSentence(
  own: Set<string>,
  members: AnalysedContribution[],
  weight: (stem: string) => number = () => 1,
): Quote | undefined {
  const candidates: Candidate[] = [];
  for (const c of members) {
    for (const s of c.sentences) {
      if (!s.keys.some((k) => own.has(k)) || !quotable(s.text)) continue;
      candidates.push({
        contribution: c,
        sentence: s,
        stems: new Set(s.keys.flatMap((k) => k.replace(/^[a-z]{2}:/, '').split(' '))),
      });
    }
  }
  // closeness to the others is measured against an even sample: a theme of a thousand sentences costs no more than one of a hundred
  const step = Math.max(1, Math.ceil(candidates.length / CENTRE_SAMPLE));
  const sample = candidates.filter((_, i) => i % step === 0);
  let best: { c: Candidate; score: number } | undefined;
  for (const c of sample) {
    let sum = 0;
    for (const o of sample) if (o !== c) sum += overlap(c.stems, o.stems, weight);
    const text = c.sentence.text;
    let score = sample.length > 1 ? sum / (sample.length - 1) : 0;
    score += /[.!…]["'”’»)]*$/.test(text) ? 0.15 : 0;
    score += text.length >= 50 && text.length <= 240 ? 0.15 : text.length > 320 ? -0.3 : 0;
    if (text.trim().endsWith('?')) score -= 0.5;
    if (COURTESY.test(text)) score -= 0.3;
    if (/^(?:for instance|for example|and|but|while|so|this|these|that|it)\b/i.test(text)) score -= 0.2;
    // machine translations read badly in a draft: a sentence written in English says the theme better
    if (c.contribution.language === 'en') score += 0.25;
    if (!best || score > best.score) best = { c, score };
  }
  if (!best) return undefined;
  return quoteOf(best.c.contribution, best.c.sentence, compress);
}

/**
 * The calls for action about a theme, one per author (the most specific), different
 * constituencies first. A call is about the theme when it names it, or when it names no
 * theme and follows a sentence of the same contribution that named this one ("Climate
 * change erodes our coast. Governments should fund relocation now.").
 */
export function themeCalls(
  own: Set<string>,
  members: AnalysedContribution[],
  allThemeKeys: Set<string>,
  limit: number,
): Quote[] {
  const byAuthor = new Map<string, { c: AnalysedContribution; s: AnalysedSentence }>();
  for (const c of members) {
    let onTheme = false;
    for (const s of c.sentences) {
      const named = s.keys.some((k) => own.has(k));
      const other = !named && s.keys.some((k) => allThemeKeys.has(k));
      const about = named || (onTheme && !other);
      if (named) onTheme = true;
      else if (other) onTheme = false;
      // a sentence ending in a colon announces its list ("… should address the following:"): the call is what follows, not it
      if (!about || !callsForAction(s.text) || s.text.length > 400 || !quotable(s.text) || /[:：]\s*$/.test(s.text))
        continue;
      const current = byAuthor.get(c.authorId);
      if (!current || callScore(s) > callScore(current.s)) byAuthor.set(c.authorId, { c, s });
    }
  }
  // English-written calls first: the draft's working language reads them as written
  const all = [...byAuthor.values()].sort((a, b) => Number(b.c.language === 'en') - Number(a.c.language === 'en'));
  const seen = new Set<string>();
  const ordered = [...all.filter((x) => !seen.has(x.c.constituency) && seen.add(x.c.constituency)), ...all];
  const out: Quote[] = [];
  for (const x of ordered) {
    if (out.length >= limit) break;
    if (out.some((q) => q.contributionId === x.c.id)) continue;
    out.push(quoteOf(x.c, x.s, (t) => t.trim()));
  }
  return out;
}

/** The themes a call names, and a readable length. */
function callScore(s: AnalysedSentence): number {
  return s.keys.length + (s.text.length <= 250 ? 2 : 0);
}

function quoteOf(c: AnalysedContribution, s: AnalysedSentence, shape: (text: string) => string): Quote {
  return {
    contributionId: c.id,
    text: shape(s.text),
    language: c.language,
    authorName: c.authorName,
    organisation: c.organisation,
    constituency: c.constituency,
    ...(s.english ? { english: shape(s.english) } : {}),
  };
}

/** Drops empty openings and bracketed asides; keeps the sentence whole. */
export function compress(text: string): string {
  let t = text.trim().replace(/\s*\([^)]{0,120}\)/g, '');
  for (let i = 0; i < 2; i += 1) t = t.replace(OPENERS, '');
  t = t.replace(/\s+([,.;:])/g, '$1').trim();
  return t ? t[0].toUpperCase() + t.slice(1) : text.trim();
}

/** Weighted Jaccard of two stem sets. */
function overlap(a: Set<string>, b: Set<string>, weight: (stem: string) => number): number {
  let both = 0;
  let either = 0;
  for (const x of a) {
    either += weight(x);
    if (b.has(x)) both += weight(x);
  }
  for (const x of b) if (!a.has(x)) either += weight(x);
  return either === 0 ? 0 : both / either;
}
