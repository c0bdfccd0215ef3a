import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { COMMON_MESSAGES, decodeCursor, DomainError, encodeCursor, keysetPage, NOT_FOUND } from '@roundtable/core';
import { AccessService, RequestAccess } from '@roundtable/identity';
import { LiveRooms } from '@roundtable/live';
import { AuditLog } from '../audit/audit-log';
import { ModerationRateLimiter } from '../shared/moderation-rate-limiter';
import { SANCTION_COLUMNS, SanctionRow, toSanctionDto } from './member-notices';
import {
  CreateSuspensionDto,
  CreateWarningDto,
  LiftSuspensionDto,
  RunningSuspensionDto,
  RunningSuspensionPageDto,
  SanctionDto,
} from './sanction.dto';
import { MODERATION_MESSAGES as M } from '../moderation-messages';

const YEAR_MS = 366 * 24 * 3600 * 1000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface RunningRow {
  id: string;
  user_id: string;
  display_name: string;
  organisation: string | null;
  space_id: string | null;
  until: Date;
  until_key: string;
  reason: string;
  created_by: string;
  created_by_name: string | null;
  created_at: Date;
}

/**
 * Warnings and suspensions of members. A suspension takes effect at once on every api
 * process: the access cache is told, and the member's sockets leave the spaces concerned.
 * The access check itself (posting, editing, flagging, following live) reads the
 * suspension with the member's role. Lifting one early ends it the same way: its `until`
 * becomes the moment it was lifted and every process is told.
 */
@Injectable()
export class SanctionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditLog,
    private readonly access: AccessService,
    private readonly rooms: LiveRooms,
    private readonly limiter: ModerationRateLimiter,
  ) {}

  async warn(access: RequestAccess, spaceId: string, input: CreateWarningDto): Promise<SanctionDto> {
    return this.sanction(access, spaceId, 'warning', input, null, 'space');
  }

  async suspend(access: RequestAccess, spaceId: string, input: CreateSuspensionDto): Promise<SanctionDto> {
    const until = new Date(input.until);
    if (Number.isNaN(until.getTime()) || until.getTime() <= Date.now()) throw DomainError.badRequest(M.untilInPast);
    if (until.getTime() > Date.now() + YEAR_MS) throw DomainError.badRequest(M.untilTooFar);
    const scope = input.scope ?? 'space';
    if (scope === 'consultation' && !access.user!.isOrganiser) throw DomainError.forbidden(M.consultationSuspension);
    const sanction = await this.sanction(access, spaceId, 'suspension', input, until, scope);
    await this.access.changed(input.userId);
    const spaceIds: string[] =
      scope === 'space'
        ? [spaceId]
        : (
            await this.db.query(
              `SELECT s.id FROM spaces s JOIN roundtables r ON r.id = s.roundtable_id WHERE r.consultation_id = $1`,
              [sanction.consultationId],
            )
          ).map((r: { id: string }) => r.id);
    await this.rooms.removeFromSpaces(input.userId, spaceIds, {
      reason: 'suspended',
      until: sanction.until,
      message: input.reason,
    });
    return sanction;
  }

  /** The suspensions running in a space: its own and the consultation-wide ones, soonest end first. */
  async running(spaceId: string, limit = 50, cursor?: string): Promise<RunningSuspensionPageDto> {
    let after: [string, string] | null = null;
    if (cursor !== undefined) {
      const parts = decodeCursor(cursor);
      if (parts.length !== 2 || Number.isNaN(Date.parse(parts[0])) || !UUID.test(parts[1]))
        throw DomainError.badRequest(COMMON_MESSAGES.badCursor, 'bad_cursor');
      after = [parts[0], parts[1]];
    }
    // member_sanctions_running_idx: (consultation_id, until) of suspensions
    const rows: RunningRow[] = await this.db.query(
      `SELECT su.id, su.user_id, u.display_name, u.organisation, su.space_id, su.until, su.until::text AS until_key, su.reason,
              su.created_by, c.display_name AS created_by_name, su.created_at
       FROM spaces s JOIN roundtables r ON r.id = s.roundtable_id
       JOIN member_sanctions su ON su.consultation_id = r.consultation_id AND su.kind = 'suspension' AND su.until > now()
                               AND (su.space_id = s.id OR su.space_id IS NULL)
       JOIN users u ON u.id = su.user_id
       LEFT JOIN users c ON c.id = su.created_by
       WHERE s.id = $1 AND ($2::timestamptz IS NULL OR (su.until, su.id) > ($2::timestamptz, $3::uuid))
       ORDER BY su.until, su.id LIMIT $4`,
      [spaceId, after?.[0] ?? null, after?.[1] ?? null, limit + 1],
    );
    const page = keysetPage(rows, limit, (last) => encodeCursor(last.until_key, last.id));
    return {
      items: page.rows.map((r): RunningSuspensionDto => ({
        id: r.id,
        userId: r.user_id,
        displayName: r.display_name,
        organisation: r.organisation,
        scope: r.space_id ? 'space' : 'consultation',
        spaceId: r.space_id,
        until: r.until.toISOString(),
        reason: r.reason,
        createdBy: r.created_by,
        createdByName: r.created_by_name,
        createdAt: r.created_at.toISOString(),
      })),
      nextCursor: page.nextCursor,
    };
  }

  /**
   * Ends a running suspension now, with a reason the member is shown; recorded in the
   * moderation log of the space in the same transaction. A consultation-wide suspension is
   * lifted by an organiser (who alone may issue one), from any space of the consultation.
   */
  async lift(
    access: RequestAccess,
    spaceId: string,
    suspensionId: string,
    input: LiftSuspensionDto,
  ): Promise<SanctionDto> {
    const actor = access.user!;
    await this.limiter.consume('action', actor.id);
    const reason = input.reason.trim();
    const row = await this.db.transaction(async (manager) => {
      const [current]: Array<SanctionRow & { space_consultation_id: string; running: boolean }> = await manager.query(
        `SELECT ${SANCTION_COLUMNS.split(', ')
          .map((c) => `su.${c}`)
          .join(', ')}, r.consultation_id AS space_consultation_id, su.until > now() AS running
         FROM member_sanctions su, spaces s JOIN roundtables r ON r.id = s.roundtable_id
         WHERE su.id = $1 AND s.id = $2 AND su.kind = 'suspension'
         FOR UPDATE OF su`,
        [suspensionId, spaceId],
      );
      const here =
        current &&
        (current.space_id === spaceId ||
          (current.space_id === null && current.consultation_id === current.space_consultation_id));
      if (!here) throw DomainError.notFound(NOT_FOUND.suspension);
      if (current.space_id === null && !actor.isOrganiser) throw DomainError.forbidden(M.consultationLift);
      if (!current.running) throw DomainError.conflict(M.suspensionEnded, 'suspension_ended');
      // TypeORM answers an UPDATE with [rows, affected count]
      const [[lifted]]: [SanctionRow[], number] = await manager.query(
        `UPDATE member_sanctions SET until = now(), lifted_at = now(), lifted_by = $2, lift_reason = $3 WHERE id = $1 RETURNING ${SANCTION_COLUMNS}`,
        [suspensionId, actor.id, reason],
      );
      await this.audit.record(manager, {
        spaceId,
        actorId: actor.id,
        action: 'lift_suspension',
        subjectUserId: current.user_id,
        reason,
        details: {
          suspensionId,
          plannedUntil: current.until!.toISOString(),
          scope: current.space_id ? 'space' : 'consultation',
        },
      });
      return lifted;
    });
    // every process forgets the suspension it remembered with the member's role
    await this.access.changed(row.user_id);
    return toSanctionDto(row);
  }

  private async sanction(
    access: RequestAccess,
    spaceId: string,
    kind: 'warning' | 'suspension',
    input: CreateWarningDto,
    until: Date | null,
    scope: 'space' | 'consultation',
  ): Promise<SanctionDto> {
    const actor = access.user!;
    await this.limiter.consume('action', actor.id);
    const [target] = await this.db.query(
      `SELECT u.id, u.is_organiser,
              EXISTS (SELECT 1 FROM memberships m WHERE m.space_id = s.id AND m.user_id = u.id AND m.role = 'moderator')
              OR EXISTS (SELECT 1 FROM roundtable_roles rr WHERE rr.roundtable_id = s.roundtable_id AND rr.user_id = u.id AND rr.role = 'moderator') AS moderates,
              r.consultation_id
       FROM users u, spaces s JOIN roundtables r ON r.id = s.roundtable_id
       WHERE u.id = $1 AND s.id = $2`,
      [input.userId, spaceId],
    );
    if (!target) throw DomainError.notFound(NOT_FOUND.user);
    if (target.is_organiser || target.moderates) throw DomainError.conflict(M.staffMember, 'staff_member');
    const reason = input.reason.trim();
    const row = await this.db.transaction(async (manager) => {
      const [created]: SanctionRow[] = await manager.query(
        `INSERT INTO member_sanctions (kind, user_id, space_id, consultation_id, until, reason, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${SANCTION_COLUMNS}`,
        [kind, input.userId, scope === 'space' ? spaceId : null, target.consultation_id, until, reason, actor.id],
      );
      await this.audit.record(manager, {
        spaceId,
        actorId: actor.id,
        action: kind === 'warning' ? 'warn' : 'suspend',
        subjectUserId: input.userId,
        reason,
        details: kind === 'suspension' ? { until: until!.toISOString(), scope } : {},
      });
      return created;
    });
    return toSanctionDto(row);
  }
}
