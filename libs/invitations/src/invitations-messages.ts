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
});

/** An invitation's status as a word of a sentence (agreeing with "invitation"/"invitación"). */
export const INVITATION_STATUS_WORDS = messages({
  pending: { en: 'pending', fr: 'en attente', es: 'pendiente' },
  accepted: { en: 'accepted', fr: 'acceptée', es: 'aceptada' },
  revoked: { en: 'revoked', fr: 'retirée', es: 'retirada' },
  expired: { en: 'expired', fr: 'expirée', es: 'caducada' },
});
