import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { NewNotification } from '../notices/notification-kind';
import { NotificationPush } from './notification-push';

/**
 * Writes notices in the caller's transaction and has them sent live once it commits. A
 * notice whose cause (`sourceKey`) the member was already told about is not written again.
 */
@Injectable()
export class NotificationWriter {
  constructor(private readonly push: NotificationPush) {}

  async record(manager: EntityManager, notices: NewNotification[]): Promise<void> {
    if (notices.length === 0) return;
    const rows: Array<{ id: string }> = await manager.query(
      `INSERT INTO notifications (user_id, kind, space_id, contribution_id, details, source_key)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::uuid[], $5::jsonb[], $6::text[])
       ON CONFLICT (user_id, source_key) DO NOTHING RETURNING id`,
      [
        notices.map((n) => n.userId),
        notices.map((n) => n.kind),
        notices.map((n) => n.spaceId),
        notices.map((n) => n.contributionId),
        notices.map((n) => JSON.stringify(n.details)),
        notices.map((n) => n.sourceKey),
      ],
    );
    this.push.afterCommit(
      manager,
      rows.map((r) => r.id),
    );
  }

  /**
   * Tells every member of these spaces (one notice each, however many of the spaces they
   * belong to), but not `exceptUserId` — one INSERT … SELECT, whatever the number of members.
   */
  async recordForMembers(
    manager: EntityManager,
    spaceIds: string[],
    notice: Omit<NewNotification, 'userId' | 'spaceId'> & { spaceId: string | null },
    exceptUserId: string | null,
  ): Promise<void> {
    const rows: Array<{ id: string }> = await manager.query(
      `INSERT INTO notifications (user_id, kind, space_id, contribution_id, details, source_key)
       SELECT DISTINCT m.user_id, $2, $3::uuid, $4::uuid, $5::jsonb, $6 FROM memberships m
       WHERE m.space_id = ANY($1::uuid[]) AND m.user_id IS DISTINCT FROM $7::uuid
       ON CONFLICT (user_id, source_key) DO NOTHING RETURNING id`,
      [
        spaceIds,
        notice.kind,
        notice.spaceId,
        notice.contributionId,
        JSON.stringify(notice.details),
        notice.sourceKey,
        exceptUserId,
      ],
    );
    this.push.afterCommit(
      manager,
      rows.map((r) => r.id),
    );
  }

  /** A deleted account: what the member was told goes with it; others' notices of its replies forget its name and words. */
  async eraseAccount(manager: EntityManager, userId: string, shownAs: string): Promise<void> {
    await manager.query(`DELETE FROM notifications WHERE user_id = $1`, [userId]);
    await manager.query(
      `UPDATE notifications n SET details = n.details - 'excerpt' || jsonb_build_object('actorName', $2::text)
       FROM contributions c WHERE n.kind = 'reply' AND n.contribution_id = c.id AND c.author_id = $1`,
      [userId, shownAs],
    );
  }
}
