import { messages } from '@roundtable/core';

/** What a person correcting a translation is told when it cannot be taken. */
export const CORRECTION_MESSAGES = messages({
  text: {
    en: 'text must be the translation: 1–20,000 characters, not blank, without NUL characters',
    fr: 'text doit être la traduction : 1 à 20 000 caractères, non vide, sans caractère NUL',
    es: 'text debe ser la traducción: de 1 a 20 000 caracteres, no vacía, sin caracteres NUL',
  },
  unknownField: {
    en: 'only text may be sent',
    fr: 'seul text peut être envoyé',
    es: 'solo se puede enviar text',
  },
  language: {
    en: 'the language must be one of: en, fr, es',
    fr: 'la langue doit être en, fr ou es',
    es: 'el idioma debe ser en, fr o es',
  },
  sourceLanguage: {
    en: 'This contribution is written in this language: there is no translation to correct',
    fr: 'Cette contribution est écrite dans cette langue : il n’y a pas de traduction à corriger',
    es: 'Esta contribución está escrita en este idioma: no hay traducción que corregir',
  },
  notAllowed: {
    en: 'Only the author and the moderators of this space may correct its translations',
    fr: 'Seuls l’auteur et les modérateurs de cet espace peuvent corriger ses traductions',
    es: 'Solo el autor y los moderadores de este espacio pueden corregir sus traducciones',
  },
  notTranslatable: {
    en: 'This contribution is not published: its translations cannot be corrected',
    fr: 'Cette contribution n’est pas publiée : ses traductions ne peuvent pas être corrigées',
    es: 'Esta contribución no está publicada: sus traducciones no se pueden corregir',
  },
  languageUnknown: {
    en: 'The language of this contribution is not known yet; try again in a moment',
    fr: 'La langue de cette contribution n’est pas encore connue ; réessayez dans un instant',
    es: 'El idioma de esta contribución aún no se conoce; inténtelo de nuevo en un momento',
  },
  changed: {
    en: 'The contribution was edited meanwhile: read it again and correct the new translation',
    fr: 'La contribution a été modifiée entre-temps : relisez-la et corrigez la nouvelle traduction',
    es: 'La contribución se modificó mientras tanto: vuelva a leerla y corrija la nueva traducción',
  },
});

export type CorrectionMessage = keyof typeof CORRECTION_MESSAGES;
