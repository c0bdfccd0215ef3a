import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Language } from '@roundtable/core';
import { KeepPart, normaliseSegment, Segment, text } from '../text/segment';
import { ApertiumPipeline } from './apertium-pipeline';
import {
  EngineLanguage,
  Leg,
  LegContext,
  TranslationError,
  TranslationProvider,
  UnsupportedPairError,
} from './translation-provider';

/** Mode names per direction, Debian's first (apertium-eng-spa names its modes eng-spa/spa-eng). */
const MODES: Record<string, string[]> = {
  'en-es': ['eng-spa', 'en-es'],
  'es-en': ['spa-eng', 'es-en'],
  'fr-es': ['fr-es', 'fra-spa'],
  'es-fr': ['es-fr', 'spa-fra'],
  // apertium-eng-cat and apertium-fra-cat: EN↔FR through Catalan
  'en-ca': ['eng-cat', 'en-ca'],
  'ca-en': ['cat-eng', 'ca-en'],
  'fr-ca': ['fra-cat', 'fr-ca'],
  'ca-fr': ['cat-fra', 'ca-fr'],
};
/** The directions every installation needs (EN-ES and FR-ES); the Catalan pairs are optional. */
const REQUIRED = ['en-es', 'es-en', 'fr-es', 'es-fr'];

/**
 * Which language EN→FR and FR→EN go through, chosen by measurement on the development set
 * (`npm run bench -- translation-quality`): FR→EN is clearly better through Spanish;
 * EN→FR scores 1.5 chrF higher through Catalan, but in fewer than 90 % of bootstrap resamples,
 * for about 1 GB more memory and twice the cold start, so Spanish stays the default.
 * TRANSLATION_PIVOTS changes it (`en-fr:ca`).
 */
export type ApertiumPivots = Partial<Record<'en-fr' | 'fr-en', EngineLanguage>>;
export const DEFAULT_PIVOTS: Required<ApertiumPivots> = { 'en-fr': 'es', 'fr-en': 'es' };

/** `en-fr:ca,fr-en:es` (TRANSLATION_PIVOTS) as pivots. */
export function parsePivots(value: string): ApertiumPivots {
  const pivots: ApertiumPivots = {};
  for (const item of value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [direction, pivot] = item.split(':') as ['en-fr' | 'fr-en', EngineLanguage];
    pivots[direction] = pivot;
  }
  return pivots;
}
/** Used when the chosen pivot's pairs are not installed. */
const FALLBACK_PIVOT: EngineLanguage = 'es';

export const APERTIUM_INSTALL_HINT =
  'apt-get install -y apertium apertium-eng-spa apertium-fr-es apertium-eng-cat apertium-fra-cat';

/** Apertium's stream format reserves these; in text they are escaped with a backslash. */
const RESERVED = /[\\[\]{}^$/@<>]/g;
const escapeStream = (value: string) => value.replace(RESERVED, '\\$&');
const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The offline engine: Debian's Apertium with the EN-ES and FR-ES pairs (and, when
 * installed, EN-CA and FR-CA), one warm null-flush pipeline per mode
 * ({@link ApertiumPipeline}). Kept parts travel as superblanks (`[...]`), which Apertium
 * passes through untouched and in order. EN↔FR goes through a pivot per direction.
 *
 * On a leg out of the pivot, a word the engine could not translate is a word of the pivot
 * language (Spanish "escritorio" in a French text): it is replaced by its translation back
 * into the language the author wrote in, never shown as it is.
 */
export class ApertiumProvider implements TranslationProvider {
  readonly name = 'apertium';
  private readonly pipelines = new Map<string, ApertiumPipeline>();
  private readonly pivots: Required<ApertiumPivots>;

  constructor(
    private readonly dataDir = '/usr/share/apertium',
    pivots: ApertiumPivots = {},
  ) {
    this.pivots = { ...DEFAULT_PIVOTS, ...pivots };
  }

  route(from: Language, to: Language): Leg[] {
    if (from === to) throw new UnsupportedPairError(this.name, from, to);
    if (MODES[`${from}-${to}`]) return [[from, to]];
    const chosen = this.pivots[`${from}-${to}` as keyof ApertiumPivots] ?? FALLBACK_PIVOT;
    for (const pivot of [chosen, FALLBACK_PIVOT]) {
      if (this.modeFile(`${from}-${pivot}`) && this.modeFile(`${pivot}-${to}`))
        return [
          [from, pivot],
          [pivot, to],
        ];
    }
    if (MODES[`${from}-${FALLBACK_PIVOT}`] && MODES[`${FALLBACK_PIVOT}-${to}`])
      return [
        [from, FALLBACK_PIVOT],
        [FALLBACK_PIVOT, to],
      ];
    throw new UnsupportedPairError(this.name, from, to);
  }

  /** The pivot each direction without a pair of its own goes through here. */
  pivotOf(from: Language, to: Language): EngineLanguage | null {
    const legs = this.route(from, to);
    return legs.length > 1 ? legs[0][1] : null;
  }

  /** Directions whose configured pivot is not installed (they go through Spanish). */
  pivotFallbacks(): string[] {
    return (Object.keys(this.pivots) as Array<keyof ApertiumPivots>).filter((d) => {
      const [from, to] = d.split('-') as [Language, Language];
      return this.pivotOf(from, to) !== this.pivots[d];
    });
  }

  /** Directions whose mode file is missing (empty when Apertium is complete). */
  missingModes(): string[] {
    return REQUIRED.filter((pair) => !this.modeFile(pair));
  }

  /** Starts every pipeline the six directions use now, so the first jobs do not wait for them. */
  warmUp(): void {
    const languages: Language[] = ['en', 'fr', 'es'];
    const pairs = new Set<string>();
    for (const from of languages) {
      for (const to of languages) {
        if (from === to) continue;
        // (the pipelines that translate a pivot word back start when one is first met)
        for (const [a, b] of this.route(from, to)) pairs.add(`${a}-${b}`);
      }
    }
    for (const pair of pairs) if (this.modeFile(pair)) this.pipeline(pair).warm();
  }

  async translate(
    segments: Segment[],
    from: EngineLanguage,
    to: EngineLanguage,
    signal: AbortSignal,
    context: LegContext = {},
  ): Promise<Segment[]> {
    const pipeline = this.pipeline(`${from}-${to}`);
    const unknown = new Set<string>();
    const out = await Promise.all(
      segments.map(async (segment) =>
        decodeStream(await pipeline.translate(encodeStream(segment), signal), segment, unknown),
      ),
    );
    const back = context.writtenIn && context.writtenIn !== from ? context.writtenIn : null;
    if (!back || unknown.size === 0 || !this.modeFile(`${from}-${back}`)) return out;
    return this.replacePivotWords(out, [...unknown], from, back, signal);
  }

  stop(): void {
    for (const p of this.pipelines.values()) p.stop();
    this.pipelines.clear();
  }

  /** Pivot-language words the leg could not translate, replaced by their translation into the author's language. */
  private async replacePivotWords(
    segments: Segment[],
    words: string[],
    pivot: EngineLanguage,
    writtenIn: Language,
    signal: AbortSignal,
  ): Promise<Segment[]> {
    const pipeline = this.pipeline(`${pivot}-${writtenIn}`);
    const replacements = new Map<string, string>();
    await Promise.all(
      words.map(async (word) => {
        const [translated] = decodeStream(await pipeline.translate(escapeStream(word), signal), []).map((p) =>
          p.text.trim(),
        );
        if (translated && translated !== word && /\p{L}/u.test(translated)) replacements.set(word, translated);
      }),
    );
    if (replacements.size === 0) return segments;
    const pattern = new RegExp(
      `(?<![\\p{L}\\p{N}])(?:${[...replacements.keys()]
        .sort((a, b) => b.length - a.length)
        .map(escapeRegExp)
        .join('|')})(?![\\p{L}\\p{N}])`,
      'gu',
    );
    const replace = (word: string) => followCase(word, replacements.get(word) ?? word);
    return segments.map((segment) =>
      segment.map((p) => (p.kind === 'text' ? text(p.text.replace(pattern, replace)) : p)),
    );
  }

  private pipeline(pair: string): ApertiumPipeline {
    let pipeline = this.pipelines.get(pair);
    if (!pipeline) {
      const file = this.modeFile(pair);
      if (!file) {
        throw new TranslationError(
          `Apertium cannot translate ${pair}: no ${MODES[pair]?.[0] ?? pair}.mode in ${join(this.dataDir, 'modes')} (install it with: ${APERTIUM_INSTALL_HINT})`,
          true,
        );
      }
      pipeline = new ApertiumPipeline(pair, file);
      this.pipelines.set(pair, pipeline);
    }
    return pipeline;
  }

  private modeFile(pair: string): string | undefined {
    return (MODES[pair] ?? []).map((mode) => join(this.dataDir, 'modes', `${mode}.mode`)).find((f) => existsSync(f));
  }
}

/** The replacement written in lower case where the word it replaces was (Apertium capitalises a word translated alone). */
function followCase(word: string, replacement: string): string {
  const lower = word[0] === word[0].toLocaleLowerCase() && word[0] !== word[0].toLocaleUpperCase();
  return lower ? replacement[0].toLocaleLowerCase() + replacement.slice(1) : replacement;
}

/** A segment in Apertium's stream format: escaped text, kept parts as superblanks. */
export function encodeStream(segment: Segment): string {
  return segment.map((p) => (p.kind === 'keep' ? `[${escapeStream(p.text)}]` : escapeStream(p.text))).join('');
}

/**
 * Apertium's output back into parts: superblanks become the kept parts again (matched in
 * order), escapes are undone, and the marks the engine leaves on words it could not
 * translate or generate (`*`, `@`, `#`) are dropped. Words marked unknown (`*`) or
 * missing from the bilingual dictionary (`@`) — still in the leg's source language — are
 * added to `unknown` when given.
 */
export function decodeStream(stream: string, source: Segment, unknown?: Set<string>): Segment {
  const keeps = source.filter((p): p is KeepPart => p.kind === 'keep');
  const parts: Segment = [];
  let run = '';
  let next = 0;
  for (let i = 0; i < stream.length; i++) {
    const ch = stream[i];
    if (ch === '\\' && i + 1 < stream.length) {
      run += stream[++i];
      continue;
    }
    if (ch === '[') {
      let blank = '';
      let j = i + 1;
      for (; j < stream.length && stream[j] !== ']'; j++) {
        if (stream[j] === '\\' && j + 1 < stream.length) j += 1;
        blank += stream[j];
      }
      i = j;
      if (blank === '') continue;
      const expected = keeps[next];
      if (expected && blank === expected.text) {
        if (run) parts.push(text(run));
        run = '';
        parts.push(expected);
        next += 1;
      } else {
        run += blank;
      }
      continue;
    }
    if (
      (ch === '*' || ch === '@' || ch === '#') &&
      /\p{L}/u.test(stream[i + 1] ?? '') &&
      !/[\p{L}\p{N}]/u.test(stream[i - 1] ?? '')
    ) {
      if (unknown && ch !== '#') {
        const word = /^[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/u.exec(stream.slice(i + 1))?.[0];
        if (word) unknown.add(word);
      }
      continue;
    }
    run += ch;
  }
  if (run) parts.push(text(run));
  for (const missing of keeps.slice(next)) parts.push(text(' '), missing);
  return normaliseSegment(parts);
}
