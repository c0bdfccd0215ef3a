import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CONTRIBUTION_SELECT, ContributionRow, toContributionDto } from '@roundtable/contributions';
import { FlagReason } from '../flags/flag-reason';
import { QueueItemDto, QueuePageDto, QueuedFlagDto } from './queue-item.dto';
import { decodeCursor, encodeCursor, keysetPage } from '@roundtable/core';

interface QueueRow {
  id: string;
  kind: 'pending' | 'flagged';
  queued_at: Date;
  queued_key: string;
  flag_count: number;
  flags: Array<{ userId: string; reason: FlagReason; note: string | null; flaggedAt: string }>;
}

/**
 * A space's moderation queue: pending contributions and published or hidden ones with open
 * flags, oldest first. Computed from the contributions and flags themselves, so it is
 * always exactly what still waits for a decision.
 */
@Injectable()
export class ModerationQueue {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async page(spaceId: string, moderatorId: string, limit = 50, cursor?: string): Promise<QueuePageDto> {
    const [afterKey, afterId] = cursor ? decodeCursor(cursor) : [null, null];
    const rows = await this.rows(spaceId, { afterKey, afterId, limit: limit + 1 });
    const page = keysetPage(rows, limit, (last) => encodeCursor(last.queued_key, last.id));
    return { items: await this.withContributions(page.rows, moderatorId), nextCursor: page.nextCursor };
  }

  /** One contribution's queue entry, or null when it waits for nothing. */
  async item(spaceId: string, contributionId: string, moderatorId: string): Promise<QueueItemDto | null> {
    const rows = await this.rows(spaceId, { onlyId: contributionId, limit: 1 });
    return (await this.withContributions(rows, moderatorId))[0] ?? null;
  }

  private rows(
    spaceId: string,
    o: { afterKey?: string | null; afterId?: string | null; onlyId?: string; limit: number },
  ): Promise<QueueRow[]> {
    return this.db.query(
      `WITH flagged AS (
         SELECT f.contribution_id AS id, min(f.created_at) AS queued_at, count(*)::int AS flag_count,
                jsonb_agg(jsonb_build_object('userId', f.user_id, 'reason', f.reason, 'note', f.note, 'flaggedAt', f.created_at) ORDER BY f.created_at) AS flags
         FROM contribution_flags f JOIN contributions c ON c.id = f.contribution_id
         WHERE f.space_id = $1 AND f.resolved_at IS NULL AND c.status IN ('published', 'hidden') AND ($5::uuid IS NULL OR f.contribution_id = $5)
         GROUP BY f.contribution_id
       ), queue AS (
         SELECT id, 'flagged' AS kind, queued_at, flag_count, flags FROM flagged
         UNION ALL
         SELECT c.id, 'pending', c.created_at, 0, '[]'::jsonb FROM contributions c
         WHERE c.space_id = $1 AND c.status = 'pending' AND ($5::uuid IS NULL OR c.id = $5)
       )
       SELECT q.*, q.queued_at::text AS queued_key FROM queue q
       WHERE $2::timestamptz IS NULL OR (q.queued_at, q.id) > ($2::timestamptz, $3::uuid)
       ORDER BY q.queued_at, q.id LIMIT $4`,
      [spaceId, o.afterKey ?? null, o.afterId ?? null, o.limit, o.onlyId ?? null],
    );
  }

  private async withContributions(rows: QueueRow[], moderatorId: string): Promise<QueueItemDto[]> {
    if (rows.length === 0) return [];
    const contributions: ContributionRow[] = await this.db.query(
      `${CONTRIBUTION_SELECT} WHERE c.id = ANY($1::uuid[])`,
      [rows.map((r) => r.id)],
    );
    const byId = new Map(contributions.map((c) => [c.id, c]));
    const viewer = { userId: moderatorId, canModerate: true };
    return rows
      .filter((r) => byId.has(r.id))
      .map((r) => {
        const counts = new Map<FlagReason, number>();
        for (const f of r.flags) counts.set(f.reason, (counts.get(f.reason) ?? 0) + 1);
        return {
          kind: r.kind,
          queuedAt: r.queued_at.toISOString(),
          flagCount: r.flag_count,
          reasons: [...counts].map(([reason, count]) => ({ reason, count })),
          flags: r.flags.map((f): QueuedFlagDto => ({
            userId: f.userId,
            reason: f.reason,
            note: f.note,
            flaggedAt: new Date(f.flaggedAt).toISOString(),
          })),
          contribution: toContributionDto(byId.get(r.id)!, viewer),
        };
      });
  }
}
