import { messages } from '@roundtable/core';

/** What the glossary and the translation memory refuse with (corrections have their own, correction-messages.ts). */
export const TRANSLATION_MESSAGES = messages({
  duplicateTerm: {
    en: 'The glossary already has an entry with this {language} term',
    fr: 'Le glossaire a déjà une entrée avec ce terme ({language})',
    es: 'El glosario ya tiene una entrada con este término ({language})',
  },
  badTmx: {
    en: '{detail}',
    fr: 'Le document TMX ne peut pas être lu : {detail}',
    es: 'No se puede leer el documento TMX: {detail}',
  },
  glossaryTerm: {
    en: '{language} must be 1–200 characters and not blank',
    fr: '{language} doit compter de 1 à 200 caractères et ne pas être vide',
    es: '{language} debe tener entre 1 y 200 caracteres y no estar en blanco',
  },
  // fields of its requests, where the generic wording of the failed constraint would say less
  tmxText: {
    en: 'tmx must be the TMX document as a string',
    fr: 'tmx doit être le document TMX sous forme de texte',
    es: 'tmx debe ser el documento TMX como texto',
  },
  tmxLength: {
    en: 'tmx must be 1–{max} characters',
    fr: 'tmx doit compter de 1 à {max} caractères',
    es: 'tmx debe tener de 1 a {max} caracteres',
  },
});
