import { keep, normaliseSegment, Segment, text } from './segment';

/**
 * What must come out of translation exactly as it went in, most specific first. Each
 * rule returns the parts for one match (a Markdown link keeps its brackets and target
 * but has its label translated).
 */
interface Rule {
  pattern: RegExp;
  parts(match: RegExpExecArray, protect: (value: string) => Segment): Segment;
}

const whole = (m: RegExpExecArray): Segment => [keep(m[0])];

const RULES: Rule[] = [
  // `inline code`
  { pattern: /`[^`\n]+`/y, parts: whole },
  // [label](target "title") and ![alt](src): the label is prose, the rest is kept
  {
    pattern: /(!?\[)([^\]\n]{1,500})(\]\([^)\s]+(?:\s+"[^"\n]*")?\))/y,
    parts: (m, protect) => [keep(m[1]), ...protect(m[2]), keep(m[3])],
  },
  // <https://autolink>
  { pattern: /<(?:https?:\/\/|mailto:)[^>\s]+>/iy, parts: whole },
  // URLs, without the sentence punctuation that may follow them
  { pattern: /(?:https?:\/\/|www\.)[^\s<>()[\]{}"]*[^\s<>()[\]{}".,;:!?'»)]/iy, parts: whole },
  // e-mail addresses
  { pattern: /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/uy, parts: whole },
  // @mentions and #hashtags
  { pattern: /[@#][\p{L}\p{N}_][\p{L}\p{N}_.-]*[\p{L}\p{N}_]|[@#][\p{L}\p{N}_]/uy, parts: whole },
  // numbers: 2030, 1,234.5, 1.234,5, 3 000, 12%, 10:30, 2021-2023, 1/3
  { pattern: /[+-]?\d+(?:[.,:/\u00a0\u202f-]\d+)*(?:\s?%)?/y, parts: whole },
  // acronyms and codes: GCM, IOM, NGOs, COVID-19, SDG16
  { pattern: /\p{Lu}{2,}[\p{Lu}\p{N}]*(?:-[\p{Lu}\p{N}]+)*s?/uy, parts: whole },
  // Markdown emphasis and strike markers next to a word
  { pattern: /(?:\*{1,3}|_{1,3}|~~)/y, parts: whole },
];

/** Rules that only apply where a word does not continue on the left. */
const NEEDS_BOUNDARY_BEFORE = new Set([4, 5, 6, 7]);
/** Rules that must not run into a following letter or digit (e.g. `GCMfoo`, `2021abc`). */
const NEEDS_BOUNDARY_AFTER = new Set([5, 6, 7]);

const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * Splits one line of prose into translatable text and kept runs. Acronyms are not kept
 * in text written mostly in capitals (shouting is prose, not codes).
 */
export function protect(value: string): Segment {
  const letters = value.match(/\p{L}/gu)?.length ?? 0;
  const capitals = value.match(/\p{Lu}/gu)?.length ?? 0;
  const shouting = letters > 12 && capitals / letters > 0.5;
  const parts: Segment = [];
  let run = '';
  let i = 0;
  outer: while (i < value.length) {
    for (let r = 0; r < RULES.length; r++) {
      if (r === 7 && shouting) continue;
      const before = i > 0 ? value[i - 1] : '';
      if (NEEDS_BOUNDARY_BEFORE.has(r) && before && WORD_CHAR.test(before)) continue;
      const rule = RULES[r];
      rule.pattern.lastIndex = i;
      const m = rule.pattern.exec(value);
      if (!m || m[0].length === 0) continue;
      const after = value[i + m[0].length] ?? '';
      if (NEEDS_BOUNDARY_AFTER.has(r) && after && WORD_CHAR.test(after)) continue;
      if (r === 8 && !isEmphasisMarker(value, i, m[0].length)) continue;
      if (run) parts.push(text(run));
      run = '';
      parts.push(...rule.parts(m, protect));
      i += m[0].length;
      continue outer;
    }
    run += value[i];
    i += 1;
  }
  if (run) parts.push(text(run));
  return normaliseSegment(parts);
}

/** `**bold**` opens before a word or closes after one; `snake_case` and `2 * 3` are prose. */
function isEmphasisMarker(value: string, at: number, length: number): boolean {
  const before = at > 0 ? value[at - 1] : ' ';
  const after = value[at + length] ?? ' ';
  const opens = !WORD_CHAR.test(before) && /\S/.test(after) && after !== value[at];
  const closes = /\S/.test(before) && !WORD_CHAR.test(after) && before !== value[at];
  return opens || closes;
}
