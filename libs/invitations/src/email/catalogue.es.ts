import type { Catalogue } from '@roundtable/mail';

/** Spanish wording of the invitation email. */
export const ES: Catalogue = {
  subject: '{inviter} le invita a {consultation}',
  preheader: 'Le invitamos a una consulta en línea, moderada y abierta en español, inglés y francés.',
  heading: 'Está invitado/a',
  greeting: 'Hola:',
  'intro.roundtable':
    '{inviter} le invita a la mesa redonda {number}, «{roundtable}», de la consulta {consultation}, con la función de {role}.',
  'intro.spaces':
    '{inviter} le invita a la mesa redonda {number}, «{roundtable}», de la consulta {consultation}, con la función de {role}, para debatir:',
  'role.participant': 'participante',
  'role.moderator': 'moderador/a',
  'role.rapporteur': 'relator/a',
  'roleHelp.participant':
    'Cada participante lee todas las contribuciones en su idioma y escribe en español, inglés o francés.',
  'roleHelp.moderator': 'Los moderadores cuidan la calidad del debate y redactan un resumen semanal.',
  'roleHelp.rapporteur': 'Los relatores elaboran el balance a partir de los resúmenes de los moderadores.',
  question: 'Pregunta {number}',
  questionLine: 'Pregunta {number}: {prompt}',
  note: '{inviter} añade:',
  button: 'Aceptar la invitación',
  buttonLine: 'Aceptar la invitación: {link}',
  linkIntro: 'O abra esta dirección en su navegador:',
  expires: 'La invitación es válida hasta el {date} y solo puede usarse una vez.',
  account:
    '¿Aún no tiene cuenta? En la página de la invitación puede crear una; su dirección, {email}, ya figura en ella.',
  ignore: 'Si no esperaba esta invitación, puede ignorar este mensaje.',
  organisers: 'El equipo organizador',
  footer: 'Enviado por Roundtable en nombre de los organizadores de la consulta {consultation}.',
};
