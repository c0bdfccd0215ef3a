import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** A moderator removed someone else's contribution: a moderation decision, to go on the record. */
export interface ModeratorRemoval {
  spaceId: string;
  moderatorId: string;
  contributionId: string;
  authorId: string;
  fromStatus: string;
}

export type ModeratorRemovalRecorder = (manager: EntityManager, removal: ModeratorRemoval) => Promise<void>;

/**
 * Where a moderator's removal of a contribution goes on the moderation log. The log
 * (`moderation_log`) belongs to moderation, which imports contributions; so contributions
 * cannot call it and instead asks this port, which moderation connects to its `AuditLog`
 * when its module starts. Without moderation loaded, a moderator's removal is refused
 * rather than left off the record.
 */
@Injectable()
export class ModeratorRemovals {
  private recorder: ModeratorRemovalRecorder | null = null;

  connect(recorder: ModeratorRemovalRecorder): void {
    this.recorder = recorder;
  }

  /** Writes the record in the removal's transaction. */
  async record(manager: EntityManager, removal: ModeratorRemoval): Promise<void> {
    if (!this.recorder)
      throw new Error(
        'no moderation log is connected (ModerationModule is not loaded); a moderator removal cannot be recorded',
      );
    await this.recorder(manager, removal);
  }
}
