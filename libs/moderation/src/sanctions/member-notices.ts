import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DecisionNoticeDto, MemberNoticesDto, SanctionDto } from './sanction.dto';

export interface SanctionRow {
  id: string;
  kind: 'warning' | 'suspension';
  user_id: string;
  space_id: string | null;
  consultation_id: string;
  until: Date | null;
  reason: string;
  created_at: Date;
  lifted_at: Date | null;
  lift_reason: string | null;
}

/** The columns of a {@link SanctionRow}. */
export const SANCTION_COLUMNS =
  'id, kind, user_id, space_id, consultation_id, until, reason, created_at, lifted_at, lift_reason';

/**
 * What a member is told about moderation: their warnings and suspensions, and each
 * decision on their contributions with its reason. Read by GET /me/moderation and meant
 * for the member digest (`since` = the start of the digest period); it depends on the
 * database only, so the worker can use it through {@link ModerationCoreModule}.
 */
@Injectable()
export class MemberNotices {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async forMember(userId: string, since?: Date): Promise<MemberNoticesDto> {
    const [sanctions, decisions] = await Promise.all([
      this.db.query(
        `SELECT ${SANCTION_COLUMNS} FROM member_sanctions
         WHERE user_id = $1 AND ($2::timestamptz IS NULL OR created_at >= $2) ORDER BY created_at DESC LIMIT 200`,
        [userId, since ?? null],
      ) as Promise<SanctionRow[]>,
      this.db.query(
        `SELECT action, contribution_id, space_id, to_status, reason, created_at FROM moderation_log
         WHERE subject_user_id = $1 AND contribution_id IS NOT NULL AND action IN ('approve', 'reject', 'hide', 'auto_hide', 'restore', 'delete')
           AND ($2::timestamptz IS NULL OR created_at >= $2)
         ORDER BY id DESC LIMIT 200`,
        [userId, since ?? null],
      ) as Promise<
        Array<{
          action: string;
          contribution_id: string;
          space_id: string;
          to_status: string | null;
          reason: string | null;
          created_at: Date;
        }>
      >,
    ]);
    return {
      warnings: sanctions.filter((s) => s.kind === 'warning').map(toSanctionDto),
      suspensions: sanctions.filter((s) => s.kind === 'suspension').map(toSanctionDto),
      decisions: decisions.map((d): DecisionNoticeDto => ({
        action: d.action,
        contributionId: d.contribution_id,
        spaceId: d.space_id,
        status: d.to_status,
        reason: d.reason,
        at: d.created_at.toISOString(),
      })),
    };
  }
}

export function toSanctionDto(r: SanctionRow): SanctionDto {
  return {
    id: r.id,
    kind: r.kind,
    userId: r.user_id,
    spaceId: r.space_id,
    consultationId: r.consultation_id,
    until: r.until?.toISOString() ?? null,
    reason: r.reason,
    createdAt: r.created_at.toISOString(),
    liftedAt: r.lifted_at?.toISOString() ?? null,
    liftReason: r.lift_reason,
  };
}
