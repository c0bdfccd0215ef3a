import { messages } from '@roundtable/core';

/** What reading notifications refuses with. */
export const NOTIFICATIONS_MESSAGES = messages({
  nothingToMark: {
    en: 'Name the notifications to mark read (ids) or send all: true',
    fr: 'Indiquez les notifications à marquer comme lues (ids) ou envoyez all: true',
    es: 'Indique las notificaciones que quiere marcar como leídas (ids) o envíe all: true',
  },
  // fields of its requests, where the generic wording of the failed constraint would say less
  idsList: {
    en: 'ids must be a list of notification ids',
    fr: 'ids doit être une liste d’identifiants de notifications',
    es: 'ids debe ser una lista de identificadores de notificaciones',
  },
  idsEmpty: {
    en: 'ids must name at least one notification',
    fr: 'ids doit désigner au moins une notification',
    es: 'ids debe indicar al menos una notificación',
  },
  idsTooMany: {
    en: 'ids may name at most {max} notifications',
    fr: 'ids peut désigner au plus {max} notifications',
    es: 'ids puede indicar como máximo {max} notificaciones',
  },
  idsUuid: {
    en: 'ids must be notification ids',
    fr: 'ids doit contenir des identifiants de notifications',
    es: 'ids debe contener identificadores de notificaciones',
  },
});
