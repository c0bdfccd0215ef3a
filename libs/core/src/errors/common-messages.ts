import { messages } from '../i18n/localised';

/** Messages several libraries give. */
export const COMMON_MESSAGES = messages({
  badCursor: {
    en: 'cursor is not valid; pass the nextCursor of a previous page',
    fr: 'cursor n’est pas valide ; passez le nextCursor d’une page précédente',
    es: 'cursor no es válido; pase el nextCursor de una página anterior',
  },
  nullValue: {
    en: '{field} cannot be null',
    fr: '{field} ne peut pas être null',
    es: '{field} no puede ser null',
  },
});

/** A platform language named in a sentence ("the French translation", "la traduction en français"). */
export const LANGUAGE_NAMES = messages({
  en: { en: 'English', fr: 'anglais', es: 'inglés' },
  fr: { en: 'French', fr: 'français', es: 'francés' },
  es: { en: 'Spanish', fr: 'espagnol', es: 'español' },
});
