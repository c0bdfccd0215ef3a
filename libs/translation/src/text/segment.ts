/**
 * A unit of text sent to a provider: runs of translatable text and runs kept as they are
 * (URLs, e-mail addresses, @mentions, numbers, acronyms, Markdown markers, glossary terms
 * already in the target language). Providers translate the text parts and return the
 * kept parts unchanged and in order.
 */
export type Part = TextPart | KeepPart;

export interface TextPart {
  kind: 'text';
  text: string;
}

export interface KeepPart {
  kind: 'keep';
  text: string;
  /** Set when the kept text is a glossary term: rewritten into each leg's target language. */
  termId?: string;
}

export type Segment = Part[];

export const text = (value: string): TextPart => ({ kind: 'text', text: value });
export const keep = (value: string, termId?: string): KeepPart =>
  termId ? { kind: 'keep', text: value, termId } : { kind: 'keep', text: value };

/** The segment as one string. */
export function segmentText(segment: Segment): string {
  return segment.map((p) => p.text).join('');
}

/** Letters (in any script) in the translatable parts. */
export function hasWords(segment: Segment): boolean {
  return segment.some((p) => p.kind === 'text' && /\p{L}/u.test(p.text));
}

/** Merges neighbouring text parts (providers and the glossary may split them). */
export function normaliseSegment(segment: Segment): Segment {
  const out: Segment = [];
  for (const part of segment) {
    if (part.text === '' && part.kind === 'text') continue;
    const last = out[out.length - 1];
    if (last && last.kind === 'text' && part.kind === 'text') out[out.length - 1] = text(last.text + part.text);
    else out.push(part);
  }
  return out;
}

/**
 * The segment as a string in which each kept part is one private-use character, so text
 * rules (typography) can run across parts without touching what is kept.
 */
export function withPlaceholders(segment: Segment): { value: string; restore(value: string): Segment } {
  const keeps: Part[] = [];
  const value = segment
    .map((p) => {
      if (p.kind === 'text') return p.text.replace(/[\uE000-\uF8FF]/g, '');
      keeps.push(p);
      return String.fromCharCode(0xe000 + keeps.length - 1);
    })
    .join('');
  return {
    value,
    restore(changed: string): Segment {
      const parts: Segment = [];
      let run = '';
      for (const ch of changed) {
        const code = ch.charCodeAt(0);
        if (code >= 0xe000 && code < 0xe000 + keeps.length) {
          if (run) parts.push(text(run));
          run = '';
          parts.push(keeps[code - 0xe000]);
        } else {
          run += ch;
        }
      }
      if (run) parts.push(text(run));
      return parts;
    },
  };
}
