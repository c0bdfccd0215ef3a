import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError, NOT_FOUND } from '@roundtable/core';
import { RequestAccess } from '@roundtable/identity';
import { SpaceEventLog } from '../../events/space-event-log';
import { ContributionDto } from '../contribution.dto';
import { ContributionReader } from '../contribution-reader';
import { assertContributionTransition } from '../contribution-status';
import { ModeratorRemovals } from '../moderator-removals';
import { viewerOf } from '../thread-rules';
import { OutboxRelay } from '../../events/outbox-relay';
import { CONTRIBUTIONS_MESSAGES as M } from '../../contributions-messages';

/** The author, or a moderator, deletes a contribution. */
@Injectable()
export class RemoveContribution {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly reader: ContributionReader,
    private readonly events: SpaceEventLog,
    private readonly relay: OutboxRelay,
    private readonly moderatorRemovals: ModeratorRemovals,
  ) {}

  /** Soft delete by the author or a moderator: the text goes, the place in the thread and the replies stay. */
  async run(access: RequestAccess, id: string): Promise<ContributionDto> {
    const viewer = viewerOf(access);
    const appended = await this.db.transaction(async (manager) => {
      const [current] = await manager.query(
        `SELECT author_id, status, parent_id, space_id FROM contributions WHERE id = $1 FOR UPDATE`,
        [id],
      );
      if (!current) throw DomainError.notFound(NOT_FOUND.contribution);
      if (current.author_id !== viewer.userId && !viewer.canModerate) {
        throw DomainError.forbidden(M.authorOrModeratorDeletes, 'not_author');
      }
      assertContributionTransition(current.status, 'deleted');
      await manager.query(`UPDATE contributions SET status = 'deleted', updated_at = now() WHERE id = $1`, [id]);
      if (current.author_id !== viewer.userId) {
        // a moderator removing someone else's words is a moderation decision: it goes on the record (moderation_log)
        await this.moderatorRemovals.record(manager, {
          spaceId: current.space_id,
          moderatorId: viewer.userId,
          contributionId: id,
          authorId: current.author_id,
          fromStatus: current.status,
        });
      }
      if (current.status === 'pending' || current.status === 'rejected') return [];
      return this.events.append(manager, current.space_id, [
        {
          type: 'contribution.deleted',
          contributionId: id,
          payload: { contributionId: id, parentId: current.parent_id },
        },
      ]);
    });
    void this.relay.publishSafely(appended);
    return this.reader.get(access, id);
  }
}
