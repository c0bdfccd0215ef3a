import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError, LANGUAGES, NOT_FOUND } from '@roundtable/core';
import type { Language } from '@roundtable/core';
import { assertNotSuspended, canModerate, RequestAccess } from '@roundtable/identity';
import type { TranslationDto } from '@roundtable/contributions';
import { MAX_BODY } from '@roundtable/contributions';
import { HUMAN_PROVIDER, TRANSLATED_STATUSES, TranslationStore } from '../jobs/translation-store';
import { MemorySuggestion, TranslationMemory } from '../memory/translation-memory';
import { planSentences, planText } from '../text/text-plan';
import { segmentText } from '../text/segment';
import { CORRECTION_MESSAGES, CorrectionMessage } from './correction-messages';

interface Source {
  id: string;
  space_id: string;
  author_id: string;
  status: string;
  version: number;
  body: string;
  language: Language | null;
}

/** A sentence of the original with what the translation memory remembers close to it. */
export interface SentenceSuggestions {
  source: string;
  suggestions: MemorySuggestion[];
}

/**
 * People correcting machine translations. A contribution's author and the space's
 * moderators may replace its translation into a language with their own: it is stored
 * as a human translation of the current version (a machine translation of the same
 * version never replaces it; an edit of the original brings a new machine translation),
 * announced live as `contribution.translated` with `machine: false`, and remembered
 * sentence by sentence in the translation memory.
 */
@Injectable()
export class TranslationCorrectionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly store: TranslationStore,
    private readonly memory: TranslationMemory,
  ) {}

  async correct(access: RequestAccess, contributionId: string, lang: string, input: unknown): Promise<TranslationDto> {
    const { source, language } = await this.editable(access, contributionId, lang);
    const text = this.text(input);
    const saved = await this.store.save({
      contributionId: source.id,
      spaceId: source.space_id,
      version: source.version,
      source: source.language!,
      language,
      provider: HUMAN_PROVIDER,
      status: 'done',
      text,
      machine: false,
      translatedBy: access.user!.id,
    });
    if (!saved) throw refuse(HttpStatus.CONFLICT, 'changed', 'contribution_changed');
    await this.memory.rememberText(source.body, source.language!, text, language, 'correction', access.user!.id);
    return { text, status: 'done', provider: HUMAN_PROVIDER, machine: false, sourceVersion: source.version };
  }

  /** For each sentence of the original, remembered translations close to it (for the person correcting). */
  async suggestions(access: RequestAccess, contributionId: string, lang: string): Promise<SentenceSuggestions[]> {
    const { source, language } = await this.editable(access, contributionId, lang);
    const sentences = planSentences(planText(source.body, Number.MAX_SAFE_INTEGER)).segments.map(segmentText);
    return Promise.all(
      sentences.map(async (s) => ({ source: s, suggestions: await this.memory.fuzzy(s, source.language!, language) })),
    );
  }

  /** The contribution, when this member may correct its translation into `lang`. */
  private async editable(
    access: RequestAccess,
    contributionId: string,
    lang: string,
  ): Promise<{ source: Source; language: Language }> {
    const [source]: Source[] = await this.db.query(
      `SELECT id, space_id, author_id, status, version, body, language FROM contributions WHERE id = $1`,
      [contributionId],
    );
    if (!source) throw DomainError.notFound(NOT_FOUND.contribution);
    if (source.author_id !== access.user?.id && !canModerate(access))
      throw refuse(HttpStatus.FORBIDDEN, 'notAllowed', 'not_author');
    assertNotSuspended(access);
    const language = this.language(lang);
    if (!TRANSLATED_STATUSES.includes(source.status))
      throw refuse(HttpStatus.CONFLICT, 'notTranslatable', 'invalid_transition');
    if (!source.language) throw refuse(HttpStatus.CONFLICT, 'languageUnknown', 'language_unknown');
    if (source.language === language) throw refuse(HttpStatus.BAD_REQUEST, 'sourceLanguage', 'source_language');
    return { source, language };
  }

  private language(lang: string): Language {
    if (!(LANGUAGES as readonly string[]).includes(lang))
      throw refuse(HttpStatus.BAD_REQUEST, 'language', 'bad_language');
    return lang as Language;
  }

  private text(input: unknown): string {
    if (typeof input !== 'object' || input === null || Array.isArray(input))
      throw refuse(HttpStatus.BAD_REQUEST, 'text', 'bad_text');
    if (Object.keys(input).some((k) => k !== 'text')) throw refuse(HttpStatus.BAD_REQUEST, 'unknownField', 'bad_text');
    const text = (input as { text?: unknown }).text;
    if (typeof text !== 'string' || !/\S/.test(text) || text.length > MAX_BODY || text.includes('\u0000')) {
      throw refuse(HttpStatus.BAD_REQUEST, 'text', 'bad_text');
    }
    return text;
  }
}

function refuse(status: HttpStatus, message: CorrectionMessage, code: string): DomainError {
  return new DomainError(status, code, CORRECTION_MESSAGES[message]);
}
