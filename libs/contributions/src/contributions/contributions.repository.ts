import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ContributionStatus } from './contribution-status';

/**
 * Writes to `contributions` that moderation's decisions make (contributions owns the
 * table; moderation imports this lib). Each method writes in the caller's transaction:
 * the decision, its audit record and its event commit together. The caller has checked
 * the transition (`planModeration`, `assertContributionTransition`).
 */
@Injectable()
export class ContributionsRepository {
  /** A moderation decision's new status; `reason` is what the author reads (null clears it). */
  async setModerationStatus(
    manager: EntityManager,
    id: string,
    status: ContributionStatus,
    reason: string | null,
  ): Promise<void> {
    await manager.query(
      `UPDATE contributions SET status = $2, moderation_reason = $3, moderated_at = now(), updated_at = now() WHERE id = $1`,
      [id, status, reason],
    );
  }

  /** Pins or locks a thread; an absent flag keeps its value. */
  async setPinnedLocked(
    manager: EntityManager,
    id: string,
    set: { pinned?: boolean; locked?: boolean },
  ): Promise<void> {
    await manager.query(
      `UPDATE contributions SET pinned = coalesce($2, pinned), locked = coalesce($3, locked), updated_at = now() WHERE id = $1`,
      [id, set.pinned ?? null, set.locked ?? null],
    );
  }

  /** The moderator's reason replaces the automatic one (a flag-hidden item kept hidden). */
  async setModerationReason(manager: EntityManager, id: string, reason: string): Promise<void> {
    await manager.query(`UPDATE contributions SET moderation_reason = $2, moderated_at = now() WHERE id = $1`, [
      id,
      reason,
    ]);
  }

  /** An approved reply counts now, as a post would have: its parent's reply count, and activity on the thread. */
  async countApprovedReply(manager: EntityManager, parentId: string, rootId: string): Promise<void> {
    await manager.query(
      `UPDATE contributions SET reply_count = reply_count + (id = $1)::int, last_activity_at = greatest(last_activity_at, now()) WHERE id IN ($1, $2)`,
      [parentId, rootId],
    );
  }

  /** Approval gives a contribution its place in the space's sequence. */
  async setSeq(manager: EntityManager, id: string, seq: number): Promise<void> {
    await manager.query(`UPDATE contributions SET seq = $2 WHERE id = $1`, [id, seq]);
  }

  /** A detected (or fallback) language, unless the author declared one meanwhile. */
  async setDetectedLanguage(
    manager: EntityManager,
    id: string,
    language: string,
    source: 'detected' | 'fallback',
    confidence: number | null,
  ): Promise<void> {
    await manager.query(
      `UPDATE contributions SET language = $2, language_source = $3, language_confidence = $4
       WHERE id = $1 AND language_source <> 'declared'`,
      [id, language, source, confidence],
    );
  }
}
