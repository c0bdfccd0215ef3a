import type { Language } from '@roundtable/core';
import { keep, normaliseSegment, Segment, text } from '../text/segment';

/** One concept in the three languages, e.g. migrants / migrants / migrantes. */
export interface GlossaryEntry {
  id: string;
  en: string;
  fr: string;
  es: string;
}

const BEFORE = '(?<![\\p{L}\\p{N}])';
const AFTER = '(?![\\p{L}\\p{N}])';

/** Spellings engines cannot read are normalised in source text (see typography.ts); terms are too. */
const plain = (value: string) =>
  value.normalize('NFC').replace(/œ/g, 'oe').replace(/Œ/g, 'Oe').replace(/æ/g, 'ae').replace(/[‘’ʼ]/g, "'");
const fold = (value: string) => plain(value).toLocaleLowerCase().replace(/\s+/g, ' ');
const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const termPattern = (term: string) => escapeRegExp(plain(term).trim()).replace(/\s+/g, '\\s+');
/** Terms written in capitals (GCM, IOM) match only in capitals: "UN" must not match French "un". */
const isAcronym = (term: string) => /^[\p{Lu}\p{N}\s.-]+$/u.test(term) && /\p{Lu}{2}/u.test(term);

export interface TermUse {
  entry: GlossaryEntry;
  /** How often the source term occurs in the segment's text. */
  count: number;
}

/**
 * The domain glossary, compiled for matching. Terms match whole words, case-insensitively
 * (acronyms exactly), longest first, with any run of white space between words.
 */
export class Glossary {
  private readonly byId = new Map<string, GlossaryEntry>();
  private readonly matchers = new Map<Language, { regex: RegExp | null; lookup: Map<string, GlossaryEntry> }>();

  constructor(readonly entries: GlossaryEntry[]) {
    for (const e of entries) this.byId.set(e.id, e);
  }

  get size(): number {
    return this.entries.length;
  }

  entry(id: string): GlossaryEntry | undefined {
    return this.byId.get(id);
  }

  /** Source terms found in the segment's text parts, with how often each occurs. */
  find(segment: Segment, from: Language): TermUse[] {
    const counts = new Map<string, TermUse>();
    for (const part of segment) {
      if (part.kind !== 'text') continue;
      this.eachMatch(part.text, from, (entry) => {
        const use = counts.get(entry.id) ?? { entry, count: 0 };
        use.count += 1;
        counts.set(entry.id, use);
      });
    }
    return [...counts.values()];
  }

  /** Kept parts that are a source term (e.g. the acronym GCM) become that term in `to`. */
  translateKeeps(segment: Segment, from: Language, to: Language): Segment {
    return segment.map((p) => {
      if (p.kind !== 'keep' || p.termId) return p;
      const entry = this.matcher(from).lookup.get(fold(p.text));
      return entry && (!isAcronym(entry[from]) || entry[from] === p.text) ? keep(entry[to], entry.id) : p;
    });
  }

  /** Occurrences of the given entries' source terms become kept parts holding the term in `to`. */
  protectTerms(segment: Segment, entries: GlossaryEntry[], from: Language, to: Language): Segment {
    const wanted = new Set(entries.map((e) => e.id));
    const out: Segment = [];
    for (const part of segment) {
      if (part.kind !== 'text') {
        out.push(part);
        continue;
      }
      let last = 0;
      this.eachMatch(part.text, from, (entry, index, length) => {
        if (!wanted.has(entry.id)) return;
        out.push(text(part.text.slice(last, index)), keep(entry[to], entry.id));
        last = index + length;
      });
      out.push(text(part.text.slice(last)));
    }
    return normaliseSegment(out);
  }

  /** Kept glossary terms rewritten into `language` (after each leg of a pivoted route). */
  retarget(segment: Segment, language: Language): Segment {
    return segment.map((p) => {
      const entry = p.kind === 'keep' && p.termId ? this.byId.get(p.termId) : undefined;
      return entry ? keep(entry[language], entry.id) : p;
    });
  }

  private eachMatch(
    value: string,
    language: Language,
    onMatch: (entry: GlossaryEntry, index: number, length: number) => void,
  ): void {
    const { regex, lookup } = this.matcher(language);
    if (!regex) return;
    for (const m of value.matchAll(regex)) {
      const entry = lookup.get(fold(m[0]));
      if (entry && (!isAcronym(entry[language]) || m[0] === plain(entry[language])))
        onMatch(entry, m.index!, m[0].length);
    }
  }

  private matcher(language: Language): { regex: RegExp | null; lookup: Map<string, GlossaryEntry> } {
    let m = this.matchers.get(language);
    if (!m) {
      const lookup = new Map<string, GlossaryEntry>();
      for (const e of this.entries)
        if (e[language]?.trim() && !lookup.has(fold(e[language]))) lookup.set(fold(e[language]), e);
      const terms = [...lookup.values()].map((e) => e[language]).sort((a, b) => b.length - a.length);
      const regex = terms.length ? new RegExp(`${BEFORE}(?:${terms.map(termPattern).join('|')})${AFTER}`, 'giu') : null;
      m = { regex, lookup };
      this.matchers.set(language, m);
    }
    return m;
  }
}

/**
 * Replaces up to `count` occurrences of what the engine made of a term (`rendering`) in
 * the segment's text parts with the glossary's term; returns how many it replaced. The
 * first letter follows the occurrence (a term opening a sentence is capitalised).
 */
export function replaceRendering(
  segment: Segment,
  rendering: string,
  term: string,
  count: number,
): { segment: Segment; replaced: number } {
  const clean = rendering
    .trim()
    .replace(/[.!?;:,]+$/, '')
    .trim();
  if (clean.length < 2 || !/\p{L}/u.test(clean)) return { segment, replaced: 0 };
  const regex = new RegExp(`${BEFORE}${termPattern(clean)}${AFTER}`, 'giu');
  let replaced = 0;
  const out = segment.map((p) => {
    if (p.kind !== 'text' || replaced >= count) return p;
    return text(
      p.text.replace(regex, (found) => {
        if (replaced >= count) return found;
        replaced += 1;
        return matchCase(found, term);
      }),
    );
  });
  return { segment: out, replaced };
}

function matchCase(found: string, term: string): string {
  const first = found[0];
  if (
    first &&
    first === first.toLocaleUpperCase() &&
    first !== first.toLocaleLowerCase() &&
    term[0] === term[0].toLocaleLowerCase()
  ) {
    return term[0].toLocaleUpperCase() + term.slice(1);
  }
  return term;
}
