import { setMaxListeners } from 'node:events';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { AppConfig, Metrics } from '@roundtable/core';
import type { Language } from '@roundtable/core';
import { Glossary, GlossaryEntry, replaceRendering } from '../glossary/glossary';
import { GlossaryService } from '../glossary/glossary.service';
import { memoryKey, TranslationMemory } from '../memory/translation-memory';
import {
  EngineLanguage,
  Leg,
  TRANSLATION_PROVIDER,
  TranslationError,
  TranslationProvider,
} from '../providers/translation-provider';
import { inlinePairs, placePairs } from '../text/inline-pairs';
import { Segment, segmentText, text } from '../text/segment';
import { assemble, planSentences, planText } from '../text/text-plan';
import { finishTarget, normaliseSource } from '../text/typography';

const PROBE_CACHE_SIZE = 5000;

/** Articles a term is probed after (source side) and stripped from what comes out (target side). */
const ARTICLES: Record<Language, string[]> = {
  en: ['the', 'a', 'an'],
  fr: ['les', 'la', 'le', "l'", 'des', 'du', 'un', 'une'],
  es: ['los', 'las', 'el', 'la', 'lo', 'un', 'una', 'unos', 'unas'],
};
/** Probing the plural and singular articles is enough to see an engine's choices. */
const PROBE_ARTICLES: Record<Language, string[]> = {
  en: ['the'],
  fr: ['les', 'la', 'le'],
  es: ['los', 'las', 'el', 'la'],
};

export interface TranslateOptions {
  /** Defaults to the current glossary; pass an empty one to translate without it. */
  glossary?: Glossary;
  signal?: AbortSignal;
  /** Defaults to true: sentences people translated before are taken from the translation memory. */
  memory?: boolean;
}

/**
 * Translates a contribution or a prompt with the configured provider, and everything
 * around it that makes the result readable: the text is cut on paragraph and sentence
 * boundaries (Markdown line prefixes, code, URLs, e-mail addresses, mentions, numbers and
 * acronyms are kept as they are), EN↔FR goes through a pivot when the provider needs one,
 * the glossary is enforced on every leg, and each target language's punctuation is fixed.
 * A sentence people translated before (a correction, the consultation's own texts, an
 * imported memory) is given their translation instead of the engine's. The whole
 * translation is bounded by TRANSLATION_TIMEOUT_MS.
 *
 * The glossary is applied after the engine: what the engine makes of a term on its own
 * (cached) is replaced by the glossary's term, which keeps the engine's grammar around it;
 * where the engine rendered the term differently in context, the segment is translated
 * again with the term fixed in place.
 */
@Injectable()
export class TranslationEngine {
  private readonly probes = new Map<string, Promise<string[]>>();

  constructor(
    @Inject(TRANSLATION_PROVIDER) readonly provider: TranslationProvider,
    private readonly glossaries: GlossaryService,
    private readonly config: AppConfig,
    @Optional() private readonly metrics?: Metrics,
    @Optional() private readonly memory?: TranslationMemory,
  ) {}

  get providerName(): string {
    return this.provider.name;
  }

  async translate(body: string, from: Language, to: Language, options: TranslateOptions = {}): Promise<string> {
    if (from === to) return body;
    const route = this.provider.route(from, to);
    const started = process.hrtime.bigint();
    const timeout = AbortSignal.timeout(this.config.TRANSLATION_TIMEOUT_MS);
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
    // every segment in flight listens for the abort: a long text has many
    setMaxListeners(0, signal);
    try {
      const glossary = options.glossary ?? (await this.glossaries.current());
      const plan = planSentences(planText(body, this.config.TRANSLATION_MAX_SEGMENT_CHARS));
      const keys = plan.segments.map((s) => memoryKey(segmentText(s)));
      const remembered =
        this.memory && options.memory !== false ? await this.memory.exact(keys, from, to) : new Map<string, string>();
      const machine = await this.machine(
        plan.segments.filter((_, i) => !remembered.has(keys[i])),
        from,
        to,
        route,
        glossary,
        signal,
      );
      let next = 0;
      const result = assemble(
        plan,
        keys.map((k) => remembered.get(k) ?? machine[next++]),
      );
      this.observe(started, 'ok');
      return result;
    } catch (err) {
      this.observe(started, 'error');
      if (timeout.aborted && !(err instanceof TranslationError))
        throw new TranslationError(`translation timed out after ${this.config.TRANSLATION_TIMEOUT_MS} ms`, true);
      throw err;
    }
  }

  /**
   * The provider's translation of each segment along the route, with the glossary, the
   * target's punctuation, inline Markdown around the words it wrapped, and the first
   * letter's case as the author wrote it.
   */
  private async machine(
    source: Segment[],
    from: Language,
    to: Language,
    route: Leg[],
    glossary: Glossary,
    signal: AbortSignal,
  ): Promise<string[]> {
    if (source.length === 0) return [];
    const pairs = source.map(inlinePairs);
    // the words each pair wraps travel in the same batch, translated on their own
    let segments = [...source, ...pairs.flat().map((p) => p.inner)].map(normaliseSource);
    // a pivot the glossary has no terms in (Catalan): its terms are fixed in the target language before the first leg
    const glossaryPivot = route.every(([a, b]) => isLanguage(a) && isLanguage(b));
    if (!glossaryPivot)
      segments = segments.map((s) =>
        glossary.protectTerms(
          glossary.translateKeeps(s, from, to),
          glossary.find(s, from).map((u) => u.entry),
          from,
          to,
        ),
      );
    for (const [a, b] of route)
      segments = await this.leg(segments, a, b, glossaryPivot ? glossary : EMPTY_GLOSSARY, from, signal);
    const finished = segments.map((s) => finishTarget(glossary.retarget(s, to), to));
    const inner = finished.slice(source.length).map(segmentText);
    let at = 0;
    return source.map((s, i) => {
      const placed = placePairs(finished[i], pairs[i], inner.slice(at, (at += pairs[i].length)));
      return followFirstLetter(segmentText(s), segmentText(placed));
    });
  }

  private async leg(
    source: Segment[],
    from: EngineLanguage,
    to: EngineLanguage,
    glossary: Glossary,
    writtenIn: Language,
    signal: AbortSignal,
  ): Promise<Segment[]> {
    if (source.length === 0) return [];
    const context = from === writtenIn ? {} : { writtenIn };
    if (!isLanguage(from) || !isLanguage(to)) return this.provider.translate(source, from, to, signal, context);
    const input = source.map((s) => glossary.translateKeeps(s, from, to));
    const output = (await this.provider.translate(input, from, to, signal, context)).map((s) =>
      glossary.retarget(s, to),
    );
    if (glossary.size === 0) return output;
    return Promise.all(
      output.map(async (translated, i) => {
        const uses = glossary.find(input[i], from);
        if (uses.length === 0) return translated;
        let result = translated;
        const unresolved: GlossaryEntry[] = [];
        for (const use of uses) {
          const replaced = await this.enforce(result, use.entry[from], use.entry[to], use.count, from, to, signal);
          if (replaced) result = replaced;
          else unresolved.push(use.entry);
        }
        if (unresolved.length === 0) return result;
        // the engine rendered a term differently in context: fix those terms in place and translate again
        const fixed = glossary.protectTerms(input[i], unresolved, from, to);
        const [again] = await this.provider.translate([fixed], from, to, signal, context);
        let out = glossary.retarget(again, to);
        for (const use of uses.filter((u) => !unresolved.includes(u.entry))) {
          out = (await this.enforce(out, use.entry[from], use.entry[to], use.count, from, to, signal)) ?? out;
        }
        return out;
      }),
    );
  }

  /**
   * Replaces the engine's renderings of a source term with the glossary's term; null when
   * fewer than `count` of them are found (the engine rendered it some other way in context).
   */
  private async enforce(
    segment: Segment,
    sourceTerm: string,
    targetTerm: string,
    count: number,
    from: Language,
    to: Language,
    signal: AbortSignal,
  ): Promise<Segment | null> {
    let result = segment;
    let left = count;
    const candidates = (await this.renderings(sourceTerm, from, to, signal)).sort((a, b) => b.length - a.length);
    for (const rendering of [targetTerm, ...candidates]) {
      if (left === 0) break;
      const replaced = replaceRendering(result, rendering, targetTerm, left);
      result = replaced.segment;
      left -= replaced.replaced;
    }
    return left === 0 ? result : null;
  }

  /**
   * What the engine makes of a term: on its own and after each article of the source
   * language (lexical selection depends on context: French "gouvernements" alone gives
   * Spanish "gobiernos", "les gouvernements" gives "los ejecutivos"), articles removed.
   * Cached per direction and term.
   */
  private renderings(term: string, from: Language, to: Language, signal: AbortSignal): Promise<string[]> {
    const key = `${from}|${to}|${term}`;
    let cached = this.probes.get(key);
    if (!cached) {
      const probes = [term, ...PROBE_ARTICLES[from].map((a) => (a.endsWith("'") ? `${a}${term}` : `${a} ${term}`))];
      cached = this.provider
        .translate(
          probes.map((p) => [text(p)]),
          from,
          to,
          signal,
        )
        .then((out) => {
          const strip = new RegExp(`^(?:(?:${ARTICLES[to].join('|')})\\s+|l')`, 'iu');
          const found = out.map((s) =>
            segmentText(s)
              .trim()
              .replace(/[.!?;:,]+$/, '')
              .replace(strip, '')
              .trim(),
          );
          return [...new Set(found.filter((f) => f.length > 1))];
        });
      cached.catch(() => this.probes.delete(key));
      if (this.probes.size >= PROBE_CACHE_SIZE) this.probes.delete(this.probes.keys().next().value!);
      this.probes.set(key, cached);
    }
    return cached;
  }

  private observe(started: bigint, outcome: 'ok' | 'error'): void {
    this.metrics?.observeTranslation(this.provider.name, Number(process.hrtime.bigint() - started) / 1e9, outcome);
  }
}

const EMPTY_GLOSSARY = new Glossary([]);

function isLanguage(language: EngineLanguage): language is Language {
  return language === 'en' || language === 'fr' || language === 'es';
}

/** Engines capitalise what starts their input; a list item or phrase the author began in lower case stays so. */
function followFirstLetter(source: string, translated: string): string {
  const first = /\p{L}/u.exec(source)?.[0];
  const at = translated.search(/\p{L}/u);
  if (!first || at < 0 || first !== first.toLocaleLowerCase() || first === first.toLocaleUpperCase()) return translated;
  return translated.slice(0, at) + translated[at].toLocaleLowerCase() + translated.slice(at + 1);
}
