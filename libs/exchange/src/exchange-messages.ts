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
});
