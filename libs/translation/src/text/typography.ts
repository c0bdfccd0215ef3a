import type { Language } from '@roundtable/core';
import { normaliseSegment, Segment, text, withPlaceholders } from './segment';

/**
 * Spelling details engines get wrong or cannot read, fixed around any provider.
 * Source side: typographic ligatures and apostrophes that dictionaries do not know.
 * Target side: each language's punctuation (Spanish opens questions and exclamations
 * with ¿ ¡, French puts a no-break space before ? ! : ;, English and Spanish none),
 * and the doubled spaces engines leave where they moved words.
 */
export function normaliseSource(segment: Segment): Segment {
  return segment.map((p) =>
    p.kind === 'text'
      ? text(
          p.text
            .replace(/œ/g, 'oe')
            .replace(/Œ/g, 'Oe')
            .replace(/æ/g, 'ae')
            .replace(/[‘’ʼ]/g, "'")
            .replace(/\u00a0|\u202f/g, ' '),
        )
      : p,
  );
}

const NBSP = '\u00a0';
/** A kept part stands in the string as one private-use character. */
const PLACEHOLDER = '\uE000-\uF8FF';

export function finishTarget(segment: Segment, target: Language): Segment {
  const { value, restore } = withPlaceholders(segment);
  let out = value.replace(/ {2,}/g, ' ');
  if (target === 'fr') {
    out = out.replace(
      new RegExp(`([\\p{L}\\p{N}${PLACEHOLDER}»)\\]"'])[ ${NBSP}\u202f]?([?!:;])(?=\\s|$|[${PLACEHOLDER}])`, 'gu'),
      `$1${NBSP}$2`,
    );
  } else {
    out = out.replace(
      new RegExp(`([\\p{L}\\p{N}${PLACEHOLDER}»)\\]"'])[ ${NBSP}\u202f]+([?!:;])(?=\\s|$|[${PLACEHOLDER}])`, 'gu'),
      '$1$2',
    );
  }
  if (target === 'es') out = openSpanishMarks(out);
  else out = out.replace(/[¿¡]\s?/g, '');
  return normaliseSegment(restore(out.trim()));
}

const INTERROGATIVES = 'qué|cuál|cuáles|cómo|dónde|adónde|cuándo|quién|quiénes|cuánto|cuánta|cuántos|cuántas|por qué';
const INTRODUCED_QUESTION = new RegExp(`(?<=^[^,.;:]{2,80},\\s)(?:${INTERROGATIVES})(?![\\p{L}])`, 'iu');
const STARTS_AS_QUESTION = new RegExp(`^[\\s"'«“([]*(?:${INTERROGATIVES})(?![\\p{L}])`, 'iu');

/** Adds ¿ / ¡ at the start of each sentence that ends with ? / ! and lacks them. */
function openSpanishMarks(value: string): string {
  const sentences = value.split(/(?<=[.!?…]["'»”)]*\s+)/u);
  return sentences
    .map((s) => {
      const end = /([?!])["'»”)]*\s*$/u.exec(s)?.[1];
      if (!end) return s;
      const opener = end === '?' ? '¿' : '¡';
      if (s.includes(opener)) return s;
      // "En su opinión, ¿qué…?": the question opens at its interrogative word, after an introductory phrase
      const inner = opener === '¿' ? INTRODUCED_QUESTION.exec(s) : null;
      if (inner && !STARTS_AS_QUESTION.test(s)) return s.slice(0, inner.index) + opener + s.slice(inner.index);
      const lead = /^[\s"'«“([]*/u.exec(s)![0];
      return lead + opener + s.slice(lead.length);
    })
    .join('');
}
