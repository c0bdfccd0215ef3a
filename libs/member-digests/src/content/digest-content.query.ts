import type { Language, Multilingual, PromptTranslations } from '@roundtable/core';

/**
 * `tr`: the machine translation (translation capability's `contribution_translations`) of
 * contribution `alias` into the member's language, when the original is in another one.
 */
function translationJoin(alias: string): string {
  // the primary key (contribution_id, language) serves it; a translation of an older version is not shown
  return `LEFT JOIN contribution_translations tr ON tr.contribution_id = ${alias}.id AND tr.language = (SELECT preferred_language FROM me)
    AND tr.status = 'done' AND tr.source_version = ${alias}.version AND tr.source_language <> tr.language`;
}

/**
 * Everything one member's digest shows, in one statement (one round trip per member):
 * $1 member, $2 consultation, $3 period start (exclusive), $4 period end (inclusive),
 * $5 items shown per question.
 *
 * Only what the member may read: spaces of the consultation they belong to (a membership
 * or a roundtable role), never drafts; only published contributions. Indexes used: spaces
 * by roundtable, `memberships` primary key, `contributions_space_created_idx` (new in the
 * window), `contributions_space_moderated_idx` (approved in the window),
 * `contributions_space_pinned_idx` (highlights), `moderation_log_subject_idx` (outcomes),
 * `moderator_digests_space_idx` and `stocktaking_summaries_roundtable_idx` (publications).
 */
export const DIGEST_CONTENT_SQL = `
WITH me AS (
  SELECT u.id, u.email, u.display_name, u.preferred_language, u.digest, u.digest_paused_at,
         EXISTS (SELECT 1 FROM member_sanctions su
                 WHERE su.user_id = u.id AND su.consultation_id = $2 AND su.kind = 'suspension' AND su.until > now()) AS suspended
  FROM users u WHERE u.id = $1
),
visible AS (
  SELECT s.id, s.number, s.prompt, s.prompt_translations, r.id AS roundtable_id, r.number AS roundtable_number, r.title AS roundtable_title
  FROM roundtables r JOIN spaces s ON s.roundtable_id = r.id
  WHERE r.consultation_id = $2 AND s.status <> 'draft'
    AND (EXISTS (SELECT 1 FROM memberships m WHERE m.space_id = s.id AND m.user_id = $1)
      OR EXISTS (SELECT 1 FROM roundtable_roles rr WHERE rr.roundtable_id = r.id AND rr.user_id = $1))
),
fresh AS (
  SELECT c.id, c.space_id, c.parent_id, c.author_id, c.body, c.language, c.version, c.reply_count, c.pinned, c.created_at
  FROM visible v JOIN contributions c ON c.space_id = v.id
  WHERE c.created_at > $3 AND c.created_at <= $4 AND c.status = 'published' AND c.author_id <> $1
  UNION ALL
  -- approved after pre-moderation (or restored) in the window: readers see it for the first time now
  SELECT c.id, c.space_id, c.parent_id, c.author_id, c.body, c.language, c.version, c.reply_count, c.pinned, c.created_at
  FROM visible v JOIN contributions c ON c.space_id = v.id
  WHERE c.moderated_at > $3 AND c.moderated_at <= $4 AND c.created_at <= $3 AND c.status = 'published' AND c.author_id <> $1
),
items AS (
  SELECT f.id, f.space_id, f.parent_id, coalesce(f.language, tr.source_language) AS language, f.reply_count, f.pinned, f.created_at, left(f.body, 600) AS body,
         au.display_name AS author_name, au.organisation AS author_organisation,
         p.author_id AS parent_author_id, pu.display_name AS parent_author_name,
         tr.text AS translated, tr.machine AS translated_by_machine
  FROM fresh f
  JOIN users au ON au.id = f.author_id
  LEFT JOIN contributions p ON p.id = f.parent_id
  LEFT JOIN users pu ON pu.id = p.author_id
  ${translationJoin('f')}
),
ranked AS (
  SELECT i.*, row_number() OVER (PARTITION BY i.space_id ORDER BY i.reply_count DESC, i.created_at, i.id) AS rank
  FROM items i
  WHERE i.parent_author_id IS DISTINCT FROM $1 AND NOT i.pinned
),
highlights AS (
  SELECT c.id, c.space_id, c.parent_id, coalesce(c.language, tr.source_language) AS language, c.reply_count, c.pinned, c.created_at, left(c.body, 600) AS body,
         au.display_name AS author_name, au.organisation AS author_organisation,
         NULL::uuid AS parent_author_id, NULL::text AS parent_author_name,
         tr.text AS translated, tr.machine AS translated_by_machine
  FROM visible v
  JOIN contributions c ON c.space_id = v.id AND c.pinned AND c.status = 'published'
  JOIN users au ON au.id = c.author_id
  ${translationJoin('c')}
  -- pinned (or its text changed) in the window, or new and pinned already
  WHERE (c.created_at > $3 AND c.created_at <= $4) OR (c.updated_at > $3 AND c.updated_at <= $4)
  ORDER BY c.reply_count DESC, c.created_at
  LIMIT 10
),
outcomes AS (
  SELECT l.action, l.reason, l.to_status, l.created_at, c.id AS contribution_id, c.space_id, left(c.body, 300) AS body
  FROM moderation_log l
  JOIN contributions c ON c.id = l.contribution_id
  WHERE l.subject_user_id = $1 AND l.action IN ('approve', 'reject', 'hide', 'auto_hide', 'restore')
    AND l.created_at > $3 AND l.created_at <= $4 AND l.space_id IN (SELECT id FROM visible)
  ORDER BY l.id
  LIMIT 20
),
-- moderator digests of the member's spaces and stocktaking summaries of their roundtables, published in the window
publications AS (
  SELECT 'moderatorDigest' AS kind, d.id, v.roundtable_number, v.roundtable_title, v.number AS space_number, d.published_at
  FROM visible v JOIN moderator_digests d ON d.space_id = v.id
  WHERE d.status = 'published' AND d.published_at > $3 AND d.published_at <= $4
  UNION ALL
  SELECT 'stocktaking' AS kind, st.id, r.roundtable_number, r.roundtable_title, NULL AS space_number, st.published_at
  FROM (SELECT DISTINCT roundtable_id, roundtable_number, roundtable_title FROM visible) r
  JOIN stocktaking_summaries st ON st.roundtable_id = r.roundtable_id
  WHERE st.status = 'published' AND st.published_at > $3 AND st.published_at <= $4
)
SELECT
  (SELECT row_to_json(me) FROM me) AS me,
  (SELECT json_build_object('title', c.title, 'timezone', c.timezone) FROM consultations c WHERE c.id = $2) AS consultation,
  (SELECT coalesce(json_agg(v ORDER BY v.roundtable_number, v.number), '[]') FROM visible v) AS spaces,
  (SELECT coalesce(json_agg(r ORDER BY r.space_id, r.rank), '[]') FROM ranked r WHERE r.rank <= $5) AS items,
  (SELECT coalesce(json_object_agg(t.space_id, t.n), '{}') FROM (SELECT space_id, count(*) AS n FROM ranked GROUP BY space_id) t) AS totals,
  (SELECT coalesce(json_agg(i ORDER BY i.created_at), '[]') FROM (SELECT * FROM items WHERE parent_author_id = $1 ORDER BY created_at LIMIT 20) i) AS replies,
  (SELECT count(*)::int FROM items WHERE parent_author_id = $1) AS replies_total,
  (SELECT coalesce(json_agg(h), '[]') FROM highlights h) AS highlights,
  (SELECT coalesce(json_agg(o), '[]') FROM outcomes o) AS outcomes,
  (SELECT coalesce(json_agg(p ORDER BY p.roundtable_number, p.space_number NULLS FIRST, p.published_at), '[]') FROM publications p) AS publications
`;

export interface RawMember {
  id: string;
  email: string | null;
  display_name: string;
  preferred_language: Language;
  digest: 'weekly' | 'off';
  digest_paused_at: string | null;
  suspended: boolean;
}

export interface RawSpace {
  id: string;
  number: number;
  prompt: Multilingual;
  prompt_translations: PromptTranslations | null;
  roundtable_id: string;
  roundtable_number: number;
  roundtable_title: Multilingual;
}

export interface RawItem {
  id: string;
  space_id: string;
  parent_id: string | null;
  language: Language | null;
  reply_count: number;
  pinned: boolean;
  created_at: string;
  body: string;
  author_name: string;
  author_organisation: string | null;
  parent_author_id: string | null;
  parent_author_name: string | null;
  translated: string | null;
  /** False when people corrected the translation. */
  translated_by_machine?: boolean | null;
}

export interface RawOutcome {
  action: 'approve' | 'reject' | 'hide' | 'auto_hide' | 'restore';
  reason: string | null;
  to_status: string | null;
  created_at: string;
  contribution_id: string;
  space_id: string;
  body: string;
}

export interface RawPublication {
  kind: 'moderatorDigest' | 'stocktaking';
  id: string;
  roundtable_number: number;
  roundtable_title: Multilingual;
  space_number: number | null;
  published_at: string;
}

/** One row: what {@link DIGEST_CONTENT_SQL} returns. */
export interface DigestContentRow {
  me: RawMember | null;
  consultation: { title: Multilingual; timezone: string } | null;
  spaces: RawSpace[];
  items: RawItem[];
  totals: Record<string, number>;
  replies: RawItem[];
  replies_total: number;
  highlights: RawItem[];
  outcomes: RawOutcome[];
  publications: RawPublication[];
}
