import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SpaceActivityDto } from '../spaces/space.dto';
import { ConsultationActivityDto } from './consultation.dto';

/**
 * Where each consultation of a page stands for one member, in one statement: its open
 * questions (drafts left out), their dates, recent contributions, whether the member takes
 * part, and their unread notices about it. Every part starts from the page's
 * consultations, so the scans stay on the per-space indexes (contributions_space_published_idx,
 * memberships' primary key, notifications_unread_idx).
 */
const ACTIVITY_SQL = `
WITH sp AS (
  SELECT s.id, r.consultation_id, r.id AS roundtable_id,
         CASE WHEN s.status IN ('closed', 'archived') OR s.closes_at <= now() THEN 'closed'
              WHEN s.opens_at > now() THEN 'upcoming' ELSE 'open' END AS phase,
         s.opens_at, s.closes_at
  FROM spaces s JOIN roundtables r ON r.id = s.roundtable_id
  WHERE r.consultation_id = ANY($1::uuid[]) AND s.status <> 'draft'),
spa AS (
  -- per question, on contributions_space_published_idx (index-only): the last 7 days' range, and the newest published one
  SELECT sp.*, r.recent, l.last_at FROM sp
  CROSS JOIN LATERAL (SELECT count(*)::int AS recent FROM contributions c WHERE c.space_id = sp.id AND c.created_at > now() - interval '7 days' AND c.status = 'published') r
  LEFT JOIN LATERAL (SELECT c.created_at AS last_at FROM contributions c WHERE c.space_id = sp.id AND c.status = 'published' ORDER BY c.created_at DESC LIMIT 1) l ON true)
SELECT k.id,
  (SELECT count(*)::int FROM sp WHERE sp.consultation_id = k.id) AS questions,
  (SELECT coalesce(array_agg(DISTINCT sp.phase), '{}') FROM sp WHERE sp.consultation_id = k.id) AS phases,
  (SELECT min(sp.opens_at) FROM sp WHERE sp.consultation_id = k.id) AS opens_at,
  (SELECT max(sp.closes_at) FROM sp WHERE sp.consultation_id = k.id) AS closes_at,
  (SELECT coalesce(sum(spa.recent), 0)::int FROM spa WHERE spa.consultation_id = k.id) AS recent,
  (SELECT max(spa.last_at) FROM spa WHERE spa.consultation_id = k.id) AS last_at,
  (EXISTS (SELECT 1 FROM memberships m JOIN sp ON sp.id = m.space_id WHERE m.user_id = $2 AND sp.consultation_id = k.id)
   OR EXISTS (SELECT 1 FROM roundtable_roles rr JOIN roundtables r ON r.id = rr.roundtable_id WHERE rr.user_id = $2 AND r.consultation_id = k.id)) AS mine,
  (SELECT count(*)::int FROM notifications n JOIN sp ON sp.id = n.space_id WHERE n.user_id = $2 AND n.read_at IS NULL AND sp.consultation_id = k.id) AS unread
FROM unnest($1::uuid[]) AS k(id)`;

interface ActivityRow {
  id: string;
  questions: number;
  phases: string[];
  opens_at: Date | null;
  closes_at: Date | null;
  recent: number;
  last_at: Date | null;
  mine: boolean;
  unread: number;
}

/** Per question of a roundtable: its published contributions, the members who wrote them and the latest one. */
const SPACE_ACTIVITY_SQL = `
SELECT s.id,
  count(c.id)::int AS contributions,
  count(DISTINCT c.author_id)::int AS participants,
  max(c.created_at) AS last_at
FROM unnest($1::uuid[]) AS s(id)
LEFT JOIN contributions c ON c.space_id = s.id AND c.status = 'published'
GROUP BY s.id`;

/** How busy consultations and questions are, for the lists members find their way with. */
@Injectable()
export class ConsultationActivity {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async forMember(consultationIds: string[], userId: string): Promise<Map<string, ConsultationActivityDto>> {
    if (consultationIds.length === 0) return new Map();
    const rows: ActivityRow[] = await this.db.query(ACTIVITY_SQL, [consultationIds, userId]);
    return new Map(
      rows.map((r) => [
        r.id,
        {
          status: r.phases.includes('open')
            ? 'open'
            : r.phases.includes('upcoming') || r.questions === 0
              ? 'upcoming'
              : 'closed',
          questions: r.questions,
          opensAt: r.opens_at?.toISOString() ?? null,
          closesAt: r.closes_at?.toISOString() ?? null,
          contributionsLast7Days: r.recent,
          lastActivityAt: r.last_at?.toISOString() ?? null,
          mine: r.mine,
          unreadNotifications: r.unread,
        },
      ]),
    );
  }

  async ofSpaces(spaceIds: string[]): Promise<Map<string, SpaceActivityDto>> {
    if (spaceIds.length === 0) return new Map();
    const rows: Array<{ id: string; contributions: number; participants: number; last_at: Date | null }> =
      await this.db.query(SPACE_ACTIVITY_SQL, [spaceIds]);
    return new Map(
      rows.map((r) => [
        r.id,
        {
          contributions: r.contributions,
          participants: r.participants,
          lastActivityAt: r.last_at?.toISOString() ?? null,
        },
      ]),
    );
  }
}
