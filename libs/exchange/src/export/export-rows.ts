import type { Constituency, Language } from '@roundtable/core';
import { TRANSLATIONS_SELECT, translationView } from '@roundtable/contributions';
import type { ContributionStatus, StoredTranslation, TranslationDto } from '@roundtable/contributions';

/** One page of a space's contributions in created order, keyset-paginated on (created_at, id). */
export const EXPORT_PAGE_SQL = `
  SELECT c.id, c.parent_id, c.root_id, c.seq, c.status, c.language, c.body, c.created_at, c.edited_at,
         c.created_at::text AS created_key,
         u.display_name, u.organisation, u.constituency, u.country,
         coalesce(m.role = 'moderator' OR rr.role = 'moderator', false) AS author_is_moderator,
         pu.display_name AS parent_author,
         c.version,
         ${TRANSLATIONS_SELECT}
  FROM contributions c
  JOIN users u ON u.id = c.author_id
  JOIN spaces s ON s.id = c.space_id
  LEFT JOIN memberships m ON m.space_id = c.space_id AND m.user_id = c.author_id
  LEFT JOIN roundtable_roles rr ON rr.roundtable_id = s.roundtable_id AND rr.user_id = c.author_id
  LEFT JOIN contributions p ON p.id = c.parent_id
  LEFT JOIN users pu ON pu.id = p.author_id
  WHERE c.space_id = $1 AND ($2::timestamptz IS NULL OR (c.created_at, c.id) > ($2::timestamptz, $3::uuid))
  ORDER BY c.created_at, c.id
  LIMIT $4`;

export interface ExportRow {
  id: string;
  parent_id: string | null;
  root_id: string;
  seq: string | null;
  status: ContributionStatus;
  language: Language | null;
  body: string;
  created_at: Date;
  edited_at: Date | null;
  created_key: string;
  display_name: string;
  organisation: string | null;
  constituency: Constituency;
  country: string | null;
  author_is_moderator: boolean;
  parent_author: string | null;
  version: number;
  translations: Partial<Record<Language, StoredTranslation>>;
}

/**
 * One exported contribution. The field names are the import format's
 * (`id, postedAt, author, moderator, inReplyTo, body` plus the optional profile fields),
 * so a JSON export can be imported again; `parentId` carries the exact reply link.
 */
export interface ExportedContribution {
  id: string;
  postedAt: string;
  author: string;
  organisation: string | null;
  constituency: Constituency;
  country: string | null;
  moderator: boolean;
  /** The display name of the author replied to, as on the Hub. */
  inReplyTo: string | null;
  parentId: string | null;
  rootId: string;
  language: Language | null;
  status: ContributionStatus;
  /** Absent when deleted, and for hidden/pending/rejected text unless the reader moderates. */
  body?: string;
  editedAt: string | null;
  /**
   * The machine translations of the current version into the two other languages, as the
   * API shows them (`done` with text, `failed`, or `pending` until the version is translated).
   */
  translations: Partial<Record<Language, TranslationDto>>;
}

/** Statuses whose text only moderators and organisers get in an export. */
const MODERATED: readonly ContributionStatus[] = ['hidden', 'pending', 'rejected'];

export function toExported(row: ExportRow, withModeratedText: boolean): ExportedContribution {
  const showBody = row.status !== 'deleted' && (withModeratedText || !MODERATED.includes(row.status));
  return {
    id: row.id,
    postedAt: row.created_at.toISOString(),
    author: row.display_name,
    organisation: row.organisation,
    constituency: row.constituency,
    country: row.country,
    moderator: row.author_is_moderator,
    inReplyTo: row.parent_author,
    parentId: row.parent_id,
    rootId: row.root_id,
    language: row.language,
    status: row.status,
    ...(showBody ? { body: row.body } : {}),
    editedAt: row.edited_at?.toISOString() ?? null,
    translations: showBody ? translationView(row, row.body).translations : {},
  };
}
