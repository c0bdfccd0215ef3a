import { messages } from '@roundtable/core';

/** What invitations and their acceptance refuse with. */
export const INVITATIONS_MESSAGES = messages({
  unknownSpaces: {
    en: 'spaceIds: not questions of this roundtable: {ids}',
    fr: 'spaceIds : ces questions n’appartiennent pas à cette table ronde : {ids}',
    es: 'spaceIds: estas preguntas no son de esta mesa redonda: {ids}',
  },
  archivedSpaces: {
    en: 'spaceIds: archived questions cannot be joined: {ids}',
    fr: 'spaceIds : on ne peut pas rejoindre des questions archivées : {ids}',
    es: 'spaceIds: no es posible unirse a preguntas archivadas: {ids}',
  },
  used: {
    en: 'This invitation has already been used',
    fr: 'Cette invitation a déjà été utilisée',
    es: 'Esta invitación ya se ha utilizado',
  },
  revoked: {
    en: 'This invitation was withdrawn by the organisers',
    fr: 'Cette invitation a été retirée par les organisateurs',
    es: 'Los organizadores retiraron esta invitación',
  },
  expired: {
    en: 'This invitation has expired; ask the organisers to send it again',
    fr: 'Cette invitation a expiré ; demandez aux organisateurs de vous la renvoyer',
    es: 'Esta invitación ha caducado; pida a los organizadores que se la vuelvan a enviar',
  },
  cannotRevoke: {
    en: 'An invitation that is {status} cannot be revoked',
    fr: 'Une invitation {status} ne peut pas être retirée',
    es: 'Una invitación {status} no se puede retirar',
  },
  cannotResend: {
    en: 'An invitation that is {status} cannot be sent again',
    fr: 'Une invitation {status} ne peut pas être renvoyée',
    es: 'Una invitación {status} no se puede volver a enviar',
  },
  linkNotValid: {
    en: 'This invitation link is not valid; it may have been replaced by a newer invitation email',
    fr: 'Ce lien d’invitation n’est pas valide ; il a peut-être été remplacé par un e-mail d’invitation plus récent',
    es: 'Este enlace de invitación no es válido; puede que lo haya sustituido un correo de invitación más reciente',
  },
  // fields of its requests, where the generic wording of the failed constraint would say less
  emailsList: {
    en: 'emails must be a list of email addresses',
    fr: 'emails doit être une liste d’adresses e-mail',
    es: 'emails debe ser una lista de direcciones de correo electrónico',
  },
  emailsEmpty: {
    en: 'emails must list at least one address',
    fr: 'emails doit contenir au moins une adresse',
    es: 'emails debe contener al menos una dirección',
  },
  tooManyEmails: {
    en: 'emails: at most {max} addresses per request',
    fr: 'emails : au plus {max} adresses par demande',
    es: 'emails: como máximo {max} direcciones por solicitud',
  },
  invalidAddresses: {
    en: '{field}: not valid email addresses: {addresses}',
    fr: '{field} : ces adresses e-mail ne sont pas valides : {addresses}',
    es: '{field}: estas direcciones de correo electrónico no son válidas: {addresses}',
  },
  invalidAddressesAndMore: {
    en: '{field}: not valid email addresses: {addresses} and {more} more',
    fr: '{field} : ces adresses e-mail ne sont pas valides : {addresses} et {more} autres',
    es: '{field}: estas direcciones de correo electrónico no son válidas: {addresses} y {more} más',
  },
  spaceIdsList: {
    en: 'spaceIds must be a list of question ids',
    fr: 'spaceIds doit être une liste d’identifiants de questions',
    es: 'spaceIds debe ser una lista de identificadores de preguntas',
  },
  tooManySpaces: {
    en: 'spaceIds: at most {max} questions',
    fr: 'spaceIds : au plus {max} questions',
    es: 'spaceIds: como máximo {max} preguntas',
  },
  spaceIdsRepeated: {
    en: 'spaceIds must not repeat a question',
    fr: 'spaceIds ne doit pas contenir deux fois la même question',
    es: 'spaceIds no debe repetir ninguna pregunta',
  },
  spaceIdsUuid: {
    en: 'each of spaceIds must be a UUID',
    fr: 'chaque élément de spaceIds doit être un UUID',
    es: 'cada elemento de spaceIds debe ser un UUID',
  },
  messageTooLong: {
    en: 'message: at most {max} characters',
    fr: 'message : au plus {max} caractères',
    es: 'message: como máximo {max} caracteres',
  },
  spaceIdUuid: {
    en: 'spaceId must be a UUID',
    fr: 'spaceId doit être un UUID',
    es: 'spaceId debe ser un UUID',
  },
  tokenText: {
    en: 'token must be the text from the invitation link',
    fr: 'token doit être le texte du lien d’invitation',
    es: 'token debe ser el texto del enlace de invitación',
  },
});

/** An invitation's status as a word of a sentence (agreeing with "invitation"/"invitación"). */
export const INVITATION_STATUS_WORDS = messages({
  pending: { en: 'pending', fr: 'en attente', es: 'pendiente' },
  accepted: { en: 'accepted', fr: 'acceptée', es: 'aceptada' },
  revoked: { en: 'revoked', fr: 'retirée', es: 'retirada' },
  expired: { en: 'expired', fr: 'expirée', es: 'caducada' },
});
