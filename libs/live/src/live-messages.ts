import { messages } from '@roundtable/core';

/** What the live gateway's acks refuse with. */
export const LIVE_MESSAGES = messages({
  spaceIdInvalid: {
    en: 'spaceId must be a space id',
    fr: 'spaceId doit être l’identifiant d’un espace',
    es: 'spaceId debe ser el identificador de un espacio',
  },
  spaceIdRequired: {
    en: 'spaceId is required',
    fr: 'spaceId est obligatoire',
    es: 'spaceId es obligatorio',
  },
  afterSeqInvalid: {
    en: 'afterSeq must be a whole number ≥ 0',
    fr: 'afterSeq doit être un nombre entier ≥ 0',
    es: 'afterSeq debe ser un número entero ≥ 0',
  },
  tooManySpaces: {
    en: 'A connection may follow at most {max} spaces',
    fr: 'Une connexion peut suivre {max} espaces au plus',
    es: 'Una conexión puede seguir como máximo {max} espacios',
  },
  cannotJoin: {
    en: 'Could not join right now; try again',
    fr: 'Impossible de rejoindre l’espace pour le moment ; réessayez',
    es: 'No se ha podido unir al espacio en este momento; inténtelo de nuevo',
  },
});
