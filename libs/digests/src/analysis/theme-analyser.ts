import { Injectable, Logger } from '@nestjs/common';
import type { Constituency, Language } from '@roundtable/core';
import { TranslationMemory } from '../translation/translation-memory';
import type { EnglishPhraseExtractor } from './english-phrases';
import { guessLanguage, nativePhrases, nativeStems } from './native-phrases';
import { objectiveCoverage, ObjectiveWords } from './objectives';
import { splitSentences } from './sentences';
import { ExclusionSources, ThemeExclusions } from './theme-exclusions';
import { countLabel, findTopics, ThemeOptions } from './theme-finder';
import type { AnalysedContribution, ObjectiveCoverage, Theme } from './theme.types';

/** A contribution's text and who wrote it, as the analyser needs them. */
export interface ContributionText {
  id: string;
  authorId: string;
  authorName: string;
  organisation: string | null;
  constituency: Constituency;
  language: Language | null;
  body: string;
}

/** Whether the French and Spanish contributions could be read on the English side. */
export interface AnalysisTranslation {
  /** `complete`: every sentence was translated; `unavailable`: the engine failed, themes of those languages stay within them; `not_needed`: all English. */
  status: 'complete' | 'unavailable' | 'not_needed';
  provider: string;
  /** Languages whose contributions could not be translated. */
  untranslated: Language[];
  error: string | null;
}

export interface AnalysisInput {
  /** Participants' contributions only: moderators' and organisers' posts never make a theme. */
  rows: ContributionText[];
  /** Names a theme must not be. */
  exclusions?: ExclusionSources;
  /** The roundtable's objectives (and their focus areas), to see which ones were addressed. */
  objectives?: string[];
  options?: ThemeOptions;
}

export interface Analysis {
  themes: Theme[];
  /** Phrases one author wrote here, kept so the stocktaking can see the same topic raised in several questions. */
  lone: Theme[];
  objectives: ObjectiveCoverage[];
  translation: AnalysisTranslation;
}

// wink-nlp's English model weighs ~30 MB: loaded with the first analysis, not at boot
let english: EnglishPhraseExtractor | undefined;

/**
 * Finds the recurring topics of contributions written in English, French and Spanish.
 * Topics are computed on the English side: English sentences as written, French and
 * Spanish ones through the platform's translation engine (sentence by sentence,
 * remembered), so "vías de migración regular" and "regular migration" are one theme.
 * Quotes are always the sentence as its author wrote it. When the engine is unavailable
 * the analyser falls back to language-aware phrases of the original (themes then stay
 * within a language) and says so in `translation`.
 */
@Injectable()
export class ThemeAnalyser {
  private readonly logger = new Logger(ThemeAnalyser.name);

  constructor(private readonly memory: TranslationMemory) {}

  async analyse(input: AnalysisInput): Promise<Analysis> {
    const extractor = (english ??= new (await import('./english-phrases')).EnglishPhraseExtractor());
    const contributions: AnalysedContribution[] = input.rows.map((r) => ({
      id: r.id,
      authorId: r.authorId,
      authorName: r.authorName,
      organisation: r.organisation,
      constituency: r.constituency,
      language: r.language ?? guessLanguage(r.body),
      sentences: splitSentences(r.body).map((text) => ({ text, keys: [] })),
    }));
    const translation = await this.englishSide(contributions);

    const labels = new Map<string, Map<string, number>>();
    for (const c of contributions) {
      for (const s of c.sentences) {
        const side = c.language === 'en' ? s.text : s.english;
        const phrases = side !== undefined ? extractor.phrases(side) : nativePhrases(s.text, c.language);
        s.keys = phrases.map((p) => p.key);
        // a theme is named as people wrote it in English; machine-translated wording counts for less
        const weight = c.language === 'en' || side === undefined ? 3 : 1;
        for (const p of phrases) countLabel(labels, p.key, p.label, weight);
      }
    }
    const stem = (text: string, language: Language) =>
      language === 'en' ? extractor.stems(text) : nativeStems(text, language);
    const exclusions = input.exclusions
      ? new ThemeExclusions(await this.withEnglishNames(input.exclusions), stem)
      : undefined;
    const { themes, lone } = findTopics(contributions, labels, { ...input.options, exclusions });
    const objectives = await this.objectives(
      input.objectives ?? [],
      contributions,
      themes,
      (text) => extractor.phrases(text).map((p) => p.key),
      (s, language) => exclusions?.isStructure(s, language) ?? false,
    );
    return { themes, lone, objectives, translation };
  }

  /** Translates French and Spanish sentences to English through the engine; says which languages could not be. */
  private async englishSide(contributions: AnalysedContribution[]): Promise<AnalysisTranslation> {
    const result: AnalysisTranslation = {
      status: 'not_needed',
      provider: this.memory.provider,
      untranslated: [],
      error: null,
    };
    for (const language of ['fr', 'es'] as const) {
      const sentences = contributions.filter((c) => c.language === language).flatMap((c) => c.sentences);
      if (sentences.length === 0) continue;
      try {
        const translated = await this.memory.translate(
          sentences.map((s) => s.text),
          language,
          'en',
        );
        sentences.forEach((s, i) => (s.english = translated[i]));
        if (result.status === 'not_needed') result.status = 'complete';
      } catch (err) {
        result.status = 'unavailable';
        result.untranslated.push(language);
        result.error = (err as Error).message.slice(0, 300);
        this.logger.warn(`themes of ${language} contributions stay within ${language}: ${result.error}`);
      }
    }
    return result;
  }

  /** Organisation names written in French or Spanish are also excluded as the engine renders them in English. */
  private async withEnglishNames(sources: ExclusionSources): Promise<ExclusionSources> {
    const extra: string[] = [];
    for (const language of ['fr', 'es'] as const) {
      const names = sources.organisations.filter((n) => n.split(/\s+/).length >= 2 && guessLanguage(n) === language);
      if (names.length === 0) continue;
      extra.push(...(await this.memory.translate(names, language, 'en').catch(() => [] as string[])));
    }
    return { ...sources, organisations: [...sources.organisations, ...extra] };
  }

  private async objectives(
    objectives: string[],
    contributions: AnalysedContribution[],
    themes: Theme[],
    keysOf: (text: string) => string[],
    structure: (stem: string, language: Language) => boolean,
  ): Promise<ObjectiveCoverage[]> {
    if (objectives.length === 0) return [];
    // each objective in the three languages: as written, and through the engine (the same one contributions go through)
    const wordings: ObjectiveWords[] = objectives.map((o) => ({ [guessLanguage(o)]: o }));
    for (const from of ['en', 'fr', 'es'] as const) {
      const mine = objectives.map((o, i) => ({ o, i })).filter(({ o }) => guessLanguage(o) === from);
      if (mine.length === 0) continue;
      for (const to of (['en', 'fr', 'es'] as const).filter((l) => l !== from)) {
        const translated = await this.memory
          .translate(
            mine.map(({ o }) => o),
            from,
            to,
          )
          .catch(() => null);
        if (translated) mine.forEach(({ i }, k) => (wordings[i][to] = translated[k]));
      }
    }
    const englishTexts = objectives.map((o, i) => wordings[i].en ?? o);
    return objectiveCoverage(objectives, englishTexts.map(keysOf), contributions, structure, wordings, themes);
  }
}
