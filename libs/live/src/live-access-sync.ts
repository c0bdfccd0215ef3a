import { Injectable, Logger } from '@nestjs/common';
import type { Namespace, Socket } from 'socket.io';
import { AccessService, assertNotSuspended, canModerate, Principal } from '@roundtable/identity';
import { moderatorsRoomOf, userRoomOf } from './live-rooms';
import { SpaceChannels } from './space-channels';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SPACE_ROOM = /^(?:space|moderators):(.+)$/;

/** Sent to a socket when what it receives from a space changes: `{ spaceId, role, moderates }`. */
export const SPACE_ROLE = 'space:role';

/**
 * Keeps each socket of this process in the rooms its user may be in now, not when it
 * joined. Every change of a user's roles or account is announced to every api process
 * (the access cache's Redis channel); on it, this process looks at that user's sockets
 * here: a moderator demoted leaves the moderators' room at once (no more
 * `moderation.queued`), one promoted enters it, and one who is no longer a member (or whose
 * account is gone) leaves the space. Suspensions have their own path, with the reason
 * (SanctionsService → LiveRooms.removeFromSpaces), and are left to it.
 */
@Injectable()
export class LiveAccessSync {
  private readonly logger = new Logger(LiveAccessSync.name);
  private namespace?: Namespace;

  constructor(
    private readonly access: AccessService,
    private readonly channels: SpaceChannels,
  ) {}

  attach(namespace: Namespace): void {
    this.namespace = namespace;
    this.access.onChange((owner) => {
      if (!UUID.test(owner)) return; // a space's or contribution's entry: no socket follows it
      void this.resync(owner).catch((err) =>
        this.logger.warn(`live rooms of user ${owner} not updated: ${(err as Error).message}`),
      );
    });
  }

  /** Brings every socket of the user on this process in line with their access now. */
  async resync(userId: string): Promise<void> {
    const ids = this.namespace?.adapter.rooms.get(userRoomOf(userId));
    for (const socketId of [...(ids ?? [])]) {
      const socket = this.namespace!.sockets.get(socketId);
      if (socket) await this.resyncSocket(socket);
    }
  }

  /** Checks one socket's rooms again (all of them, or those of one space). */
  async resyncSocket(socket: Socket, onlySpaceId?: string): Promise<void> {
    const token = typeof socket.handshake.auth?.token === 'string' ? socket.handshake.auth.token : undefined;
    // the handshake's token may have expired since: what counts is that its session still holds
    const user = await this.access.principalFromToken(token, { ignoreExpiration: true });
    if (!user) {
      socket.disconnect(true); // the account was deleted or the session ended (signed out, password changed)
      return;
    }
    socket.data.user = user;
    const spaceIds = new Set(
      [...socket.rooms]
        .flatMap((room) => SPACE_ROOM.exec(room)?.[1] ?? [])
        .filter((id) => !onlySpaceId || id === onlySpaceId),
    );
    for (const spaceId of spaceIds) await this.resyncSpace(socket, user, spaceId);
  }

  private async resyncSpace(socket: Socket, user: Principal, spaceId: string): Promise<void> {
    const moderators = moderatorsRoomOf(spaceId);
    let space;
    try {
      space = await this.access.spaceScope(user, 'space', spaceId);
      this.access.check('member', { user, space });
    } catch {
      await this.channels.leave(socket, spaceId);
      await socket.leave(moderators);
      socket.emit('space:removed', { spaceId, reason: 'not_a_member' });
      return;
    }
    try {
      assertNotSuspended({ user, space });
    } catch {
      return; // taken out by the suspension itself, with its reason
    }
    const moderates = canModerate({ user, space });
    const inRoom = socket.rooms.has(moderators);
    if (inRoom && !moderates) await socket.leave(moderators);
    else if (!inRoom && moderates) await socket.join(moderators);
    else return;
    socket.emit(SPACE_ROLE, { spaceId, role: space.role, moderates });
  }
}
