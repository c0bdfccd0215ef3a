import type { Language } from '@roundtable/core';
import type { NotificationDetails, NotificationKind } from './notification-kind';

type Catalogue = Record<NotificationKind | 'hidden_automatic' | 'with_reason' | 'place', string>;

const EN: Catalogue = {
  approved: 'A moderator approved your contribution{place}; everyone can read it now.',
  rejected: 'A moderator did not publish your contribution{place}.',
  hidden: 'A moderator hid your contribution{place}.',
  hidden_automatic: 'Your contribution{place} is hidden until a moderator reviews the reports about it.',
  restored: 'Your contribution{place} is visible again.',
  warned: 'A moderator sent you a warning{place}.',
  suspended: 'You may not post{place} until {until}.',
  suspension_lifted: 'Your suspension{place} has been lifted; you may post again.',
  reply: '{actor} replied to your contribution{place}.',
  digest_published: 'The moderator digest{place} has been published.',
  summary_published: 'The stocktaking summary of roundtable {roundtable} has been published.',
  with_reason: 'Reason: {reason}',
  place: ' in question {place}',
};

const FR: Catalogue = {
  approved: 'Un modérateur a approuvé votre contribution{place} ; tout le monde peut la lire.',
  rejected: 'Un modérateur n’a pas publié votre contribution{place}.',
  hidden: 'Un modérateur a masqué votre contribution{place}.',
  hidden_automatic: 'Votre contribution{place} est masquée jusqu’à ce qu’un modérateur examine les signalements.',
  restored: 'Votre contribution{place} est de nouveau visible.',
  warned: 'Un modérateur vous a adressé un avertissement{place}.',
  suspended: 'Vous ne pouvez pas publier{place} avant le {until}.',
  suspension_lifted: 'Votre suspension{place} a été levée ; vous pouvez de nouveau publier.',
  reply: '{actor} a répondu à votre contribution{place}.',
  digest_published: 'La synthèse des modérateurs{place} a été publiée.',
  summary_published: 'Le bilan de la table ronde {roundtable} a été publié.',
  with_reason: 'Motif : {reason}',
  place: ' dans la question {place}',
};

const ES: Catalogue = {
  approved: 'Un moderador aprobó su contribución{place}; ya todos pueden leerla.',
  rejected: 'Un moderador no publicó su contribución{place}.',
  hidden: 'Un moderador ocultó su contribución{place}.',
  hidden_automatic: 'Su contribución{place} queda oculta hasta que un moderador revise las denuncias recibidas.',
  restored: 'Su contribución{place} vuelve a estar visible.',
  warned: 'Un moderador le envió una advertencia{place}.',
  suspended: 'No puede publicar{place} hasta el {until}.',
  suspension_lifted: 'Se levantó su suspensión{place}; puede volver a publicar.',
  reply: '{actor} respondió a su contribución{place}.',
  digest_published: 'Se publicó el resumen de los moderadores{place}.',
  summary_published: 'Se publicó el balance de la mesa redonda {roundtable}.',
  with_reason: 'Motivo: {reason}',
  place: ' en la pregunta {place}',
};

const CATALOGUES: Record<Language, Catalogue> = { en: EN, fr: FR, es: ES };
const LOCALES: Record<Language, string> = { en: 'en-GB', fr: 'fr-FR', es: 'es-ES' };

/**
 * The sentence a member reads for a notice, in their language, with dates in the
 * consultation's time zone (members have none of their own) and the moderator's reason
 * as they wrote it.
 */
export function notificationText(kind: NotificationKind, details: NotificationDetails, language: Language): string {
  const words = CATALOGUES[language] ?? EN;
  const template = kind === 'hidden' && details.automatic ? words.hidden_automatic : words[kind];
  const place = details.place ? fill(words.place, { place: details.place }) : '';
  const roundtable = details.place?.split('.')[0] ?? '';
  const text = fill(template, {
    place: kind === 'summary_published' ? '' : place,
    roundtable,
    actor: details.actorName ?? '',
    until: details.until ? formatDate(details.until, language, details.timeZone) : '',
  });
  const reason = details.reason?.trim();
  return reason && !details.automatic ? `${text} ${fill(words.with_reason, { reason })}` : text;
}

/** A date and time as the language writes it, on the clock of `timeZone`, which it names. */
export function formatDate(iso: string, language: Language, timeZone = 'UTC'): string {
  const date = new Date(iso);
  // dateStyle cannot be combined with timeZoneName: the zone is named after the date instead
  const options: Intl.DateTimeFormatOptions = { dateStyle: 'long', timeStyle: 'short' };
  try {
    return `${new Intl.DateTimeFormat(LOCALES[language], { ...options, timeZone }).format(date)} (${timeZone})`;
  } catch {
    // a time zone this runtime does not know: UTC still says the right moment
    return `${new Intl.DateTimeFormat(LOCALES[language], { ...options, timeZone: 'UTC' }).format(date)} (UTC)`;
  }
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '');
}
