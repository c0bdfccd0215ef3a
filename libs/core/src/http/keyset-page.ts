import { DomainError } from '../errors/domain-error';
import { COMMON_MESSAGES } from '../errors/common-messages';

/** One page of a listing, newest or next first, and the cursor of the page after it (null on the last). */
export interface KeysetPage<T> {
  items: T[];
  nextCursor: string | null;
}

/** An opaque cursor from the sort key(s) and id of the last item a page showed. */
export function encodeCursor(...parts: string[]): string {
  return Buffer.from(JSON.stringify(parts)).toString('base64url');
}

/** The parts {@link encodeCursor} was given; a cursor that is not one of ours is a 400. */
export function decodeCursor(cursor: string): string[] {
  try {
    const parts = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parts) && parts.every((p) => typeof p === 'string')) return parts;
  } catch {
    // fall through to the error below
  }
  throw DomainError.badRequest(COMMON_MESSAGES.badCursor, 'bad_cursor');
}

/**
 * Cuts the `limit + 1` rows a keyset query fetched into a page: the extra row only tells
 * that another page follows, whose cursor is made from the last row kept.
 */
export function keysetPage<R>(
  rows: R[],
  limit: number,
  cursorOf: (last: R) => string,
): { rows: R[]; nextCursor: string | null } {
  const kept = rows.slice(0, limit);
  const last = kept[kept.length - 1];
  return { rows: kept, nextCursor: rows.length > limit && last !== undefined ? cursorOf(last) : null };
}
