import { messages } from '@roundtable/core';

/** What an import refuses a discussion file with. */
export const EXCHANGE_MESSAGES = messages({
  questionTwice: {
    en: 'spaces: question {number} appears twice in the file',
    fr: 'spaces : la question {number} apparaît deux fois dans le fichier',
    es: 'spaces: la pregunta {number} aparece dos veces en el archivo',
  },
  contributionTwice: {
    en: '{where}: contribution id {id} appears twice',
    fr: '{where} : l’identifiant de contribution {id} apparaît deux fois',
    es: '{where}: el identificador de contribución {id} aparece dos veces',
  },
  unknownParent: {
    en: '{where}: contribution {id} has parentId {parentId}, which is not a contribution of {where}',
    fr: '{where} : la contribution {id} a pour parentId {parentId}, qui n’est pas une contribution de {where}',
    es: '{where}: la contribución {id} tiene como parentId {parentId}, que no es una contribución de {where}',
  },
  repliesToItself: {
    en: '{where}: contribution {id} cannot reply to itself',
    fr: '{where} : la contribution {id} ne peut pas se répondre à elle-même',
    es: '{where}: la contribución {id} no puede responderse a sí misma',
  },
  replyCycle: {
    en: '{where}: the reply links of contributions {ids} form a cycle',
    fr: '{where} : les liens de réponse des contributions {ids} forment un cycle',
    es: '{where}: los enlaces de respuesta de las contribuciones {ids} forman un ciclo',
  },
  notADate: {
    en: 'postedAt {value} is not a date',
    fr: 'postedAt {value} n’est pas une date',
    es: 'postedAt {value} no es una fecha',
  },
  // fields of its requests, where the generic wording of the failed constraint would say less
  formatJsonOrCsv: {
    en: 'format must be json or csv',
    fr: 'format doit valoir json ou csv',
    es: 'format debe ser json o csv',
  },
  idLike: {
    en: '{field} must be a whole number or a non-empty string of at most 200 characters',
    fr: '{field} doit être un nombre entier ou un texte non vide d’au plus 200 caractères',
    es: '{field} debe ser un número entero o un texto no vacío de 200 caracteres como máximo',
  },
  postedAtDate: {
    en: 'postedAt must be an ISO 8601 date such as 2021-12-03 or 2021-12-03T10:15:00Z',
    fr: 'postedAt doit être une date ISO 8601, par exemple 2021-12-03 ou 2021-12-03T10:15:00Z',
    es: 'postedAt debe ser una fecha ISO 8601, por ejemplo 2021-12-03 o 2021-12-03T10:15:00Z',
  },
  bodyRule: {
    en: 'body must be 1–{max} characters of text',
    fr: 'body doit être un texte de 1 à {max} caractères',
    es: 'body debe ser un texto de 1 a {max} caracteres',
  },
  moderationPreOrPost: {
    en: 'moderation must be pre or post',
    fr: 'moderation doit valoir pre ou post',
    es: 'moderation debe ser pre o post',
  },
});
