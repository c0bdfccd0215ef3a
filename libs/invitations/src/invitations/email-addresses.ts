import { isEmail, registerDecorator, ValidationArguments, ValidationOptions } from 'class-validator';
import { fill, localisedRuleOf } from '@roundtable/core';
import type { Localised } from '@roundtable/core';
import { INVITATIONS_MESSAGES as M } from '../invitations-messages';

/** The most addresses one request may invite; a longer list is sent in several requests. */
export const MAX_INVITATIONS_PER_REQUEST = 200;
const MAX_EMAIL_LENGTH = 254;

/** Trimmed and lower-cased, as accounts store them; anything that is not a string is left for the validator to name. */
export function normaliseAddresses({ value }: { value: unknown }): unknown {
  return Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.trim().toLowerCase() : v)) : value;
}

function invalid(value: unknown): unknown[] {
  if (!Array.isArray(value)) return [];
  return value.filter((v) => typeof v !== 'string' || v.length > MAX_EMAIL_LENGTH || !isEmail(v));
}

/** Every entry must be an email address; the message names the ones that are not (the first five). */
export function AreEmailAddresses(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'areEmailAddresses',
      target: object.constructor,
      propertyName,
      options: { ...localisedRuleOf((args) => notAddresses(propertyName, args)), ...options },
      validator: { validate: (value: unknown) => Array.isArray(value) && invalid(value).length === 0 },
    });
}

/** `emails: not valid email addresses: "x@", 42 and 3 more`, in each language. */
function notAddresses(field: string, { value }: ValidationArguments): Localised {
  const bad = invalid(value);
  const addresses = bad
    .slice(0, 5)
    .map((v) => JSON.stringify(v).slice(0, 80))
    .join(', ');
  // the count as a plain number, as the English has always written it
  if (bad.length > 5) return fill(M.invalidAddressesAndMore, { field, addresses, more: String(bad.length - 5) });
  return fill(M.invalidAddresses, { field, addresses });
}

/** The addresses once each, in the order given (the normalised form decides what is the same). */
export function uniqueAddresses(emails: readonly string[]): string[] {
  return [...new Set(emails)];
}
