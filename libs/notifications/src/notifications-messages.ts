import { messages } from '@roundtable/core';

/** What reading notifications refuses with. */
export const NOTIFICATIONS_MESSAGES = messages({
  nothingToMark: {
    en: 'Name the notifications to mark read (ids) or send all: true',
    fr: 'Indiquez les notifications à marquer comme lues (ids) ou envoyez all: true',
    es: 'Indique las notificaciones que quiere marcar como leídas (ids) o envíe all: true',
  },
});
