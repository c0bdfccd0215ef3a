import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { completePrompt } from '@roundtable/core';
import type { Multilingual, PromptTranslations } from '@roundtable/core';
import { ModeratedQuestionDto } from './moderated-question.dto';

/**
 * Every question the member moderates (in the space itself or for its whole roundtable),
 * with its queue counted as ModerationQueue lists it: pending contributions, and published
 * or hidden ones with open flags. One statement, bounded by the member's roles
 * (memberships_user_idx, roundtable_roles_user_idx) and per-space indexes
 * (contributions_pending_idx, contribution_flags_open_idx).
 */
const MODERATED_SQL = `
WITH mine AS (
  SELECT m.space_id AS id FROM memberships m WHERE m.user_id = $1 AND m.role = 'moderator'
  UNION
  SELECT s.id FROM roundtable_roles rr JOIN spaces s ON s.roundtable_id = rr.roundtable_id WHERE rr.user_id = $1 AND rr.role = 'moderator'),
q AS (
  SELECT s.id, s.number, s.prompt, s.prompt_translations, s.moderation, s.status, s.roundtable_id,
         r.number AS roundtable_number, r.title AS roundtable_title, c.id AS consultation_id, c.title AS consultation_title,
         p.pending, p.oldest_pending, f.flagged, f.oldest_flag
  FROM mine JOIN spaces s ON s.id = mine.id JOIN roundtables r ON r.id = s.roundtable_id JOIN consultations c ON c.id = r.consultation_id
  CROSS JOIN LATERAL (SELECT count(*)::int AS pending, min(x.created_at) AS oldest_pending FROM contributions x WHERE x.space_id = s.id AND x.status = 'pending') p
  CROSS JOIN LATERAL (
    SELECT count(DISTINCT fl.contribution_id)::int AS flagged, min(fl.created_at) AS oldest_flag
    FROM contribution_flags fl JOIN contributions x ON x.id = fl.contribution_id
    WHERE fl.space_id = s.id AND fl.resolved_at IS NULL AND x.status IN ('published', 'hidden')) f)
SELECT q.*, least(q.oldest_pending, q.oldest_flag) AS waiting_since FROM q
ORDER BY waiting_since ASC NULLS LAST, q.consultation_title->>'en', q.roundtable_number, q.number, q.id`;

interface Row {
  id: string;
  number: number;
  prompt: Multilingual;
  prompt_translations: PromptTranslations;
  moderation: 'pre' | 'post';
  status: string;
  roundtable_id: string;
  roundtable_number: number;
  roundtable_title: Multilingual;
  consultation_id: string;
  consultation_title: Multilingual;
  pending: number;
  flagged: number;
  waiting_since: Date | null;
}

/** The questions a moderator looks after, across consultations, oldest waiting first. */
@Injectable()
export class ModeratedQuestions {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async of(userId: string): Promise<ModeratedQuestionDto[]> {
    const rows: Row[] = await this.db.query(MODERATED_SQL, [userId]);
    return rows.map((r) => ({
      spaceId: r.id,
      number: r.number,
      prompt: completePrompt(r.prompt, r.prompt_translations),
      moderation: r.moderation,
      status: r.status,
      roundtableId: r.roundtable_id,
      roundtableNumber: r.roundtable_number,
      roundtableTitle: r.roundtable_title,
      consultationId: r.consultation_id,
      consultationTitle: r.consultation_title,
      pending: r.pending,
      flagged: r.flagged,
      waitingSince: r.waiting_since?.toISOString() ?? null,
    }));
  }
}
