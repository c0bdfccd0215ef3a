import { Injectable, Logger } from '@nestjs/common';
import type { Constituency, Language } from '@roundtable/core';
import { TranslationMemory } from '../translation/translation-memory';
import type { EnglishPhraseExtractor } from './english-phrases';
import { guessLanguage, nativePhrases } from './native-phrases';
import { splitSentences } from './sentences';
import { countLabel, findThemes, ThemeOptions } from './theme-finder';
import type { AnalysedContribution, Theme } from './theme.types';

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

// wink-nlp's English model weighs ~30 MB: loaded with the first analysis, not at boot
let english: EnglishPhraseExtractor | undefined;

/**
 * Finds the recurring themes of contributions written in English, French and Spanish.
 * Themes are computed on the English side: English sentences as written, French and
 * Spanish ones through the translation engine (sentence by sentence, remembered), so
 * "vías de migración regular" and "regular migration" are one theme. Quotes are always
 * the sentence as its author wrote it. When the engine is unavailable the analyser
 * falls back to language-aware phrases of the original (themes then stay within a language).
 */
@Injectable()
export class ThemeAnalyser {
  private readonly logger = new Logger(ThemeAnalyser.name);

  constructor(private readonly memory: TranslationMemory) {}

  async analyse(rows: ContributionText[], options: ThemeOptions = {}): Promise<Theme[]> {
    const extractor = (english ??= new (await import('./english-phrases')).EnglishPhraseExtractor());
    const contributions: AnalysedContribution[] = rows.map((r) => ({
      id: r.id,
      authorId: r.authorId,
      authorName: r.authorName,
      organisation: r.organisation,
      constituency: r.constituency,
      language: r.language ?? guessLanguage(r.body),
      sentences: splitSentences(r.body).map((text) => ({ text, keys: [] })),
    }));

    const englishSide = new Map<AnalysedContribution['sentences'][number], string>();
    for (const language of ['fr', 'es'] as const) {
      const sentences = contributions.filter((c) => c.language === language).flatMap((c) => c.sentences);
      if (sentences.length === 0) continue;
      try {
        const translated = await this.memory.translate(sentences.map((s) => s.text), language, 'en');
        sentences.forEach((s, i) => englishSide.set(s, translated[i]));
      } catch (err) {
        this.logger.warn(`themes of ${language} contributions stay within ${language}: ${(err as Error).message}`);
      }
    }

    const labels = new Map<string, Map<string, number>>();
    for (const c of contributions) {
      for (const s of c.sentences) {
        const side = c.language === 'en' ? s.text : englishSide.get(s);
        const phrases = side !== undefined ? extractor.phrases(side) : nativePhrases(s.text, c.language);
        s.keys = phrases.map((p) => p.key);
        // a theme is named as people wrote it in English; machine-translated wording counts for less
        const weight = c.language === 'en' || side === undefined ? 3 : 1;
        for (const p of phrases) countLabel(labels, p.key, p.label, weight);
      }
    }
    return findThemes(contributions, labels, options);
  }
}
