import { BadRequestException } from '@nestjs/common';
import type { ValidationArguments, ValidationError } from 'class-validator';
import { getMetadataStorage } from 'class-validator';
import { fill, Localised, MessageParam, ParamsOf } from '../i18n/localised';
import type { Language } from '../languages';
import { VALIDATION_MESSAGES } from './validation-messages';

/**
 * A DTO's decorator message in each language, for a rule the generic wording of its
 * constraint would not say (`@Matches(PASSWORD, localisedRule(IDENTITY_MESSAGES.passwordRule))`);
 * a message with placeholders takes their values
 * (`@IsIn(SPACE_ROLES, localisedRule(VALIDATION_MESSAGES.isIn, { field: 'role', values: SPACE_ROLES.join(', ') }))`).
 */
export function localisedRule<T extends Localised>(
  message: T,
  ...params: keyof ParamsOf<T> extends never ? [] : [ParamsOf<T>]
): { message: string; context: { message: Localised } } {
  const text = params.length ? fill(message, params[0]) : message;
  return { message: text.en, context: { message: text } };
}

/**
 * A decorator message worded from what was refused (`args.value`: the addresses that are
 * not addresses), in each language; the English is class-validator's message as before.
 */
export function localisedRuleOf(message: (args: ValidationArguments) => Localised): {
  message: (args: ValidationArguments) => string;
  context: { message: (args: ValidationArguments) => Localised };
} {
  return { message: (args) => message(args).en, context: { message } };
}

/**
 * The 400 of a body or query that failed validation. The English messages are
 * class-validator's (or the DTO's own); the others are worded from the failed constraints
 * only when the error is answered, so valid requests pay nothing for them.
 */
export class InvalidInput extends BadRequestException {
  constructor(
    readonly errors: ValidationError[],
    readonly english: string[],
  ) {
    super(english);
  }

  messagesIn(language: Language): string[] {
    if (language === 'en') return this.english;
    const out: string[] = [];
    describeAll(this.errors, '', language, out);
    return out.length > 0 ? out : this.english;
  }
}

function describeAll(errors: ValidationError[], parent: string, language: Language, out: string[]): void {
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    for (const key of Object.keys(error.constraints ?? {})) out.push(describe(error, key, field)[language]);
    if (error.children?.length) describeAll(error.children, field, language, out);
  }
}

function describe(error: ValidationError, key: string, field: string): Localised {
  const own = (error.contexts?.[key] as { message?: OwnMessage } | undefined)?.message;
  const args = constraintArgs(error, key);
  if (typeof own === 'function') return own(argumentsOf(error, args));
  if (own) return own;
  const [first, second] = args as [unknown, unknown];
  const n = (value: unknown): MessageParam => (typeof value === 'number' ? value : String(value));
  const M = VALIDATION_MESSAGES;
  switch (key) {
    case 'minLength':
      return fill(M.minLength, { field, min: n(first) });
    case 'maxLength':
      return fill(M.maxLength, { field, max: n(first) });
    case 'isLength':
      return second === undefined
        ? fill(M.minLength, { field, min: n(first) })
        : fill(M.isLength, { field, min: n(first), max: n(second) });
    case 'min':
      return fill(M.min, { field, min: n(first) });
    case 'max':
      return fill(M.max, { field, max: n(first) });
    case 'arrayMinSize':
      return fill(M.arrayMinSize, { field, min: n(first) });
    case 'arrayMaxSize':
      return fill(M.arrayMaxSize, { field, max: n(first) });
    case 'isIn':
      return Array.isArray(first) ? fill(M.isIn, { field, values: first.join(', ') }) : fill(M.invalid, { field });
    case 'isEnum':
      return first && typeof first === 'object'
        ? fill(M.isIn, { field, values: Object.values(first).join(', ') })
        : fill(M.invalid, { field });
    case 'matches': {
      const source = first instanceof RegExp ? first.source : String(first);
      if (source === '\\S') return fill(M.notBlank, { field });
      if (source.includes('\\u0000')) return fill(M.noNul, { field });
      return fill(M.matches, { field });
    }
    case 'isDateString':
      return fill(M.isIso8601, { field });
    default:
      // the other constraints' messages name only the field
      return fill((M[key as keyof typeof M] as typeof M.invalid | undefined) ?? M.invalid, { field });
  }
}

/** What {@link localisedRule} and {@link localisedRuleOf} put in a decorator's context. */
type OwnMessage = Localised | ((args: ValidationArguments) => Localised);

/** What class-validator gave the English message function, rebuilt from the error. */
function argumentsOf(error: ValidationError, constraints: unknown[]): ValidationArguments {
  const object = (error.target as object | undefined) ?? {};
  return {
    value: error.value as unknown,
    constraints,
    targetName: object.constructor.name,
    object,
    property: error.property,
  };
}

/** The arguments the failed decorator was given (`@MaxLength(200)` → `[200]`), read from class-validator's metadata. */
function constraintArgs(error: ValidationError, key: string): unknown[] {
  const target = (error.target as object | undefined)?.constructor;
  if (!target) return [];
  const metadata = getMetadataStorage()
    .getTargetValidationMetadatas(target, '', true, false)
    .find((m) => m.propertyName === error.property && m.name === key);
  return (metadata?.constraints as unknown[] | undefined) ?? [];
}
