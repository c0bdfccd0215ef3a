import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { stringify } from 'csv-stringify';
import { DataSource, EntityManager } from 'typeorm';
import { COMMON_MESSAGES, DomainError, keysetPage, neutraliseCell } from '@roundtable/core';
import { ModerationDecision, ModerationNotifications } from '@roundtable/notifications';
import { AuditEntryDto, AuditPageDto } from './audit-entry.dto';

/** One moderation decision, as it is written: what the member concerned is told, and the status change. */
export interface AuditRecord extends Omit<ModerationDecision, 'logId'> {
  fromStatus?: string | null;
  toStatus?: string | null;
}

interface AuditRow {
  id: string;
  space_id: string;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  contribution_id: string | null;
  subject_user_id: string | null;
  subject_name: string | null;
  reason: string | null;
  from_status: string | null;
  to_status: string | null;
  details: Record<string, unknown>;
  created_at: Date;
}

const SELECT = `
  SELECT l.id, l.space_id, l.actor_id, a.display_name AS actor_name, l.action, l.contribution_id, l.subject_user_id,
         s.display_name AS subject_name, l.reason, l.from_status, l.to_status, l.details, l.created_at
  FROM moderation_log l
  LEFT JOIN users a ON a.id = l.actor_id
  LEFT JOIN users s ON s.id = l.subject_user_id`;

const CSV_COLUMNS = [
  'at',
  'action',
  'actorId',
  'actor',
  'contributionId',
  'subjectUserId',
  'subject',
  'fromStatus',
  'toStatus',
  'reason',
  'details',
];

/**
 * The moderation log: who decided what, on what, why and when, with the status before and
 * after. Written in the transaction of the decision itself; the table is append-only (the
 * database refuses UPDATE, DELETE and TRUNCATE on it).
 */
@Injectable()
export class AuditLog {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly notifications: ModerationNotifications,
  ) {}

  /** Writes the entry and, in the same transaction, the notice of the member it concerns. */
  async record(manager: EntityManager, entry: AuditRecord): Promise<void> {
    const [{ id }]: Array<{ id: string }> = await manager.query(
      `INSERT INTO moderation_log (space_id, actor_id, action, contribution_id, subject_user_id, reason, from_status, to_status, details)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [
        entry.spaceId,
        entry.actorId,
        entry.action,
        entry.contributionId ?? null,
        entry.subjectUserId ?? null,
        entry.reason ?? null,
        entry.fromStatus ?? null,
        entry.toStatus ?? null,
        JSON.stringify(entry.details ?? {}),
      ],
    );
    await this.notifications.record(manager, { ...entry, logId: String(id) });
  }

  /** A page of a space's log, newest first. */
  async page(spaceId: string, limit = 50, cursor?: string): Promise<AuditPageDto> {
    if (cursor !== undefined && !/^\d{1,18}$/.test(cursor))
      throw DomainError.badRequest(COMMON_MESSAGES.badCursor, 'bad_cursor');
    const rows: AuditRow[] = await this.db.query(
      `${SELECT} WHERE l.space_id = $1 AND ($2::bigint IS NULL OR l.id < $2) ORDER BY l.id DESC LIMIT $3`,
      [spaceId, cursor ?? null, limit + 1],
    );
    const page = keysetPage(rows, limit, (last) => last.id);
    return { items: page.rows.map(toDto), nextCursor: page.nextCursor };
  }

  /** The whole log of a space, oldest first, as CSV (cells a spreadsheet would evaluate are neutralised). */
  async csv(spaceId: string): Promise<string> {
    const rows: AuditRow[] = await this.db.query(`${SELECT} WHERE l.space_id = $1 ORDER BY l.id`, [spaceId]);
    const records = rows
      .map(toDto)
      .map((e) =>
        [
          e.createdAt,
          e.action,
          e.actorId ?? '',
          e.actorName ?? 'system',
          e.contributionId ?? '',
          e.subjectUserId ?? '',
          e.subjectName ?? '',
          e.fromStatus ?? '',
          e.toStatus ?? '',
          e.reason ?? '',
          Object.keys(e.details).length ? JSON.stringify(e.details) : '',
        ].map((cell) => neutraliseCell(String(cell))),
      );
    return new Promise((resolve, reject) =>
      stringify([CSV_COLUMNS, ...records], (err, out) => (err ? reject(err) : resolve(out))),
    );
  }
}

function toDto(r: AuditRow): AuditEntryDto {
  return {
    id: r.id,
    spaceId: r.space_id,
    actorId: r.actor_id,
    actorName: r.actor_name,
    action: r.action,
    contributionId: r.contribution_id,
    subjectUserId: r.subject_user_id,
    subjectName: r.subject_name,
    reason: r.reason,
    fromStatus: r.from_status,
    toStatus: r.to_status,
    details: r.details,
    createdAt: r.created_at.toISOString(),
  };
}
