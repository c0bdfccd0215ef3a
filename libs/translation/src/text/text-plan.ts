import { protect } from './protect';
import { hasWords, Segment, segmentText, withPlaceholders } from './segment';

/**
 * A text taken apart for translation: the pieces that stay as they are (line breaks,
 * Markdown line prefixes such as `- `, `> `, `## `, `1. `, code blocks, blank lines) and
 * the segments to translate, each at most `maxChars` long, cut on paragraph and then
 * sentence boundaries. {@link assemble} puts the translated segments back in place.
 */
export interface TextPlan {
  /** Literal strings, or the index of a segment in `segments`. */
  pieces: Array<string | number>;
  segments: Segment[];
}

const FENCE = /^\s*(```|~~~)/;
/** List bullets, ordered-list numbers, headings and block quotes at the start of a line. */
const LINE_PREFIX = /^(\s*(?:(?:[-*+]|\d{1,3}[.)]|#{1,6}|>)[ \t]+)*)/;
/** A sentence ends with . ! ? … (and closing quotes or brackets), then white space. */
const SENTENCE_END = /(?<=[.!?…]["'»”)\]]*)\s+(?=[\p{Lu}\p{N}¿¡"'«“([])/u;

export function planText(body: string, maxChars = 1500): TextPlan {
  const pieces: Array<string | number> = [];
  const segments: Segment[] = [];
  const lines = body.split(/(\r?\n)/);
  let inFence = false;
  for (const line of lines) {
    if (line === '\n' || line === '\r\n' || line === '') {
      if (line) pieces.push(line);
      continue;
    }
    if (FENCE.test(line)) {
      inFence = !inFence;
      pieces.push(line);
      continue;
    }
    if (inFence || !/\p{L}/u.test(line)) {
      pieces.push(line);
      continue;
    }
    const prefix = LINE_PREFIX.exec(line)?.[1] ?? '';
    const content = line.slice(prefix.length);
    const trailing = /\s*$/.exec(content)![0];
    const core = content.slice(0, content.length - trailing.length);
    if (prefix) pieces.push(prefix);
    for (const [i, chunk] of chunks(core, maxChars).entries()) {
      if (i > 0) pieces.push(chunk.gap);
      const segment = protect(chunk.text);
      if (hasWords(segment)) {
        pieces.push(segments.length);
        segments.push(segment);
      } else {
        pieces.push(chunk.text);
      }
    }
    if (trailing) pieces.push(trailing);
  }
  return { pieces, segments };
}

/**
 * The same plan with every segment cut into its sentences (the gaps between them kept as
 * they are): the unit a translation memory remembers and finds again in other texts.
 */
export function planSentences(plan: TextPlan): TextPlan {
  const pieces: Array<string | number> = [];
  const segments: Segment[] = [];
  for (const piece of plan.pieces) {
    if (typeof piece === 'string') {
      pieces.push(piece);
      continue;
    }
    for (const part of sentencesOf(plan.segments[piece])) {
      if (typeof part === 'string') pieces.push(part);
      else if (hasWords(part)) {
        pieces.push(segments.length);
        segments.push(part);
      } else pieces.push(segmentText(part));
    }
  }
  return { pieces, segments };
}

/** A segment's sentences, with the white space between them as strings. */
function sentencesOf(segment: Segment): Array<Segment | string> {
  const { value, restore } = withPlaceholders(segment);
  const out: Array<Segment | string> = [];
  let last = 0;
  for (const m of value.matchAll(new RegExp(SENTENCE_END.source, 'gu'))) {
    out.push(restore(value.slice(last, m.index)), m[0]);
    last = m.index! + m[0].length;
  }
  out.push(restore(value.slice(last)));
  return out;
}

/** Puts translated segments (strings, in order) back between the kept pieces. */
export function assemble(plan: TextPlan, translated: string[]): string {
  return plan.pieces.map((p) => (typeof p === 'number' ? translated[p] : p)).join('');
}

/** The segments of a plan as plain strings (what a provider would be sent). */
export function sourceSegments(plan: TextPlan): string[] {
  return plan.segments.map(segmentText);
}

/** Cuts a paragraph into runs of whole sentences of at most maxChars (a longer sentence is cut at spaces). */
function chunks(value: string, maxChars: number): Array<{ text: string; gap: string }> {
  if (value.length <= maxChars) return [{ text: value, gap: '' }];
  const sentences: Array<{ text: string; gap: string }> = [];
  let last = 0;
  let gap = '';
  for (const m of value.matchAll(new RegExp(SENTENCE_END.source, 'gu'))) {
    sentences.push({ text: value.slice(last, m.index), gap });
    gap = m[0];
    last = m.index! + m[0].length;
  }
  sentences.push({ text: value.slice(last), gap });
  const out: Array<{ text: string; gap: string }> = [];
  for (const s of sentences.flatMap((s) => cutLong(s, maxChars))) {
    const current = out[out.length - 1];
    if (current && current.text.length + s.gap.length + s.text.length <= maxChars) current.text += s.gap + s.text;
    else out.push({ ...s });
  }
  return out;
}

function cutLong(sentence: { text: string; gap: string }, maxChars: number): Array<{ text: string; gap: string }> {
  if (sentence.text.length <= maxChars) return [sentence];
  const out: Array<{ text: string; gap: string }> = [];
  let rest = sentence.text;
  let gap = sentence.gap;
  while (rest.length > maxChars) {
    let cut = rest.lastIndexOf(' ', maxChars);
    if (cut <= 0) cut = maxChars;
    out.push({ text: rest.slice(0, cut), gap });
    const spaces = /^\s*/.exec(rest.slice(cut))![0];
    gap = spaces;
    rest = rest.slice(cut + spaces.length);
  }
  out.push({ text: rest, gap });
  return out;
}
