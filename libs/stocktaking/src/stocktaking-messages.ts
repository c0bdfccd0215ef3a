import { messages } from '@roundtable/core';

/** What stocktaking summaries, their edits and their translations' review refuse with. */
export const STOCKTAKING_MESSAGES = messages({
  summaryExistsWithId: {
    en: 'This roundtable already has a summary for that period ({id}); re-compile or edit it',
    fr: 'Cette table ronde a déjà un bilan pour cette période ({id}) ; recompilez-le ou modifiez-le',
    es: 'Esta mesa redonda ya tiene un balance para ese período ({id}); vuelva a compilarlo o edítelo',
  },
  summaryExists: {
    en: 'This roundtable already has a summary for that period',
    fr: 'Cette table ronde a déjà un bilan pour cette période',
    es: 'Esta mesa redonda ya tiene un balance para ese período',
  },
  staleVersion: {
    en: 'The summary is at version {current} now, not {expected}; reload it and try again',
    fr: 'Le bilan en est maintenant à la version {current}, pas {expected} ; rechargez-le et réessayez',
    es: 'El balance está ahora en la versión {current}, no en la {expected}; vuelva a cargarlo e inténtelo de nuevo',
  },
  translationNotDone: {
    en: 'The {language} translation is {status}: review it once it is done',
    fr: 'La traduction en {language} est à l’état « {status} » : relisez-la une fois terminée',
    es: 'La traducción al {language} está en estado «{status}»: revísela cuando esté terminada',
  },
  nothingToReview: {
    en: 'Send corrections, or accept: true to accept the translation as it is',
    fr: 'Envoyez des corrections, ou accept: true pour accepter la traduction telle quelle',
    es: 'Envíe correcciones, o accept: true para aceptar la traducción tal como está',
  },
  unknownCorrection: {
    en: 'corrections: {key} is not a translated text of this summary',
    fr: 'corrections : {key} n’est pas un texte traduit de ce bilan',
    es: 'corrections: {key} no es un texto traducido de este balance',
  },
  badLanguage: {
    en: 'lang must be one of: {languages}',
    fr: 'lang doit être l’une de ces valeurs : {languages}',
    es: 'lang debe ser uno de estos valores: {languages}',
  },
  tooManyItems: {
    en: '{section}: at most {max} items',
    fr: '{section} : {max} éléments au plus',
    es: '{section}: como máximo {max} elementos',
  },
  unknownItem: {
    en: '{where}.id {id} is not an item of {section}',
    fr: '{where}.id {id} n’est pas un élément de {section}',
    es: '{where}.id {id} no es un elemento de {section}',
  },
  itemTwice: {
    en: '{where}.id {id} appears twice',
    fr: '{where}.id {id} apparaît deux fois',
    es: '{where}.id {id} aparece dos veces',
  },
  newItemText: {
    en: '{where}.text is required for a new item',
    fr: '{where}.text est obligatoire pour un nouvel élément',
    es: '{where}.text es obligatorio para un elemento nuevo',
  },
  textTooLong: {
    en: '{field} is longer than {max} characters',
    fr: '{field} dépasse {max} caractères',
    es: '{field} supera los {max} caracteres',
  },
  // fields of its requests, where the generic wording of the failed constraint would say less
  itemId: {
    en: 'id must be the id of an item',
    fr: 'id doit être l’identifiant d’un élément',
    es: 'id debe ser el identificador de un elemento',
  },
});
