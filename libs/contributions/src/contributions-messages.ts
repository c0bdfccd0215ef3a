import { messages } from '@roundtable/core';

/** What posting, replying, editing and deleting contributions refuse with. */
export const CONTRIBUTIONS_MESSAGES = messages({
  authorOnlyEdits: {
    en: 'Only the author may edit a contribution',
    fr: 'Seul l’auteur peut modifier une contribution',
    es: 'Solo el autor puede modificar una contribución',
  },
  cannotEdit: {
    en: 'A {status} contribution cannot be edited',
    fr: 'Une contribution {status} ne peut pas être modifiée',
    es: 'Una contribución {status} no se puede modificar',
  },
  authorOrModeratorDeletes: {
    en: 'Only the author or a moderator may delete a contribution',
    fr: 'Seuls l’auteur ou un modérateur peuvent supprimer une contribution',
    es: 'Solo el autor o un moderador pueden eliminar una contribución',
  },
  spaceNotOpen: {
    en: 'This space is not open for contributions',
    fr: 'Cet espace n’est pas ouvert aux contributions',
    es: 'Este espacio no está abierto a contribuciones',
  },
  spaceNoLongerOpen: {
    en: 'This space is {status}: it no longer takes contributions',
    fr: 'Cet espace est {status} : il n’accepte plus de contributions',
    es: 'Este espacio está {status}: ya no acepta contribuciones',
  },
  cannotReply: {
    en: 'You cannot reply to a {status} contribution',
    fr: 'Vous ne pouvez pas répondre à une contribution {status}',
    es: 'No puede responder a una contribución {status}',
  },
  threadLocked: {
    en: 'This thread is locked: no new replies',
    fr: 'Ce fil est verrouillé : plus de nouvelles réponses',
    es: 'Este hilo está bloqueado: no admite nuevas respuestas',
  },
  transition: {
    en: 'A {from} contribution cannot become {to}',
    fr: 'Une contribution {from} ne peut pas devenir {to}',
    es: 'Una contribución {from} no puede pasar a estar {to}',
  },
  historyForbidden: {
    en: 'Only the author and moderators may read the edit history',
    fr: 'Seuls l’auteur et les modérateurs peuvent lire l’historique des modifications',
    es: 'Solo el autor y los moderadores pueden leer el historial de modificaciones',
  },
  postingUnavailable: {
    en: 'Posting is briefly unavailable; try again in a moment',
    fr: 'La publication est momentanément indisponible ; réessayez dans un instant',
    es: 'No se puede publicar por un momento; inténtelo de nuevo enseguida',
  },
  duplicateText: {
    en: 'You just posted this same text; write something new or wait a moment',
    fr: 'Vous venez de publier ce même texte ; écrivez autre chose ou attendez un instant',
    es: 'Acaba de publicar este mismo texto; escriba algo nuevo o espere un momento',
  },
  postingTooFast: {
    en: 'You are posting too fast; wait a moment and try again',
    fr: 'Vous publiez trop vite ; attendez un instant et réessayez',
    es: 'Está publicando demasiado rápido; espere un momento e inténtelo de nuevo',
  },
  bodyRule: {
    en: 'body must be 1–{max} characters of text',
    fr: 'body doit être un texte de 1 à {max} caractères',
    es: 'body debe ser un texto de 1 a {max} caracteres',
  },
  // fields of its requests, where the generic wording of the failed constraint would say less
  parentIdUuid: {
    en: 'parentId must be a contribution id',
    fr: 'parentId doit être l’identifiant d’une contribution',
    es: 'parentId debe ser el identificador de una contribución',
  },
  sortValues: {
    en: 'sort must be oldest, newest or active',
    fr: 'sort doit valoir oldest, newest ou active',
    es: 'sort debe ser oldest, newest o active',
  },
  statusPendingOrRejected: {
    en: 'status must be pending or rejected',
    fr: 'status doit valoir pending ou rejected',
    es: 'status debe ser pending o rejected',
  },
  afterSeqNumber: {
    en: 'afterSeq must be a whole number ≥ 0',
    fr: 'afterSeq doit être un nombre entier ≥ 0',
    es: 'afterSeq debe ser un número entero ≥ 0',
  },
});
