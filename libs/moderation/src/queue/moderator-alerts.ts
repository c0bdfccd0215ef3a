import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { PendingNotices } from '@roundtable/contributions';
import { LiveRooms } from '@roundtable/live';
import { ModerationQueue } from './moderation-queue';

/** The Socket.IO event moderators receive; participants are never in the room it goes to. */
export const MODERATION_QUEUED = 'moderation.queued';

/**
 * Live `moderation.queued` notices to a space's moderators (their own room, on every api
 * process) when an item enters the queue: a pending post, or a new flag. The queue in the
 * database is the truth; a notice lost with a crashed process is found on the next read.
 */
@Injectable()
export class ModeratorAlerts implements OnModuleInit {
  private readonly logger = new Logger(ModeratorAlerts.name);

  constructor(
    private readonly pending: PendingNotices,
    private readonly queue: ModerationQueue,
    private readonly rooms: LiveRooms,
  ) {}

  onModuleInit(): void {
    this.pending.subscribe(({ spaceId, contributionId }) => this.queued(spaceId, contributionId));
  }

  /** Tells the space's moderators about the item; never throws. */
  async queued(spaceId: string, contributionId: string): Promise<void> {
    try {
      const item = await this.queue.item(spaceId, contributionId, '00000000-0000-0000-0000-000000000000');
      if (!item) return;
      this.rooms.toModerators(spaceId, MODERATION_QUEUED, { type: MODERATION_QUEUED, spaceId, payload: { item } });
    } catch (err) {
      this.logger.warn(`moderation.queued for ${contributionId} not sent: ${(err as Error).message}`);
    }
  }
}
