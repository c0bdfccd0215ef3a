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
});
