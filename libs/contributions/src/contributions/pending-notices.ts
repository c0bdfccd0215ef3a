import { Injectable, Logger } from '@nestjs/common';

/** A contribution that now waits for a moderator (pre-moderation). */
export interface PendingNotice {
  spaceId: string;
  contributionId: string;
}

type Listener = (notice: PendingNotice) => void | Promise<void>;

/**
 * Tells whoever listens in this process (the moderation capability, which alerts the
 * space's moderators live) that a contribution was written as `pending`. A pending post
 * writes no space event, because participants must not see it; the moderation queue in
 * the database stays the truth, this notice only makes it arrive without a reload.
 */
@Injectable()
export class PendingNotices {
  private readonly logger = new Logger(PendingNotices.name);
  private readonly listeners: Listener[] = [];

  subscribe(listener: Listener): void {
    this.listeners.push(listener);
  }

  /** Called after the pending contribution is committed; never throws. */
  notify(notice: PendingNotice): void {
    for (const listener of this.listeners) {
      Promise.resolve()
        .then(() => listener(notice))
        .catch((err) =>
          this.logger.warn(`pending notice for ${notice.contributionId} not delivered: ${(err as Error).message}`),
        );
    }
  }
}
