import { Injectable, Logger } from '@nestjs/common';
import type { Namespace } from 'socket.io';
import { roomOf } from './space-channels';

/** The room of a space's moderators (and organisers following it): moderation notices only. */
export const moderatorsRoomOf = (spaceId: string) => `moderators:${spaceId}`;
/** Every socket of a user, so a sanction can reach all of them on every api process. */
export const userRoomOf = (userId: string) => `user:${userId}`;

/**
 * Room-level operations other capabilities need: notices to a space's moderators, and
 * taking a member's sockets out of spaces. Through the Socket.IO Redis adapter both reach
 * the sockets on every api process. Without a live gateway (the worker) they do nothing.
 */
@Injectable()
export class LiveRooms {
  private readonly logger = new Logger(LiveRooms.name);
  private namespace?: Namespace;

  attach(namespace: Namespace): void {
    this.namespace = namespace;
  }

  /** Sends `name` to the moderators following the space; participants are never in that room. */
  toModerators(spaceId: string, name: string, message: unknown): void {
    this.namespace?.to(moderatorsRoomOf(spaceId)).emit(name, message);
  }

  /**
   * Takes every socket of the user out of these spaces (live events and moderator notices),
   * after telling them why with `notice` (`space:removed`).
   */
  async removeFromSpaces(userId: string, spaceIds: string[], notice: Record<string, unknown>): Promise<void> {
    if (!this.namespace || spaceIds.length === 0) return;
    const sockets = this.namespace.in(userRoomOf(userId));
    for (const spaceId of spaceIds) sockets.emit('space:removed', { spaceId, ...notice });
    try {
      sockets.socketsLeave(spaceIds.flatMap((id) => [roomOf(id), moderatorsRoomOf(id)]));
    } catch (err) {
      this.logger.warn(`could not remove user ${userId} from live rooms: ${(err as Error).message}`);
    }
  }
}
