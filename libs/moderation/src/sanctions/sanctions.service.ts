import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError } from '@roundtable/core';
import { AccessService, RequestAccess } from '@roundtable/identity';
import { LiveRooms } from '@roundtable/live';
import { AuditLog } from '../audit/audit-log';
import { ModerationRateLimiter } from '../shared/moderation-rate-limiter';
import { SanctionRow, toSanctionDto } from './member-notices';
import { CreateSuspensionDto, CreateWarningDto, SanctionDto } from './sanction.dto';

const YEAR_MS = 366 * 24 * 3600 * 1000;

/**
 * Warnings and suspensions of members. A suspension takes effect at once on every api
 * process: the access cache is told, and the member's sockets leave the spaces concerned.
 * The access check itself (posting, editing, flagging, following live) reads the
 * suspension with the member's role.
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
    if (Number.isNaN(until.getTime()) || until.getTime() <= Date.now()) throw DomainError.badRequest('until must be in the future');
    if (until.getTime() > Date.now() + YEAR_MS) throw DomainError.badRequest('until must be within a year');
    const scope = input.scope ?? 'space';
    if (scope === 'consultation' && !access.user!.isOrganiser) throw DomainError.forbidden('Only organisers may suspend a member from a whole consultation');
    const sanction = await this.sanction(access, spaceId, 'suspension', input, until, scope);
    await this.access.changed(input.userId);
    const spaceIds: string[] =
      scope === 'space'
        ? [spaceId]
        : (await this.db.query(`SELECT s.id FROM spaces s JOIN roundtables r ON r.id = s.roundtable_id WHERE r.consultation_id = $1`, [sanction.consultationId])).map(
            (r: { id: string }) => r.id,
          );
    await this.rooms.removeFromSpaces(input.userId, spaceIds, { reason: 'suspended', until: sanction.until, message: input.reason });
    return sanction;
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
    if (!target) throw DomainError.notFound('User');
    if (target.is_organiser || target.moderates) throw DomainError.conflict('Moderators and organisers cannot be warned or suspended here', 'staff_member');
    const reason = input.reason.trim();
    const row = await this.db.transaction(async (manager) => {
      const [created]: SanctionRow[] = await manager.query(
        `INSERT INTO member_sanctions (kind, user_id, space_id, consultation_id, until, reason, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id, kind, user_id, space_id, consultation_id, until, reason, created_at`,
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

