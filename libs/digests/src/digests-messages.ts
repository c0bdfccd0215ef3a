import { messages } from '@roundtable/core';

/** What moderator digests and their periods refuse with. */
export const DIGESTS_MESSAGES = messages({
  digestExistsWithId: {
    en: 'This space already has a digest for that period ({id}); edit it or choose another period',
    fr: 'Cet espace a déjà une synthèse pour cette période ({id}) ; modifiez-la ou choisissez une autre période',
    es: 'Este espacio ya tiene un resumen para ese período ({id}); edítelo o elija otro período',
  },
  digestExists: {
    en: 'This space already has a digest for that period',
    fr: 'Cet espace a déjà une synthèse pour cette période',
    es: 'Este espacio ya tiene un resumen para ese período',
  },
  staleVersion: {
    en: 'The digest is at version {current} now, not {expected}; reload it and edit again',
    fr: 'La synthèse en est maintenant à la version {current}, pas {expected} ; rechargez-la et modifiez-la à nouveau',
    es: 'El resumen está ahora en la versión {current}, no en la {expected}; vuelva a cargarlo y edítelo de nuevo',
  },
  tooManyKeyPoints: {
    en: 'keyPoints: at most {max} points',
    fr: 'keyPoints : {max} points au plus',
    es: 'keyPoints: como máximo {max} puntos',
  },
  keyPointBlank: {
    en: 'keyPoints[{i}].text must not be blank',
    fr: 'keyPoints[{i}].text ne doit pas être vide',
    es: 'keyPoints[{i}].text no debe estar en blanco',
  },
  keyPointTooLong: {
    en: 'keyPoints[{i}].text is longer than {max} characters',
    fr: 'keyPoints[{i}].text dépasse {max} caractères',
    es: 'keyPoints[{i}].text supera los {max} caracteres',
  },
  keyPointUnknown: {
    en: 'keyPoints[{i}].id {id} is not a key point of this digest',
    fr: 'keyPoints[{i}].id {id} n’est pas un point clé de cette synthèse',
    es: 'keyPoints[{i}].id {id} no es un punto clave de este resumen',
  },
  keyPointTwice: {
    en: 'keyPoints[{i}].id {id} appears twice',
    fr: 'keyPoints[{i}].id {id} apparaît deux fois',
    es: 'keyPoints[{i}].id {id} aparece dos veces',
  },
  keyPointSource: {
    en: 'keyPoints[{i}].sources: {id} is not a published contribution of this space',
    fr: 'keyPoints[{i}].sources : {id} n’est pas une contribution publiée de cet espace',
    es: 'keyPoints[{i}].sources: {id} no es una contribución publicada de este espacio',
  },
  periodStartNotDate: {
    en: 'periodStart is not a date',
    fr: 'periodStart n’est pas une date',
    es: 'periodStart no es una fecha',
  },
  periodEndNotDate: {
    en: 'periodEnd is not a date',
    fr: 'periodEnd n’est pas une date',
    es: 'periodEnd no es una fecha',
  },
  periodBackwards: {
    en: 'periodEnd must be after periodStart',
    fr: 'periodEnd doit être postérieur à periodStart',
    es: 'periodEnd debe ser posterior a periodStart',
  },
  periodTooLong: {
    en: 'a period spans at most {days} days',
    fr: 'une période couvre {days} jours au plus',
    es: 'un período abarca como máximo {days} días',
  },
  // fields of its requests, where the generic wording of the failed constraint would say less
  keyPointId: {
    en: 'keyPoints.id must be the id of a key point',
    fr: 'keyPoints.id doit être l’identifiant d’un point clé',
    es: 'keyPoints.id debe ser el identificador de un punto clave',
  },
  keyPointSources: {
    en: 'keyPoints.sources must be contribution ids',
    fr: 'keyPoints.sources doit contenir des identifiants de contributions',
    es: 'keyPoints.sources debe contener identificadores de contribuciones',
  },
});
