import { messages } from '@roundtable/core';

/** What consultations, roundtables, questions (spaces) and memberships refuse with. */
export const SPACES_MESSAGES = messages({
  objectivesMismatch: {
    en: 'objectiveTranslations needs one entry per objective, in the same order',
    fr: 'objectiveTranslations doit avoir une entrée par objectif, dans le même ordre',
    es: 'objectiveTranslations necesita una entrada por objetivo, en el mismo orden',
  },
  objectiveTextMissing: {
    en: 'each new objective needs a text in at least one of en, fr, es',
    fr: 'chaque nouvel objectif doit avoir un texte dans au moins une des langues en, fr, es',
    es: 'cada nuevo objetivo necesita un texto en al menos uno de los idiomas en, fr, es',
  },
  roundtableExists: {
    en: 'Roundtable {number} already exists in this consultation',
    fr: 'La table ronde {number} existe déjà dans cette consultation',
    es: 'La mesa redonda {number} ya existe en esta consulta',
  },
  questionExists: {
    en: 'Question {number} already exists in this roundtable',
    fr: 'La question {number} existe déjà dans cette table ronde',
    es: 'La pregunta {number} ya existe en esta mesa redonda',
  },
  transition: {
    en: 'A space cannot go from {from} to {to} ({allowed})',
    fr: 'Un espace ne peut pas passer de l’état « {from} » à l’état « {to} » ({allowed})',
    es: 'Un espacio no puede pasar del estado «{from}» al estado «{to}» ({allowed})',
  },
  allowedFrom: {
    en: 'from {from}: {allowed}',
    fr: 'depuis « {from} » : {allowed}',
    es: 'desde «{from}»: {allowed}',
  },
  finalStatus: {
    en: '{status} is final',
    fr: '« {status} » est un état final',
    es: '«{status}» es un estado final',
  },
  archived: {
    en: 'This space is archived; it cannot be joined',
    fr: 'Cet espace est archivé ; on ne peut plus le rejoindre',
    es: 'Este espacio está archivado; ya no es posible unirse a él',
  },
  closesBeforeOpens: {
    en: 'closesAt must be after opensAt',
    fr: 'closesAt doit être postérieur à opensAt',
    es: 'closesAt debe ser posterior a opensAt',
  },
  multilingualText: {
    en: '{field} needs a text in at least one of en, fr, es',
    fr: '{field} doit avoir un texte dans au moins une des langues en, fr, es',
    es: '{field} necesita un texto en al menos uno de los idiomas en, fr, es',
  },
  // fields of its requests, where the generic wording of the failed constraint would say less
  timeZone: {
    en: '{field} must be an IANA time zone such as Europe/Zurich',
    fr: '{field} doit être un fuseau horaire IANA, par exemple Europe/Zurich',
    es: '{field} debe ser una zona horaria IANA, por ejemplo Europe/Zurich',
  },
  moderationPreOrPost: {
    en: 'moderation must be pre or post',
    fr: 'moderation doit valoir pre ou post',
    es: 'moderation debe ser pre o post',
  },
  roleValues: {
    en: 'role must be participant, moderator or rapporteur',
    fr: 'role doit valoir participant, moderator ou rapporteur',
    es: 'role debe ser participant, moderator o rapporteur',
  },
});
