import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError, NOT_FOUND, SpaceEventType } from '@roundtable/core';
import {
  AppendedEvent,
  CONTRIBUTION_SELECT,
  ContributionDto,
  ContributionRow,
  ContributionStatus,
  ContributionsRepository,
  ContributionsService,
  OutboxRelay,
  SpaceEventLog,
  toContributionDto,
} from '@roundtable/contributions';
import { RequestAccess } from '@roundtable/identity';
import { AuditLog } from '../audit/audit-log';
import { ModerationRateLimiter } from '../shared/moderation-rate-limiter';
import { ModerationAction, planModeration } from './moderation-actions';

interface Current {
  id: string;
  space_id: string;
  parent_id: string | null;
  root_id: string;
  author_id: string;
  status: ContributionStatus;
  pinned: boolean;
  locked: boolean;
  open_flags: number;
}

/**
 * Applies a moderator's decision to a contribution: the status or thread change, the space
 * event readers receive, the closing of its open flags and the audit entry, all in one
 * transaction; the event is relayed after commit.
 */
@Injectable()
export class ModerationService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly events: SpaceEventLog,
    private readonly relay: OutboxRelay,
    private readonly audit: AuditLog,
    private readonly limiter: ModerationRateLimiter,
    private readonly contributions: ContributionsService,
    private readonly rows: ContributionsRepository,
  ) {}

  async act(
    access: RequestAccess,
    contributionId: string,
    action: ModerationAction,
    reason?: string,
  ): Promise<ContributionDto> {
    const actor = access.user!;
    await this.limiter.consume('action', actor.id);
    const why = reason?.trim() || null;
    const appended = await this.db.transaction(async (manager) => {
      const [c]: Current[] = await manager.query(
        `SELECT c.id, c.space_id, c.parent_id, c.root_id, c.author_id, c.status, c.pinned, c.locked,
                (SELECT count(*)::int FROM contribution_flags f WHERE f.contribution_id = c.id AND f.resolved_at IS NULL) AS open_flags
         FROM contributions c WHERE c.id = $1 FOR UPDATE`,
        [contributionId],
      );
      if (!c) throw DomainError.notFound(NOT_FOUND.contribution);
      const rule = planModeration(
        action,
        { status: c.status, pinned: c.pinned, locked: c.locked, openFlags: c.open_flags },
        why,
      );
      if (rule.to) {
        // the author reads why while it stays hidden or rejected; approval and restoration clear it
        const shown = rule.to === 'hidden' || rule.to === 'rejected' ? why : null;
        await this.rows.setModerationStatus(manager, c.id, rule.to, shown);
      }
      if (rule.set) {
        await this.rows.setPinnedLocked(manager, c.id, rule.set);
      }
      if (action === 'resolve' && why && c.status === 'hidden') {
        // a flag-hidden item kept hidden: the moderator's reason replaces the automatic one
        await this.rows.setModerationReason(manager, c.id, why);
      }
      if (action === 'approve' && c.parent_id) {
        // a pending reply was not counted; now it is, as a post would have been
        await this.rows.countApprovedReply(manager, c.parent_id, c.root_id);
      }
      if (rule.closesFlags && c.open_flags > 0) {
        await manager.query(
          `UPDATE contribution_flags SET resolved_at = now() WHERE contribution_id = $1 AND resolved_at IS NULL`,
          [c.id],
        );
      }
      await this.audit.record(manager, {
        spaceId: c.space_id,
        actorId: actor.id,
        action,
        contributionId: c.id,
        subjectUserId: c.author_id,
        reason: why,
        fromStatus: c.status,
        toStatus: rule.to ?? c.status,
        details: rule.closesFlags && c.open_flags > 0 ? { flagsClosed: c.open_flags } : {},
      });
      return rule.event ? this.appendEvent(manager, c, rule.event, action) : [];
    });
    void this.relay.publishSafely(appended);
    return this.contributions.get(access, contributionId);
  }

  /** The event readers receive. Its payload never carries text they may not read. */
  private async appendEvent(
    manager: EntityManager,
    c: Current,
    type: SpaceEventType,
    action: ModerationAction,
  ): Promise<AppendedEvent[]> {
    if (type === 'contribution.hidden') {
      return this.events.append(manager, c.space_id, [
        { type, contributionId: c.id, payload: { contributionId: c.id, parentId: c.parent_id } },
      ]);
    }
    const [row]: ContributionRow[] = await manager.query(`${CONTRIBUTION_SELECT} WHERE c.id = $1`, [c.id]);
    const view = toContributionDto(row, null); // as any member reads it: hidden text redacted
    const payload: Record<string, unknown> =
      type === 'contribution.updated' ? { contribution: view, change: action } : { contribution: view };
    const appended = await this.events.append(manager, c.space_id, [{ type, contributionId: c.id, payload }]);
    if (type === 'contribution.published') {
      // approval gives the contribution its place in the space's sequence
      const seq = appended[0].seq;
      await this.rows.setSeq(manager, c.id, seq);
      await this.events.setPublishedSeq(manager, c.space_id, seq);
      appended[0].payload = { contribution: { ...view, seq } };
    }
    return appended;
  }
}
