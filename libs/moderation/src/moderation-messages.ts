import { messages } from '@roundtable/core';

/** What moderation actions, flags and sanctions refuse with. */
export const MODERATION_MESSAGES = messages({
  cannotAct: {
    en: 'A {status} contribution cannot be {done}',
    fr: 'Une contribution {status} ne peut pas être {done}',
    es: 'Una contribución {status} no puede ser {done}',
  },
  alreadyPinned: {
    en: 'This contribution is already pinned',
    fr: 'Cette contribution est déjà épinglée',
    es: 'Esta contribución ya está fijada',
  },
  alreadyUnpinned: {
    en: 'This contribution is already not pinned',
    fr: 'Cette contribution n’est déjà pas épinglée',
    es: 'Esta contribución ya no está fijada',
  },
  alreadyLocked: {
    en: 'This thread is already locked',
    fr: 'Ce fil est déjà verrouillé',
    es: 'Este hilo ya está bloqueado',
  },
  alreadyUnlocked: {
    en: 'This thread is already unlocked',
    fr: 'Ce fil est déjà déverrouillé',
    es: 'Este hilo ya está desbloqueado',
  },
  noOpenFlags: {
    en: 'This contribution has no open flags to resolve',
    fr: 'Cette contribution n’a aucun signalement en cours à traiter',
    es: 'Esta contribución no tiene denuncias abiertas que resolver',
  },
  reasonRequired: {
    en: 'A reason is required to {action} a contribution; it is shown to the author',
    fr: 'Une raison est requise pour l’action {action} sur une contribution ; elle est montrée à l’auteur',
    es: 'Se necesita un motivo para la acción {action} sobre una contribución; se le muestra al autor',
  },
  untilInPast: {
    en: 'until must be in the future',
    fr: 'until doit être dans le futur',
    es: 'until debe estar en el futuro',
  },
  untilTooFar: {
    en: 'until must be within a year',
    fr: 'until doit être dans moins d’un an',
    es: 'until debe estar dentro del próximo año',
  },
  consultationSuspension: {
    en: 'Only organisers may suspend a member from a whole consultation',
    fr: 'Seuls les organisateurs peuvent suspendre un membre de toute une consultation',
    es: 'Solo los organizadores pueden suspender a un miembro de toda una consulta',
  },
  consultationLift: {
    en: 'Only organisers may lift a suspension from a whole consultation',
    fr: 'Seuls les organisateurs peuvent lever une suspension portant sur toute une consultation',
    es: 'Solo los organizadores pueden levantar una suspensión de toda una consulta',
  },
  suspensionEnded: {
    en: 'This suspension has already ended',
    fr: 'Cette suspension a déjà pris fin',
    es: 'Esta suspensión ya ha terminado',
  },
  staffMember: {
    en: 'Moderators and organisers cannot be warned or suspended here',
    fr: 'Les modérateurs et les organisateurs ne peuvent pas recevoir d’avertissement ni être suspendus ici',
    es: 'A los moderadores y organizadores no se les puede advertir ni suspender aquí',
  },
  flaggingTooFast: {
    en: 'You are flagging too fast; wait a moment and try again',
    fr: 'Vous signalez trop vite ; attendez un instant et réessayez',
    es: 'Está denunciando demasiado rápido; espere un momento e inténtelo de nuevo',
  },
  moderatingTooFast: {
    en: 'You are moderating too fast; wait a moment and try again',
    fr: 'Vous modérez trop vite ; attendez un instant et réessayez',
    es: 'Está moderando demasiado rápido; espere un momento e inténtelo de nuevo',
  },
  moderationUnavailable: {
    en: 'Moderation is briefly unavailable; try again in a moment',
    fr: 'La modération est momentanément indisponible ; réessayez dans un instant',
    es: 'La moderación no está disponible por un momento; inténtelo de nuevo enseguida',
  },
  notFlaggable: {
    en: 'A {status} contribution cannot be flagged',
    fr: 'Une contribution {status} ne peut pas être signalée',
    es: 'Una contribución {status} no se puede denunciar',
  },
  ownContribution: {
    en: 'You cannot flag your own contribution',
    fr: 'Vous ne pouvez pas signaler votre propre contribution',
    es: 'No puede denunciar su propia contribución',
  },
  alreadyFlagged: {
    en: 'You have already flagged this contribution',
    fr: 'Vous avez déjà signalé cette contribution',
    es: 'Ya ha denunciado esta contribución',
  },
  // fields of its requests, where the generic wording of the failed constraint would say less
  reasonLength: {
    en: 'reason must be 1–1000 characters',
    fr: 'reason doit compter de 1 à 1000 caractères',
    es: 'reason debe tener de 1 a 1000 caracteres',
  },
  userIdUuid: {
    en: 'userId must be a user id',
    fr: 'userId doit être l’identifiant d’un membre',
    es: 'userId debe ser el identificador de un miembro',
  },
  untilDateTime: {
    en: 'until must be an ISO 8601 date and time',
    fr: 'until doit être une date et heure ISO 8601',
    es: 'until debe ser una fecha y hora ISO 8601',
  },
  scopeValues: {
    en: 'scope must be space or consultation',
    fr: 'scope doit valoir space ou consultation',
    es: 'scope debe ser space o consultation',
  },
  formatJsonOrCsv: {
    en: 'format must be json or csv',
    fr: 'format doit valoir json ou csv',
    es: 'format debe ser json o csv',
  },
  noteRequired: {
    en: 'note is required when the reason is other',
    fr: 'note est obligatoire lorsque le motif est other',
    es: 'note es obligatorio cuando el motivo es other',
  },
});

/** What an action makes of a contribution, as a word of a sentence ("cannot be approved"). */
export const MODERATION_DONE_WORDS = messages({
  approve: { en: 'approved', fr: 'approuvée', es: 'aprobada' },
  reject: { en: 'rejected', fr: 'refusée', es: 'rechazada' },
  hide: { en: 'hidden', fr: 'masquée', es: 'ocultada' },
  restore: { en: 'restored', fr: 'rétablie', es: 'restablecida' },
  pin: { en: 'pinned', fr: 'épinglée', es: 'fijada' },
  unpin: { en: 'unpinned', fr: 'désépinglée', es: 'desfijada' },
  lock: { en: 'locked', fr: 'verrouillée', es: 'bloqueada' },
  unlock: { en: 'unlocked', fr: 'déverrouillée', es: 'desbloqueada' },
  resolve: { en: 'resolved', fr: 'traitée', es: 'resuelta' },
});
