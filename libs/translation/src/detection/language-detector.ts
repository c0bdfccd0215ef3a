import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Injectable } from '@nestjs/common';
import { LANGUAGES } from '@roundtable/core';
import type { Language } from '@roundtable/core';

/** What a detection concluded. `fallback`: too short or unclear, so the author's preferred language. */
export interface Detection {
  language: Language;
  source: 'detected' | 'fallback';
  /** eld's score of the chosen language (0–1); null for a fallback with no score. */
  confidence: number | null;
}

interface EldResult {
  language: string;
  getScores(): Record<string, number>;
  isReliable(): boolean;
}
interface Eld {
  detect(text: string): EldResult;
  setLanguageSubset(languages: string[]): unknown;
  enableTextCleanup(on: boolean): void;
}

/** Fewer letters than this cannot be told apart reliably ("OK", "Merci", "+1"). */
const MIN_LETTERS = 12;

/**
 * Language detection with the `eld` package, restricted to English, French and Spanish
 * (its smallest database: it agrees with the largest on every contribution of the seed
 * discussion). Markdown, URLs, addresses, mentions and numbers are removed first; text
 * that is too short or that eld does not call reliable falls back to the author's
 * preferred language.
 *
 * eld ships as an ES module only and its package exports allow `import` alone; the
 * database is loaded once, on first use (about 90 MB, which is why only the worker and
 * the CLI detect, never the api).
 */
@Injectable()
export class LanguageDetector {
  private eld?: Promise<Eld>;

  async detect(body: string, preferred: Language): Promise<Detection> {
    const eld = await this.load();
    const prose = body
      .replace(/```[\s\S]*?```|`[^`]*`/g, ' ')
      .replace(/\]\([^)]*\)/g, ' ')
      .replace(/https?:\/\/\S+|www\.\S+|\S+@\S+\.\S+|[@#][\p{L}\p{N}_.-]+/gu, ' ')
      .replace(/[*_~>#|\\-]+/g, ' ');
    const letters = prose.match(/\p{L}/gu)?.length ?? 0;
    if (letters < MIN_LETTERS) return { language: preferred, source: 'fallback', confidence: null };
    const result = eld.detect(prose);
    const scores = result.getScores();
    const language = result.language as Language;
    if (!LANGUAGES.includes(language) || !result.isReliable()) {
      return { language: preferred, source: 'fallback', confidence: round(scores[preferred] ?? null) };
    }
    return { language, source: 'detected', confidence: round(scores[language] ?? null) };
  }

  private load(): Promise<Eld> {
    this.eld ??= importEld().then((eld) => {
      eld.setLanguageSubset([...LANGUAGES]);
      eld.enableTextCleanup(true);
      return eld;
    });
    return this.eld;
  }
}

function round(value: number | null): number | null {
  return value === null ? null : Math.round(value * 1000) / 1000;
}

/**
 * Loads `eld/extrasmall` from CommonJS: Node ≥ 20.19 can `require` an ES module (and jest
 * transforms it), older Node needs a real dynamic `import()` (hidden from TypeScript,
 * which would turn it into `require`).
 */
async function importEld(): Promise<Eld> {
  const file = join(packageDir('eld'), 'src', 'entries', 'static.extrasmall.js');
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require(file) as { eld: Eld }).eld;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ERR_REQUIRE_ESM') throw err;
    const dynamicImport = new Function('specifier', 'return import(specifier)') as (s: string) => Promise<{ eld: Eld }>;
    return (await dynamicImport(pathToFileURL(file).href)).eld;
  }
}

/** The package's folder (its `exports` hide package.json, so it is looked up on the resolution paths). */
function packageDir(name: string): string {
  for (const base of require.resolve.paths(name) ?? []) {
    if (existsSync(join(base, name, 'package.json'))) return join(base, name);
  }
  throw new Error(`the ${name} package is not installed (npm install)`);
}
