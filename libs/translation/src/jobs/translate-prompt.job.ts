import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { LANGUAGES, missingPromptLanguages, promptSourceHash } from '@roundtable/core';
import { SpacePromptsRepository } from '@roundtable/spaces';
import type {
  Language,
  Multilingual,
  PromptTranslation,
  PromptTranslations,
  TranslatePromptJob as JobData,
} from '@roundtable/core';
import { TranslationEngine } from '../engine/translation-engine';
import { TranslationError } from '../providers/translation-provider';

/**
 * Fills in the languages a space's prompt lacks, stored apart from the organiser's text
 * (`spaces.prompt_translations`, through the spaces lib) with the hash of the text it came from: an organiser's
 * later edit makes it stale (and it is translated again), and the organiser's own text in
 * a language always wins. A language with a direct route from one the prompt has is
 * translated from that one (Spanish to French rather than English through Spanish).
 */
@Injectable()
export class TranslatePromptJob {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly engine: TranslationEngine,
    private readonly prompts: SpacePromptsRepository,
  ) {}

  async run(data: JobData, signal?: AbortSignal): Promise<Language[]> {
    const [space] = await this.db.query(`SELECT prompt, prompt_translations FROM spaces WHERE id = $1`, [data.spaceId]);
    if (!space) return [];
    const prompt: Multilingual = space.prompt;
    const done: Language[] = [];
    for (const target of missingPromptLanguages(prompt, space.prompt_translations as PromptTranslations)) {
      const from = this.sourceFor(prompt, target);
      if (!from) continue;
      const source = prompt[from]!;
      let translation: PromptTranslation;
      try {
        const text = await this.engine.translate(source, from, target, { signal });
        translation = {
          text,
          status: 'done',
          from,
          sourceHash: promptSourceHash(source),
          provider: this.engine.providerName,
          machine: true,
        };
      } catch (err) {
        if (!(err instanceof TranslationError) || err.retryable) throw err;
        translation = {
          text: null,
          status: 'failed',
          from,
          sourceHash: promptSourceHash(source),
          provider: this.engine.providerName,
          machine: true,
        };
      }
      // written only while the organiser's text is still the one translated
      if (await this.prompts.storeMachineTranslation(data.spaceId, target, translation, from, source))
        done.push(target);
    }
    return done;
  }

  private sourceFor(prompt: Multilingual, target: Language): Language | undefined {
    const given = LANGUAGES.filter((l) => prompt[l]);
    const direct = given.find((l) => {
      try {
        return this.engine.provider.route(l, target).length === 1;
      } catch {
        return false;
      }
    });
    return direct ?? given[0];
  }
}
