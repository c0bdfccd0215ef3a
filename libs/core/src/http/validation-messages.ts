import { messages } from '../i18n/localised';

/**
 * What a refused field is told, by class-validator constraint (the key of
 * `ValidationError.constraints`); `{field}` is the field's path (`keyPoints.0.text`), the
 * other placeholders the decorator's arguments. A constraint missing here gets `invalid`.
 */
export const VALIDATION_MESSAGES = messages({
  invalid: {
    en: '{field} is not valid',
    fr: '{field} n’est pas valide',
    es: '{field} no es válido',
  },
  whitelistValidation: {
    en: 'property {field} should not exist',
    fr: 'le champ {field} n’est pas accepté ici',
    es: 'el campo {field} no se admite aquí',
  },
  isDefined: { en: '{field} is required', fr: '{field} est obligatoire', es: '{field} es obligatorio' },
  isNotEmpty: {
    en: '{field} must not be empty',
    fr: '{field} ne doit pas être vide',
    es: '{field} no debe estar vacío',
  },
  isString: { en: '{field} must be text', fr: '{field} doit être un texte', es: '{field} debe ser un texto' },
  minLength: {
    en: '{field} must be at least {min} characters long',
    fr: '{field} doit compter au moins {min} caractères',
    es: '{field} debe tener al menos {min} caracteres',
  },
  maxLength: {
    en: '{field} must be at most {max} characters long',
    fr: '{field} doit compter au plus {max} caractères',
    es: '{field} debe tener como máximo {max} caracteres',
  },
  isLength: {
    en: '{field} must be {min} to {max} characters long',
    fr: '{field} doit compter de {min} à {max} caractères',
    es: '{field} debe tener entre {min} y {max} caracteres',
  },
  notBlank: {
    en: '{field} must not be blank',
    fr: '{field} ne doit pas être vide',
    es: '{field} no debe estar en blanco',
  },
  noNul: {
    en: '{field} must not contain NUL characters',
    fr: '{field} ne doit pas contenir de caractère NUL',
    es: '{field} no debe contener caracteres NUL',
  },
  matches: {
    en: '{field} is not in the expected form',
    fr: '{field} n’a pas la forme attendue',
    es: '{field} no tiene el formato esperado',
  },
  isIn: {
    en: '{field} must be one of: {values}',
    fr: '{field} doit être l’une de ces valeurs : {values}',
    es: '{field} debe ser uno de estos valores: {values}',
  },
  isUuid: {
    en: '{field} must be an id (UUID)',
    fr: '{field} doit être un identifiant (UUID)',
    es: '{field} debe ser un identificador (UUID)',
  },
  isInt: {
    en: '{field} must be a whole number',
    fr: '{field} doit être un nombre entier',
    es: '{field} debe ser un número entero',
  },
  isNumber: { en: '{field} must be a number', fr: '{field} doit être un nombre', es: '{field} debe ser un número' },
  min: {
    en: '{field} must be at least {min}',
    fr: '{field} doit valoir au moins {min}',
    es: '{field} debe ser como mínimo {min}',
  },
  max: {
    en: '{field} must be at most {max}',
    fr: '{field} doit valoir au plus {max}',
    es: '{field} debe ser como máximo {max}',
  },
  isEmail: {
    en: '{field} must be a valid e-mail address',
    fr: '{field} doit être une adresse e-mail valide',
    es: '{field} debe ser una dirección de correo electrónico válida',
  },
  isBoolean: {
    en: '{field} must be true or false',
    fr: '{field} doit valoir true ou false',
    es: '{field} debe ser true o false',
  },
  isIso8601: {
    en: '{field} must be an ISO 8601 date or date-time',
    fr: '{field} doit être une date ou une date et heure ISO 8601',
    es: '{field} debe ser una fecha o una fecha y hora ISO 8601',
  },
  isUrl: {
    en: '{field} must be a web address (URL)',
    fr: '{field} doit être une adresse web (URL)',
    es: '{field} debe ser una dirección web (URL)',
  },
  isTimeZone: {
    en: '{field} must be a time zone such as Europe/Zurich',
    fr: '{field} doit être un fuseau horaire, par exemple Europe/Zurich',
    es: '{field} debe ser una zona horaria, por ejemplo Europe/Zurich',
  },
  isObject: { en: '{field} must be an object', fr: '{field} doit être un objet', es: '{field} debe ser un objeto' },
  nestedValidation: {
    en: '{field} must be an object or a list',
    fr: '{field} doit être un objet ou une liste',
    es: '{field} debe ser un objeto o una lista',
  },
  isArray: { en: '{field} must be a list', fr: '{field} doit être une liste', es: '{field} debe ser una lista' },
  arrayMinSize: {
    en: '{field} must hold at least {min} items',
    fr: '{field} doit contenir au moins {min} éléments',
    es: '{field} debe contener al menos {min} elementos',
  },
  arrayMaxSize: {
    en: '{field} may hold at most {max} items',
    fr: '{field} peut contenir au plus {max} éléments',
    es: '{field} puede contener como máximo {max} elementos',
  },
  arrayNotEmpty: {
    en: '{field} must not be an empty list',
    fr: '{field} ne doit pas être une liste vide',
    es: '{field} no debe ser una lista vacía',
  },
  arrayUnique: {
    en: '{field} must not repeat an item',
    fr: '{field} ne doit pas contenir deux fois le même élément',
    es: '{field} no debe repetir ningún elemento',
  },
});
