import type { Language } from '@roundtable/core';
import type { ContributionDto } from './contribution.dto';
import type { ContributionStatus } from './contribution-status';
import { StoredTranslation, TRANSLATIONS_SELECT, translationView } from './contribution-translations';

/**
 * Columns every read of a contribution selects, with its author and their badge; `source`
 * names the rows read as `c` (the table, or a page of it joined back to the table).
 */
export const selectContributions = (source = 'contributions c') => `
  SELECT c.id, c.space_id, c.parent_id, c.root_id, c.author_id, c.body, c.body_html, c.language, c.status,
         c.version, c.seq, c.reply_count, c.pinned, c.locked, c.created_at, c.updated_at, c.edited_at, c.moderation_reason,
         c.created_at::text AS created_key, c.last_activity_at::text AS activity_key,
         u.display_name, u.organisation, u.constituency, u.country, u.affiliation_verified_at IS NOT NULL AS author_verified,
         (m.role = 'moderator' OR rr.role = 'moderator') AS author_is_moderator,
         c.language_source, c.language_confidence, ${TRANSLATIONS_SELECT}
  FROM ${source}
  JOIN users u ON u.id = c.author_id
  JOIN spaces s ON s.id = c.space_id
  LEFT JOIN memberships m ON m.space_id = c.space_id AND m.user_id = c.author_id
  LEFT JOIN roundtable_roles rr ON rr.roundtable_id = s.roundtable_id AND rr.user_id = c.author_id`;

/** {@link selectContributions} over the whole table. */
export const CONTRIBUTION_SELECT = selectContributions();

export interface ContributionRow {
  id: string;
  space_id: string;
  parent_id: string | null;
  root_id: string;
  author_id: string;
  body: string;
  body_html: string;
  language: Language | null;
  status: ContributionStatus;
  version: number;
  seq: string | null;
  reply_count: number;
  pinned: boolean;
  locked: boolean;
  created_at: Date;
  updated_at: Date;
  edited_at: Date | null;
  moderation_reason?: string | null;
  created_key: string;
  activity_key: string;
  display_name: string;
  organisation: string | null;
  constituency: ContributionDto['author']['constituency'];
  country: string | null;
  author_is_moderator: boolean | null;
  author_verified?: boolean;
  language_source?: 'declared' | 'detected' | 'fallback' | 'unknown';
  language_confidence?: number | null;
  translations?: Partial<Record<Language, StoredTranslation>> | null;
}

/** Who is reading: decides whether hidden text is shown. */
export interface Viewer {
  userId: string;
  canModerate: boolean;
}

/** Maps a row to the API shape; deleted text is never returned, hidden text only to moderators and the author. */
export function toContributionDto(row: ContributionRow, viewer: Viewer | null, lang?: Language): ContributionDto {
  const redacted =
    row.status === 'deleted' || (row.status === 'hidden' && !viewer?.canModerate && viewer?.userId !== row.author_id);
  const body = redacted ? null : row.body;
  const { text, html, translations } = translationView(row, body, lang);
  return {
    id: row.id,
    spaceId: row.space_id,
    parentId: row.parent_id,
    rootId: row.root_id,
    authorId: row.author_id,
    author: {
      id: row.author_id,
      displayName: row.display_name,
      organisation: row.organisation,
      constituency: row.constituency,
      country: row.country,
      isModerator: !!row.author_is_moderator,
      affiliationVerified: !!row.author_verified,
    },
    body,
    bodyHtml: redacted ? null : row.body_html,
    text,
    textHtml: html ?? null,
    language: row.language,
    languageSource: row.language_source ?? (row.language ? 'declared' : 'unknown'),
    languageConfidence: row.language_confidence ?? null,
    status: row.status,
    seq: row.seq === null ? null : Number(row.seq),
    version: row.version,
    replyCount: row.reply_count,
    pinned: row.pinned,
    locked: row.locked,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    editedAt: row.edited_at?.toISOString() ?? null,
    // why a moderator hid or rejected it: for its author and moderators only
    moderationReason:
      (row.status === 'hidden' || row.status === 'rejected') &&
      (viewer?.canModerate || viewer?.userId === row.author_id)
        ? (row.moderation_reason ?? null)
        : null,
    translations,
  };
}
