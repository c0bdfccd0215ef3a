import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError, NOT_FOUND } from '@roundtable/core';
import { ConsultationFiguresDto, SpaceFiguresDto } from './consultation-figures.dto';

/** Counts per key, as PostgreSQL aggregates them (`jsonb_object_agg` of a GROUP BY). */
const counts = (select: string) => `(SELECT coalesce(jsonb_object_agg(k, n), '{}'::jsonb) FROM (${select}) x(k, n))`;

/**
 * One statement over the consultation's questions: members (joined at least one
 * question, or moderator or rapporteur of a roundtable), contributions, translations of the current versions, moderation backlog and
 * the latest digest run. Every part starts from the consultation's spaces, so each scan
 * is bounded by the per-space indexes (contributions_space_created_idx,
 * contribution_flags_open_idx, the memberships and member_digest_runs primary keys).
 */
const FIGURES_SQL = `
WITH sp AS (
  SELECT s.id, s.number, s.status, s.roundtable_id, r.number AS roundtable_number
  FROM spaces s JOIN roundtables r ON r.id = s.roundtable_id
  WHERE r.consultation_id = $1),
mu AS (
  SELECT u.id, u.constituency, u.preferred_language, u.digest, u.digest_paused_at FROM users u
  WHERE u.id IN (SELECT m.user_id FROM memberships m WHERE m.space_id IN (SELECT id FROM sp)
                 UNION SELECT rr.user_id FROM roundtable_roles rr JOIN roundtables r ON r.id = rr.roundtable_id WHERE r.consultation_id = $1)),
cs AS (
  SELECT c.id, c.space_id, c.status, c.language, c.version, c.author_id, c.created_at FROM contributions c
  WHERE c.space_id IN (SELECT id FROM sp)),
pub AS (SELECT * FROM cs WHERE status = 'published'),
tr AS (
  SELECT count(*) FILTER (WHERE t.status = 'done')::int AS done, count(*) FILTER (WHERE t.status = 'failed')::int AS failed
  FROM pub JOIN contribution_translations t ON t.contribution_id = pub.id AND t.source_version >= pub.version),
run AS (
  SELECT r.period_end, r.trigger, r.members FROM member_digest_runs r WHERE r.consultation_id = $1 ORDER BY r.period_end DESC LIMIT 1)
SELECT
  (SELECT count(*)::int FROM mu) AS members,
  (SELECT count(*)::int FROM mu WHERE digest = 'weekly' AND digest_paused_at IS NULL) AS digest_subscribers,
  ${counts(`SELECT constituency, count(*)::int FROM mu GROUP BY 1`)} AS members_by_constituency,
  ${counts(`SELECT preferred_language, count(*)::int FROM mu GROUP BY 1`)} AS members_by_language,
  (SELECT count(*)::int FROM cs) AS contributions,
  ${counts(`SELECT status, count(*)::int FROM cs GROUP BY 1`)} AS contributions_by_status,
  ${counts(`SELECT coalesce(language, 'unknown'), count(*)::int FROM pub GROUP BY 1`)} AS published_by_language,
  (SELECT count(*)::int FROM pub WHERE created_at > now() - interval '7 days') AS published_last_7_days,
  (SELECT count(DISTINCT author_id)::int FROM pub) AS contributors,
  ${counts(`SELECT u.constituency, count(DISTINCT pub.author_id)::int FROM pub JOIN users u ON u.id = pub.author_id GROUP BY 1`)} AS contributors_by_constituency,
  (SELECT count(*)::int FROM pub WHERE language IS NOT NULL) * 2 AS translations_expected,
  (SELECT done FROM tr) AS translations_done,
  (SELECT failed FROM tr) AS translations_failed,
  (SELECT count(*)::int FROM cs WHERE status = 'pending') AS pending_approval,
  (SELECT count(*)::int FROM contribution_flags f WHERE f.space_id IN (SELECT id FROM sp) AND f.resolved_at IS NULL) AS open_flags,
  (SELECT to_jsonb(run) || jsonb_build_object('deliveries', ${counts(
    `SELECT d.status, count(*)::int FROM member_digest_deliveries d WHERE d.consultation_id = $1 AND d.period_end = (SELECT period_end FROM run) GROUP BY 1`,
  )}) FROM run) AS last_run,
  (SELECT coalesce(jsonb_agg(jsonb_build_object(
      'spaceId', sp.id, 'roundtableId', sp.roundtable_id, 'roundtableNumber', sp.roundtable_number, 'number', sp.number, 'status', sp.status,
      'members', (SELECT count(*) FROM memberships m WHERE m.space_id = sp.id),
      'published', (SELECT count(*) FROM pub WHERE pub.space_id = sp.id),
      'pending', (SELECT count(*) FROM cs WHERE cs.space_id = sp.id AND cs.status = 'pending'),
      'contributors', (SELECT count(DISTINCT author_id) FROM pub WHERE pub.space_id = sp.id),
      'lastContributionAt', (SELECT max(created_at) FROM pub WHERE pub.space_id = sp.id))
    ORDER BY sp.roundtable_number, sp.number), '[]'::jsonb) FROM sp) AS spaces`;

interface FiguresRow {
  members: number;
  digest_subscribers: number;
  members_by_constituency: Record<string, number>;
  members_by_language: Record<string, number>;
  contributions: number;
  contributions_by_status: Record<string, number>;
  published_by_language: Record<string, number>;
  published_last_7_days: number;
  contributors: number;
  contributors_by_constituency: Record<string, number>;
  translations_expected: number;
  translations_done: number;
  translations_failed: number;
  pending_approval: number;
  open_flags: number;
  last_run: { period_end: string; trigger: string; members: number | null; deliveries: Record<string, number> } | null;
  spaces: Array<Omit<SpaceFiguresDto, 'lastContributionAt'> & { lastContributionAt: string | null }>;
}

/** Where a consultation stands: who takes part, what they wrote, what is translated, moderated and sent. */
@Injectable()
export class ConsultationFiguresService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async figures(consultationId: string): Promise<ConsultationFiguresDto> {
    if ((await this.db.query(`SELECT 1 FROM consultations WHERE id = $1`, [consultationId])).length === 0)
      throw DomainError.notFound(NOT_FOUND.consultation);
    const [row]: FiguresRow[] = await this.db.query(FIGURES_SQL, [consultationId]);
    const run = row.last_run;
    return {
      consultationId,
      computedAt: new Date().toISOString(),
      members: {
        total: row.members,
        digestSubscribers: row.digest_subscribers,
        byConstituency: row.members_by_constituency,
        byLanguage: row.members_by_language,
      },
      contributions: {
        total: row.contributions,
        byStatus: row.contributions_by_status,
        publishedByLanguage: row.published_by_language,
        publishedLast7Days: row.published_last_7_days,
        contributors: row.contributors,
        contributorsByConstituency: row.contributors_by_constituency,
      },
      translations: {
        done: row.translations_done,
        failed: row.translations_failed,
        pending: Math.max(0, row.translations_expected - row.translations_done - row.translations_failed),
      },
      moderation: { pendingApproval: row.pending_approval, openFlags: row.open_flags },
      lastDigestRun: run
        ? {
            periodEnd: new Date(run.period_end).toISOString(),
            trigger: run.trigger,
            members: run.members,
            deliveries: run.deliveries,
          }
        : null,
      spaces: row.spaces.map((s) => ({
        ...s,
        lastContributionAt: s.lastContributionAt ? new Date(s.lastContributionAt).toISOString() : null,
      })),
    };
  }
}
