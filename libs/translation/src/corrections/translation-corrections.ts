import { Injectable } from '@nestjs/common';
import { DomainError, LANGUAGES } from '@roundtable/core';
import type { Language } from '@roundtable/core';
import { canModerate, RequestAccess } from '@roundtable/identity';
import { CorrectedSource, PersonTranslation, TranslationStore } from '../jobs/translation-store';

/**
 * People correct machine translations: the author of a contribution, or a moderator of its
 * space, writes how it should read in another language. Readers get that text instead of
 * the machine's, live and in exports, until the original is edited and translated anew.
 */
@Injectable()
export class TranslationCorrections {
  constructor(private readonly store: TranslationStore) {}

  correct(access: RequestAccess, contributionId: string, lang: string, text: string): Promise<PersonTranslation> {
    if (!(LANGUAGES as readonly string[]).includes(lang)) {
      throw DomainError.badRequest(`lang must be one of: ${LANGUAGES.join(', ')}`, 'bad_language');
    }
    const userId = access.user!.id;
    return this.store.correct(contributionId, lang as Language, text, userId, (contribution) => mayCorrect(contribution, lang as Language, userId, canModerate(access)));
  }
}

function mayCorrect(contribution: CorrectedSource, lang: Language, userId: string, moderates: boolean): void {
  if (contribution.author_id !== userId && !moderates) {
    throw DomainError.forbidden('Only the author or a moderator of the question may correct its translations', 'not_author');
  }
  if (contribution.status !== 'published' && contribution.status !== 'hidden') {
    throw DomainError.conflict(`A ${contribution.status} contribution is not translated`, 'not_translated');
  }
  if (!contribution.language) throw DomainError.conflict('The language of this contribution is not known yet; try again in a moment', 'language_unknown');
  if (contribution.language === lang) {
    throw DomainError.badRequest(`The contribution is written in ${lang}: edit it rather than its translation`, 'source_language');
  }
}
