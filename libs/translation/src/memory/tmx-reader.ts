import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { LANGUAGES } from '@roundtable/core';
import type { Language } from '@roundtable/core';
import type { MemoryPair } from './translation-memory';

/** A TMX file that cannot be read, with the line (1-based) where the problem is. */
export class TmxError extends Error {
  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(`TMX line ${line}: ${reason}`);
  }
}

export interface TmxContent {
  /** Translation units read. */
  units: number;
  /** Every ordered pair of EN/FR/ES variants of every unit. */
  pairs: MemoryPair[];
  /** Languages met in the file that Roundtable does not translate (skipped). */
  skippedLanguages: string[];
}

interface Tuv {
  seg?: unknown;
  'xml:lang'?: string;
  lang?: string;
}

/**
 * Reads a TMX file (Translation Memory eXchange, 1.4) with fast-xml-parser: every
 * translation unit's English, French and Spanish variants (`xml:lang` en, en-GB, fr-CA,
 * es-419 … by their primary subtag), their segments as plain text (inline codes such as
 * `<bpt>`/`<ph>` dropped, `<hi>` text kept). Not well-formed XML, a file that is not TMX
 * or a unit without languages is refused with its line.
 */
export function readTmx(xml: string): TmxContent {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new TmxError(valid.err.line, `not well-formed XML: ${valid.err.msg}`);
  const doc = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    stopNodes: ['*.seg'],
    isArray: (name) => name === 'tu' || name === 'tuv',
    processEntities: true,
    parseTagValue: false,
  }).parse(xml);
  const tmx = doc?.tmx;
  if (!tmx || typeof tmx !== 'object')
    throw new TmxError(lineOf(xml, /<[A-Za-z]/g, 0), 'the root element must be <tmx>');
  if (!('body' in tmx)) throw new TmxError(lineOf(xml, /<tmx[\s>]/g, 0), '<tmx> has no <body>');
  const units: Array<{ tuv?: Tuv[] }> = Array.isArray(tmx.body?.tu) ? tmx.body.tu : [];
  const defaultLanguage: string | undefined = tmx.header?.srclang;
  const pairs: MemoryPair[] = [];
  const skipped = new Set<string>();
  units.forEach((unit, index) => {
    const variants = new Map<Language, string>();
    for (const tuv of unit.tuv ?? []) {
      const tag = tuv['xml:lang'] ?? tuv.lang ?? (unit.tuv!.length === 1 ? defaultLanguage : undefined);
      if (!tag) throw new TmxError(lineOf(xml, /<tu[\s>]/g, index), 'a <tuv> has no xml:lang');
      const language = tag.toLowerCase().split(/[-_]/)[0];
      if (!(LANGUAGES as readonly string[]).includes(language)) {
        skipped.add(tag);
        continue;
      }
      const text = segText(tuv.seg);
      if (text === null)
        throw new TmxError(lineOf(xml, /<tu[\s>]/g, index), `the <tuv xml:lang="${tag}"> has no <seg>`);
      if (text) variants.set(language as Language, text);
    }
    for (const [from, source] of variants) {
      for (const [to, target] of variants) if (from !== to) pairs.push({ from, to, source, target });
    }
  });
  return { units: units.length, pairs, skippedLanguages: [...skipped] };
}

/** A segment's text: inline codes dropped, other markup unwrapped, entities decoded. */
function segText(seg: unknown): string | null {
  if (seg === undefined || seg === null) return null;
  const raw = typeof seg === 'string' ? seg : typeof seg === 'number' ? String(seg) : '';
  return decodeEntities(
    raw
      .replace(/<(bpt|ept|ph|it|ut)\b[^>]*\/>/g, '')
      .replace(/<(bpt|ept|ph|it|ut)\b[^>]*>[\s\S]*?<\/\1>/g, '')
      .replace(/<\/?[A-Za-z][^>]*>/g, ''),
  )
    .replace(/\s+/g, ' ')
    .trim();
}

function decodeEntities(value: string): string {
  return value
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** The line of the n-th match of `pattern` in the text (1 when there is none). */
function lineOf(text: string, pattern: RegExp, n: number): number {
  let i = 0;
  for (const m of text.matchAll(pattern)) {
    if (i++ === n) return text.slice(0, m.index).split('\n').length;
  }
  return 1;
}
