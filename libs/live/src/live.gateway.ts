import { HttpStatus, Logger } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  OnGatewayConnection,
  OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
} from '@nestjs/websockets';
import type { Namespace, Socket } from 'socket.io';
import { DomainError, fill, Language, languageFromAcceptLanguage } from '@roundtable/core';
import { AccessService, assertNotSuspended, canModerate, Principal } from '@roundtable/identity';
import { LiveAccessSync } from './live-access-sync';
import { LiveRooms, moderatorsRoomOf, userRoomOf } from './live-rooms';
import { SpaceChannels } from './space-channels';
import { LIVE_MESSAGES as M } from './live-messages';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A socket may send this many messages per second (after a burst of BURST) before it is cut off. */
const MESSAGES_PER_SECOND = 20;
const MAX_SPACES_PER_SOCKET = 50;
/** A reconnecting client rejoins every space it follows at once: that burst is not a flood. */
const BURST = Math.max(MESSAGES_PER_SECOND * 2, MAX_SPACES_PER_SOCKET + 10);

export interface JoinAck {
  ok: boolean;
  seq?: number;
  statusCode?: number;
  message?: string;
}

/**
 * `/live`: members of a space receive its events in seq order. The handshake carries
 * the access token (`auth.token`); joining a space is checked like an HTTP request.
 */
@WebSocketGateway({ namespace: '/live' })
export class LiveGateway implements OnGatewayInit, OnGatewayConnection {
  private readonly logger = new Logger(LiveGateway.name);

  constructor(
    private readonly access: AccessService,
    private readonly channels: SpaceChannels,
    private readonly rooms: LiveRooms,
    private readonly accessSync: LiveAccessSync,
  ) {}

  afterInit(namespace: Namespace): void {
    this.channels.attach(namespace);
    this.rooms.attach(namespace);
    this.accessSync.attach(namespace);
    // a socket taken out of a space from elsewhere (a suspension, on any process) is forgotten too
    namespace.adapter.on('leave-room', (room: string, socketId: string) => this.channels.forget(socketId, [room]));
    namespace.use((socket, next) => {
      const token = typeof socket.handshake.auth?.token === 'string' ? socket.handshake.auth.token : undefined;
      this.access
        .principalFromToken(token)
        .then((user) => {
          if (!user) return next(new Error('unauthorized: a valid access token is required'));
          socket.data.user = user;
          next();
        })
        .catch(() => next(new Error('unavailable: try again shortly')));
    });
  }

  handleConnection(socket: Socket): void {
    void socket.join(userRoomOf((socket.data.user as Principal).id));
    let allowance = BURST;
    let last = Date.now();
    socket.use((_packet, next) => {
      const now = Date.now();
      allowance = Math.min(BURST, allowance + ((now - last) / 1000) * MESSAGES_PER_SECOND);
      last = now;
      if (allowance < 1) {
        this.logger.warn(`socket ${socket.id} of user ${(socket.data.user as Principal).id} flooded; disconnected`);
        socket.disconnect(true);
        return;
      }
      allowance -= 1;
      next();
    });
    socket.on('disconnecting', () => this.channels.forget(socket.id, socket.rooms));
  }

  @SubscribeMessage('space:join')
  async join(
    @ConnectedSocket() socket: Socket,
    @MessageBody() body: { spaceId?: unknown; afterSeq?: unknown },
  ): Promise<JoinAck> {
    try {
      const spaceId = typeof body?.spaceId === 'string' && UUID.test(body.spaceId) ? body.spaceId : null;
      if (!spaceId) throw DomainError.badRequest(M.spaceIdInvalid);
      const afterSeq = body.afterSeq === undefined || body.afterSeq === null ? undefined : Number(body.afterSeq);
      if (afterSeq !== undefined && (!Number.isInteger(afterSeq) || afterSeq < 0))
        throw DomainError.badRequest(M.afterSeqInvalid);
      if ([...socket.rooms].filter((room) => room.startsWith('space:')).length >= MAX_SPACES_PER_SOCKET)
        throw DomainError.badRequest(fill(M.tooManySpaces, { max: MAX_SPACES_PER_SOCKET }));
      const user = socket.data.user as Principal;
      const space = await this.access.spaceScope(user, 'space', spaceId);
      this.access.check('member', { user, space });
      assertNotSuspended({ user, space });
      const moderates = canModerate({ user, space });
      const seq = await this.channels.join(socket, spaceId, afterSeq, { userId: user.id, canModerate: moderates });
      // moderation notices (moderation.queued) go to this room only
      if (moderates) {
        await socket.join(moderatorsRoomOf(spaceId));
        // a role change announced while this join was under way found the socket outside the room
        await this.accessSync.resyncSocket(socket, spaceId);
      }
      return { ok: true, seq };
    } catch (err) {
      return toErrorAck(err, languageOf(socket));
    }
  }

  @SubscribeMessage('space:leave')
  async leave(@ConnectedSocket() socket: Socket, @MessageBody() body: { spaceId?: unknown }): Promise<JoinAck> {
    if (typeof body?.spaceId !== 'string')
      return { ok: false, statusCode: 400, message: M.spaceIdRequired[languageOf(socket)] };
    await this.channels.leave(socket, body.spaceId);
    await socket.leave(moderatorsRoomOf(body.spaceId));
    return { ok: true };
  }
}

function toErrorAck(err: unknown, language: Language): JoinAck {
  if (err instanceof DomainError) return { ok: false, statusCode: err.status, message: err.messageIn(language) };
  return { ok: false, statusCode: HttpStatus.SERVICE_UNAVAILABLE, message: M.cannotJoin[language] };
}

/**
 * The language of a socket's error acks: the member's preferred language (a browser cannot
 * set the handshake's headers, so its Accept-Language is only the browser's), else the
 * handshake's Accept-Language, else English.
 */
function languageOf(socket: Socket): Language {
  return (
    (socket.data.user as Principal | undefined)?.preferredLanguage ??
    languageFromAcceptLanguage(socket.handshake.headers['accept-language']) ??
    'en'
  );
}
