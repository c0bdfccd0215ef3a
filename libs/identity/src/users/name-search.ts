import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { COMMON_MESSAGES, DomainError, localisedRule, PageQueryDto, VALIDATION_MESSAGES as V } from '@roundtable/core';
import { IDENTITY_MESSAGES as M } from '../identity-messages';

const MAX_TERMS = 5;

/** `?q=` of the member directory and the account search, with the usual page. */
export class NameSearchQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    maxLength: 100,
    description: 'Words that must each appear in the name or the organisation (any case, accents ignored)',
  })
  @IsOptional()
  @IsString(localisedRule(V.isString, { field: 'q' }))
  @MaxLength(100, localisedRule(M.searchTooLong, { max: 100 }))
  // PostgreSQL text cannot hold NUL, and no name holds a control character
  @Matches(/^[^\u0000-\u001f\u007f]*$/, localisedRule(M.searchControlCharacters))
  q?: string;
}

/**
 * The LIKE patterns of a search: one `%word%` per word (at most five), with `%`, `_` and
 * `\` taken literally. Compare them with `search_fold(pattern)` against the folded columns
 * (`users.search_name`, `users.search_organisation`), which ignore case and accents.
 */
export function namePatterns(q: string | undefined): string[] {
  const words = (q ?? '').trim().split(/\s+/).filter(Boolean).slice(0, MAX_TERMS);
  return words.map((w) => `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
}

/**
 * SQL: every pattern of the text[] parameter `$param` matches the name or the organisation
 * of the users row `alias` (or, `withEmail`, its email: organisers only). The patterns are
 * folded once (an InitPlan), not for each row; the fields are joined by a control
 * character, which no pattern holds, so a pattern never matches across two of them.
 */
export function matchesEveryPattern(alias: string, param: number, withEmail = false): string {
  const email = withEmail ? ` || chr(1) || coalesce(${alias}.email, '')` : '';
  return `(cardinality($${param}::text[]) = 0
    OR (${alias}.search_name || chr(1) || coalesce(${alias}.search_organisation, '')${email})
       LIKE ALL (coalesce((SELECT array_agg(search_fold(pattern)) FROM unnest($${param}::text[]) AS pattern), '{}')))`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The cursor of a list in name order: the folded name and id of the last item. */
export function nameCursor(searchName: string, id: string): string {
  return Buffer.from(JSON.stringify([searchName, id])).toString('base64url');
}

/** Reads a {@link nameCursor}; 400 for anything else. */
export function readNameCursor(cursor: string | undefined): { name: string; id: string } | null {
  if (cursor === undefined) return null;
  try {
    const parts = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(parts) &&
      parts.length === 2 &&
      typeof parts[0] === 'string' &&
      !/\u0000/.test(parts[0]) &&
      typeof parts[1] === 'string' &&
      UUID.test(parts[1])
    ) {
      return { name: parts[0], id: parts[1] };
    }
  } catch {
    // fall through
  }
  throw DomainError.badRequest(COMMON_MESSAGES.badCursor, 'bad_cursor');
}
