import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Language } from '@roundtable/core';
import { KeepPart, normaliseSegment, Segment, text } from '../text/segment';
import { ApertiumPipeline } from './apertium-pipeline';
import { Leg, TranslationError, TranslationProvider, UnsupportedPairError } from './translation-provider';

/** Mode names per direction, Debian's first (apertium-eng-spa names its modes eng-spa/spa-eng). */
const MODES: Record<string, string[]> = {
  'en-es': ['eng-spa', 'en-es'],
  'es-en': ['spa-eng', 'es-en'],
  'fr-es': ['fr-es', 'fra-spa'],
  'es-fr': ['es-fr', 'spa-fra'],
};
/** EN↔FR has no pair of its own: it goes through Spanish. */
const PIVOT: Language = 'es';

export const APERTIUM_INSTALL_HINT = 'apt-get install -y apertium apertium-eng-spa apertium-fr-es';

/** Apertium's stream format reserves these; in text they are escaped with a backslash. */
const RESERVED = /[\\[\]{}^$/@<>]/g;
const escapeStream = (value: string) => value.replace(RESERVED, '\\$&');

/**
 * The offline engine: Debian's Apertium with the EN-ES and FR-ES pairs, one warm
 * null-flush pipeline per mode ({@link ApertiumPipeline}). Kept parts travel as
 * superblanks (`[...]`), which Apertium passes through untouched and in order.
 */
export class ApertiumProvider implements TranslationProvider {
  readonly name = 'apertium';
  private readonly pipelines = new Map<string, ApertiumPipeline>();

  constructor(private readonly dataDir = '/usr/share/apertium') {}

  route(from: Language, to: Language): Leg[] {
    if (from === to) throw new UnsupportedPairError(this.name, from, to);
    if (MODES[`${from}-${to}`]) return [[from, to]];
    if (MODES[`${from}-${PIVOT}`] && MODES[`${PIVOT}-${to}`]) return [[from, PIVOT], [PIVOT, to]];
    throw new UnsupportedPairError(this.name, from, to);
  }

  /** Directions whose mode file is missing (empty when Apertium is complete). */
  missingModes(): string[] {
    return Object.keys(MODES).filter((pair) => !this.modeFile(pair));
  }

  /** Starts every pipeline now, so the first jobs do not wait for them. */
  warmUp(): void {
    for (const pair of Object.keys(MODES)) if (this.modeFile(pair)) this.pipeline(pair).warm();
  }

  async translate(segments: Segment[], from: Language, to: Language, signal: AbortSignal): Promise<Segment[]> {
    const pipeline = this.pipeline(`${from}-${to}`);
    return Promise.all(segments.map(async (segment) => decodeStream(await pipeline.translate(encodeStream(segment), signal), segment)));
  }

  stop(): void {
    for (const p of this.pipelines.values()) p.stop();
    this.pipelines.clear();
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

/** A segment in Apertium's stream format: escaped text, kept parts as superblanks. */
export function encodeStream(segment: Segment): string {
  return segment.map((p) => (p.kind === 'keep' ? `[${escapeStream(p.text)}]` : escapeStream(p.text))).join('');
}

/**
 * Apertium's output back into parts: superblanks become the kept parts again (matched in
 * order), escapes are undone, and the marks an engine may leave on words it could not
 * translate or generate (`*`, `@`, `#`) are dropped.
 */
export function decodeStream(stream: string, source: Segment): Segment {
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
    if ((ch === '*' || ch === '@' || ch === '#') && /\p{L}/u.test(stream[i + 1] ?? '') && !/[\p{L}\p{N}]/u.test(stream[i - 1] ?? '')) continue;
    run += ch;
  }
  if (run) parts.push(text(run));
  for (const missing of keeps.slice(next)) parts.push(text(' '), missing);
  return normaliseSegment(parts);
}
