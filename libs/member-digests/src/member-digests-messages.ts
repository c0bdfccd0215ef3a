import { messages } from '@roundtable/core';

/** What weekly member digest runs and unsubscribe links refuse with. */
export const MEMBER_DIGESTS_MESSAGES = messages({
  periodEndNotDate: {
    en: 'periodEnd is not a valid date',
    fr: 'periodEnd n’est pas une date valide',
    es: 'periodEnd no es una fecha válida',
  },
  periodEndFuture: {
    en: 'periodEnd cannot be in the future',
    fr: 'periodEnd ne peut pas être dans le futur',
    es: 'periodEnd no puede estar en el futuro',
  },
  unsubscribeLink: {
    en: 'This unsubscribe link is not valid',
    fr: 'Ce lien de désabonnement n’est pas valide',
    es: 'Este enlace para darse de baja no es válido',
  },
  // fields of its requests, where the generic wording of the failed constraint would say less
  periodEndDateTime: {
    en: 'periodEnd must be an ISO 8601 date-time',
    fr: 'periodEnd doit être une date et heure ISO 8601',
    es: 'periodEnd debe ser una fecha y hora ISO 8601',
  },
  consultationIdUuid: {
    en: 'consultationId must be a UUID',
    fr: 'consultationId doit être un UUID',
    es: 'consultationId debe ser un UUID',
  },
});
