import { isEmail, registerDecorator, ValidationArguments, ValidationOptions } from 'class-validator';

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
      options: {
        message: ({ value }: ValidationArguments) => {
          const bad = invalid(value);
          const shown = bad.slice(0, 5).map((v) => JSON.stringify(v).slice(0, 80));
          const more = bad.length > 5 ? ` and ${bad.length - 5} more` : '';
          return `${propertyName}: not valid email addresses: ${shown.join(', ')}${more}`;
        },
        ...options,
      },
      validator: { validate: (value: unknown) => Array.isArray(value) && invalid(value).length === 0 },
    });
}

/** The addresses once each, in the order given (the normalised form decides what is the same). */
export function uniqueAddresses(emails: readonly string[]): string[] {
  return [...new Set(emails)];
}
