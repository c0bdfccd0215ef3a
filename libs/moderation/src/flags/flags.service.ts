import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig, contributionStatusWord, DomainError, fill, NOT_FOUND } from '@roundtable/core';
import {
  AppendedEvent,
  ContributionStatus,
  ContributionsRepository,
  OutboxRelay,
  SpaceEventLog,
  assertContributionTransition,
} from '@roundtable/contributions';
import { assertMayPost, assertNotSuspended, canModerate, RequestAccess } from '@roundtable/identity';
import { AuditLog } from '../audit/audit-log';
import { ModeratorAlerts } from '../queue/moderator-alerts';
import { ModerationRateLimiter } from '../shared/moderation-rate-limiter';
import { CreateFlagDto, FlagDto } from './flag.dto';
import { MODERATION_MESSAGES as M } from '../moderation-messages';

interface Target {
  space_id: string;
  author_id: string;
  parent_id: string | null;
  status: ContributionStatus;
  author_is_staff: boolean;
}

/**
 * Members flag contributions, each one once. When FLAG_HIDE_THRESHOLD distinct members have
 * open flags on a published contribution it is hidden pending review, unless its author
 * moderates (or organises): a moderator's words only go to the queue.
 */
@Injectable()
export class FlagsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: AppConfig,
    private readonly events: SpaceEventLog,
    private readonly relay: OutboxRelay,
    private readonly audit: AuditLog,
    private readonly limiter: ModerationRateLimiter,
    private readonly alerts: ModeratorAlerts,
    private readonly rows: ContributionsRepository,
  ) {}

  async flag(access: RequestAccess, contributionId: string, input: CreateFlagDto): Promise<FlagDto> {
    const user = access.user!;
    assertNotSuspended(access);
    assertMayPost(access);
    await this.limiter.consume('flag', user.id);
    const note = input.note?.trim() || null;
    const { flag, appended, spaceId } = await this.db.transaction(async (manager) => {
      // the row lock orders concurrent flags, so the threshold is crossed exactly once
      const [c]: Target[] = await manager.query(
        `SELECT c.space_id, c.author_id, c.parent_id, c.status,
                (u.is_organiser
                 OR EXISTS (SELECT 1 FROM memberships m WHERE m.space_id = c.space_id AND m.user_id = c.author_id AND m.role = 'moderator')
                 OR EXISTS (SELECT 1 FROM spaces s JOIN roundtable_roles rr ON rr.roundtable_id = s.roundtable_id
                            WHERE s.id = c.space_id AND rr.user_id = c.author_id AND rr.role = 'moderator')) AS author_is_staff
         FROM contributions c JOIN users u ON u.id = c.author_id WHERE c.id = $1 FOR UPDATE OF c`,
        [contributionId],
      );
      if (!c) throw DomainError.notFound(NOT_FOUND.contribution);
      const visible = c.status !== 'pending' && c.status !== 'rejected';
      if (!visible && c.author_id !== user.id && !canModerate(access))
        throw DomainError.notFound(NOT_FOUND.contribution);
      if (c.status !== 'published')
        throw DomainError.conflict(fill(M.notFlaggable, { status: contributionStatusWord(c.status) }), 'not_flaggable');
      if (c.author_id === user.id) throw DomainError.conflict(M.ownContribution, 'own_contribution');
      const [flag] = await manager.query(
        `INSERT INTO contribution_flags (contribution_id, user_id, space_id, reason, note) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (contribution_id, user_id) DO NOTHING RETURNING created_at`,
        [contributionId, user.id, c.space_id, input.reason, note],
      );
      if (!flag) throw DomainError.conflict(M.alreadyFlagged, 'already_flagged');
      const [{ open }] = await manager.query(
        `SELECT count(*)::int AS open FROM contribution_flags WHERE contribution_id = $1 AND resolved_at IS NULL`,
        [contributionId],
      );
      let appended: AppendedEvent[] = [];
      if (open >= this.config.FLAG_HIDE_THRESHOLD && !c.author_is_staff) {
        assertContributionTransition(c.status, 'hidden');
        const reason = `Hidden pending review: flagged by ${open} members`;
        await this.rows.setModerationStatus(manager, contributionId, 'hidden', reason);
        await this.audit.record(manager, {
          spaceId: c.space_id,
          actorId: null,
          action: 'auto_hide',
          contributionId,
          subjectUserId: c.author_id,
          reason,
          fromStatus: c.status,
          toStatus: 'hidden',
          details: { flagCount: open, threshold: this.config.FLAG_HIDE_THRESHOLD },
        });
        appended = await this.events.append(manager, c.space_id, [
          { type: 'contribution.hidden', contributionId, payload: { contributionId, parentId: c.parent_id } },
        ]);
      }
      return { flag: flag as { created_at: Date }, appended, spaceId: c.space_id };
    });
    void this.relay.publishSafely(appended);
    void this.alerts.queued(spaceId, contributionId);
    return { contributionId, reason: input.reason, note, createdAt: flag.created_at.toISOString() };
  }
}
