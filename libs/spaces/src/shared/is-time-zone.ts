import { registerDecorator, ValidationOptions } from 'class-validator';
import { fill, localisedRule } from '@roundtable/core';
import { SPACES_MESSAGES as M } from '../spaces-messages';

export function isTimeZone(value: unknown): boolean {
  if (typeof value !== 'string' || value.length === 0) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** An IANA time zone name that this runtime knows, e.g. `Europe/Zurich`. */
export function IsTimeZone(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isTimeZone',
      target: object.constructor,
      propertyName,
      options: { ...localisedRule(fill(M.timeZone, { field: propertyName })), ...options },
      validator: { validate: isTimeZone },
    });
}
