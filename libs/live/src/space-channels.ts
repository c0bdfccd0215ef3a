import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type { Namespace, Socket } from 'socket.io';
import { RedisConnections, SpaceEvent } from '@roundtable/core';
import { OutboxRelay, SpaceEventLog, Viewer } from '@roundtable/contributions';

/** Every event goes out under this name. */
export const EVENT = 'event';
const REPLAY_PAGE = 1000;

export const roomOf = (spaceId: string) => `space:${spaceId}`;

/** Delivery state of one space in this process: everything up to `lastSeq` has reached the room. */
class Channel {
  lastSeq = 0;
  /** Sockets of this process that joined (or are joining) the space. */
  readonly members = new Set<string>();
  ready: Promise<void>;
  private chain: Promise<void> = Promise.resolve();

  constructor(init: () => Promise<number>) {
    this.ready = this.run(async () => {
      this.lastSeq = await init();
    });
  }

  /** Runs tasks one after another, so replay, joins and live delivery never interleave. */
  run(task: () => Promise<void>): Promise<void> {
    const next = this.chain.then(task);
    this.chain = next.catch(() => undefined);
    return next;
  }
}

/**
 * Live delivery of space events to the sockets of this process, in seq order, each seq
 * once. Events arrive over Redis pub/sub from whichever process committed them (and at
 * once from this process's relay, for the events it committed); a seq
 * that arrives early makes the channel read the missing ones from the event log first, a
 * repeat is dropped. A socket joining with `afterSeq` is replayed the log up to the
 * channel's position and then joins the room, inside the same serial section, so the
 * boundary between replay and live has no gap and no duplicate.
 */
@Injectable()
export class SpaceChannels implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(SpaceChannels.name);
  private readonly channels = new Map<string, Channel>();
  private namespace?: Namespace;

  constructor(
    private readonly redis: RedisConnections,
    private readonly relay: OutboxRelay,
    private readonly eventLog: SpaceEventLog,
  ) {}

  attach(namespace: Namespace): void {
    this.namespace = namespace;
  }

  async onModuleInit(): Promise<void> {
    // what this process commits is delivered at once; the copy Redis brings back is a repeat
    this.relay.onPublishedHere((event) => this.onEvent(event));
    const subscriber = this.redis.create('live-events');
    subscriber.on('message', (_channel: string, message: string) => this.onPublished(message));
    // resubscribes by itself after a reconnect (ioredis autoResubscribe); what was published
    // while it was away reached nobody here, so every watched space catches up from the log
    // once the subscription is back (the PING answers after the SUBSCRIBE sent on 'ready')
    let connected = false;
    subscriber.on('ready', () => {
      if (!connected) return void (connected = true);
      void subscriber
        .ping()
        .then(() => this.catchUpAll())
        .catch((err) => this.logger.warn(`live catch-up after a Redis reconnect failed: ${(err as Error).message}`));
    });
    await subscriber.subscribe(this.relay.channel);
  }

  /** Delivers, in every space watched here, what the log holds beyond what the room has had. */
  private async catchUpAll(): Promise<void> {
    await Promise.all(
      [...this.channels.entries()].map(([spaceId, channel]) =>
        channel.run(async () => {
          const room = this.namespace!.local.to(roomOf(spaceId));
          for (;;) {
            const events = await this.eventLog.readAfter(spaceId, channel.lastSeq, REPLAY_PAGE, null);
            for (const event of events) room.emit(EVENT, event);
            if (events.length === 0) return;
            channel.lastSeq = events[events.length - 1].seq;
            if (events.length < REPLAY_PAGE) return;
          }
        }),
      ),
    );
  }

  onModuleDestroy(): void {
    this.channels.clear();
  }

  /** Replays what the socket missed after `afterSeq`, then streams; resolves to the position it is at. */
  async join(socket: Socket, spaceId: string, afterSeq: number | undefined, viewer: Viewer): Promise<number> {
    const channel = this.channel(spaceId);
    channel.members.add(socket.id);
    let position = 0;
    try {
      await channel.ready;
      await channel.run(async () => {
        if (afterSeq !== undefined && afterSeq < channel.lastSeq) {
          for (let from = afterSeq; from < channel.lastSeq;) {
            const events = await this.eventLog.readAfter(spaceId, from, REPLAY_PAGE, viewer, channel.lastSeq);
            if (events.length === 0) break;
            for (const event of events) socket.emit(EVENT, event);
            from = events[events.length - 1].seq;
          }
        }
        await socket.join(roomOf(spaceId));
        position = channel.lastSeq;
      });
    } catch (err) {
      // not in the room: it must not keep the channel alive (forget() only sees rooms)
      if (!socket.rooms?.has(roomOf(spaceId))) this.forget(socket.id, [roomOf(spaceId)]);
      throw err;
    }
    return position;
  }

  async leave(socket: Socket, spaceId: string): Promise<void> {
    await socket.leave(roomOf(spaceId));
    this.forget(socket.id, [roomOf(spaceId)]);
  }

  /** Called as a socket leaves or disconnects, with the rooms it was in. */
  forget(socketId: string, rooms: Iterable<string>): void {
    for (const room of rooms) {
      if (!room.startsWith('space:')) continue;
      const spaceId = room.slice('space:'.length);
      const channel = this.channels.get(spaceId);
      channel?.members.delete(socketId);
      if (channel && channel.members.size === 0) this.channels.delete(spaceId);
    }
  }

  private channel(spaceId: string): Channel {
    let channel = this.channels.get(spaceId);
    if (!channel) {
      const created = new Channel(() => this.eventLog.lastSeq(spaceId));
      // a failed start (the database briefly away) must not stick: the next join starts afresh
      created.ready.catch(() => {
        if (this.channels.get(spaceId) === created) this.channels.delete(spaceId);
      });
      this.channels.set(spaceId, created);
      channel = created;
    }
    return channel;
  }

  private onPublished(message: string): void {
    let event: SpaceEvent;
    try {
      event = JSON.parse(message);
    } catch {
      return;
    }
    this.onEvent(event);
  }

  private onEvent(event: SpaceEvent): void {
    const channel = this.channels.get(event.spaceId);
    if (!channel) return; // nobody here is watching this space
    void channel
      .run(() => this.deliver(channel, event))
      .catch((err) => this.logger.warn(`live delivery for space ${event.spaceId} failed: ${(err as Error).message}`));
  }

  private async deliver(channel: Channel, event: SpaceEvent): Promise<void> {
    if (event.seq <= channel.lastSeq) return; // a repeat: already delivered
    const room = this.namespace!.local.to(roomOf(event.spaceId));
    if (event.seq > channel.lastSeq + 1) {
      const missing = await this.eventLog.readAfter(
        event.spaceId,
        channel.lastSeq,
        event.seq - channel.lastSeq - 1,
        null,
        event.seq - 1,
      );
      for (const m of missing) room.emit(EVENT, m);
    }
    room.emit(EVENT, event);
    channel.lastSeq = event.seq;
  }
}
