import { messages } from '../i18n/localised';

/** What the HTTP filter says about errors that are not a domain rule's: the transport's, the database's, ours. */
export const HTTP_MESSAGES = messages({
  bodyTooLarge: {
    en: 'Request body is too large',
    fr: 'Le corps de la requête est trop volumineux',
    es: 'El cuerpo de la solicitud es demasiado grande',
  },
  unsupportedMediaType: {
    en: 'Unsupported content type; send application/json',
    fr: 'Type de contenu non pris en charge ; envoyez application/json',
    es: 'Tipo de contenido no admitido; envíe application/json',
  },
  emptyJson: {
    en: 'The JSON body is empty',
    fr: 'Le corps JSON est vide',
    es: 'El cuerpo JSON está vacío',
  },
  malformedJson: {
    en: 'Malformed JSON body: the body is not valid JSON',
    fr: 'Corps JSON mal formé : le corps n’est pas du JSON valide',
    es: 'Cuerpo JSON mal formado: el cuerpo no es JSON válido',
  },
  contentLength: {
    en: 'The request body does not match its Content-Length',
    fr: 'Le corps de la requête ne correspond pas à son Content-Length',
    es: 'El cuerpo de la solicitud no coincide con su Content-Length',
  },
  routeNotFound: {
    en: 'Cannot {method} {path}: no such route',
    fr: 'Impossible de traiter {method} {path} : cette route n’existe pas',
    es: 'No se puede atender {method} {path}: esa ruta no existe',
  },
  malformedValue: {
    en: 'Malformed identifier or value',
    fr: 'Identifiant ou valeur mal formé',
    es: 'Identificador o valor mal formado',
  },
  valueTooLong: { en: 'Value too long', fr: 'Valeur trop longue', es: 'Valor demasiado largo' },
  malformedDate: { en: 'Malformed date', fr: 'Date mal formée', es: 'Fecha mal formada' },
  dateOutOfRange: { en: 'Date out of range', fr: 'Date hors limites', es: 'Fecha fuera de rango' },
  numberOutOfRange: { en: 'Number out of range', fr: 'Nombre hors limites', es: 'Número fuera de rango' },
  alreadyExists: { en: 'Already exists', fr: 'Existe déjà', es: 'Ya existe' },
  missingReference: {
    en: 'Refers to something that does not exist',
    fr: 'Fait référence à quelque chose qui n’existe pas',
    es: 'Hace referencia a algo que no existe',
  },
  missingValue: {
    en: 'A required value is missing',
    fr: 'Une valeur obligatoire manque',
    es: 'Falta un valor obligatorio',
  },
  valueNotAllowed: { en: 'Value not allowed', fr: 'Valeur non autorisée', es: 'Valor no permitido' },
  ofField: { en: '{field}: {message}', fr: '{field} : {message}', es: '{field}: {message}' },
  unavailable: {
    en: 'The service is briefly unavailable; try again in a few seconds',
    fr: 'Le service est momentanément indisponible ; réessayez dans quelques secondes',
    es: 'El servicio no está disponible por un momento; inténtelo de nuevo en unos segundos',
  },
  unexpected: {
    en: 'Something went wrong on our side; quote the correlation id if you report it',
    fr: 'Un problème est survenu de notre côté ; citez l’identifiant de corrélation (correlationId) si vous le signalez',
    es: 'Algo ha fallado por nuestra parte; indique el identificador de correlación (correlationId) si lo notifica',
  },
  badRequest: { en: 'Bad request', fr: 'Requête incorrecte', es: 'Solicitud incorrecta' },
  unauthorized: {
    en: 'Sign in first: missing or invalid access token',
    fr: 'Connectez-vous d’abord : jeton d’accès absent ou non valide',
    es: 'Inicie sesión primero: falta el token de acceso o no es válido',
  },
  forbidden: { en: 'Forbidden', fr: 'Accès refusé', es: 'Acceso denegado' },
  notFound: { en: 'Not found', fr: 'Introuvable', es: 'No encontrado' },
  methodNotAllowed: {
    en: 'Method not allowed',
    fr: 'Méthode non autorisée',
    es: 'Método no permitido',
  },
  tooMany: {
    en: 'Too many requests; wait a moment and try again',
    fr: 'Trop de requêtes ; attendez un instant et réessayez',
    es: 'Demasiadas solicitudes; espere un momento e inténtelo de nuevo',
  },
});
