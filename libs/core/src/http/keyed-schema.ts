import { CONSTITUENCIES, LANGUAGES } from '../languages';

type Schema = Record<string, unknown>;

/**
 * The OpenAPI schema of an object keyed by a fixed list (constituencies, languages),
 * each key optional: `{ state?: 3, youth?: 1 }`. For `@ApiProperty({ ...keyedBy(…) })`.
 */
export function keyedBy(
  keys: readonly string[],
  value: Schema,
): { type: 'object'; properties: Record<string, Schema>; additionalProperties: false } {
  return { type: 'object', properties: Object.fromEntries(keys.map((k) => [k, value])), additionalProperties: false };
}

/** Counts per constituency. */
export const COUNTS_BY_CONSTITUENCY = keyedBy(CONSTITUENCIES, { type: 'integer' });

/** Counts per language. */
export const COUNTS_BY_LANGUAGE = keyedBy(LANGUAGES, { type: 'integer' });
