import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Emitter } from '@socket.io/redis-emitter';
import {
  DataSource,
  EntityManager,
  EntitySubscriberInterface,
  TransactionCommitEvent,
  TransactionRollbackEvent,
} from 'typeorm';
import { RedisConnections } from '@roundtable/core';
import { userRoomOf } from '@roundtable/live';
import { NotificationsService } from '../reading/notifications.service';

/** The live event a member's sockets receive, with the stored notice. */
export const NOTIFICATION_EVENT = 'notification';
/** Where a transaction keeps the ids of the notices it wrote until it commits. */
const PENDING = 'rt.notifications';

/**
 * Sends new notices to the member's sockets (`user:<id>`, on every api process) once the
 * transaction that wrote them has committed — never before, so a decision rolled back is
 * never announced. It goes through the Socket.IO Redis adapter's channel, so the worker
 * (which has no sockets) sends the same way as the api. Live delivery is a courtesy: the
 * notices stay readable in GET /me/notifications whatever happens to Redis.
 */
@Injectable()
export class NotificationPush implements OnModuleInit, EntitySubscriberInterface {
  private readonly logger = new Logger(NotificationPush.name);
  private emitter?: Emitter;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly redis: RedisConnections,
    private readonly notifications: NotificationsService,
  ) {}

  onModuleInit(): void {
    // told of every commit and rollback, whichever service ran the transaction
    this.db.subscribers.push(this);
  }

  /** Sends these notices when `manager`'s transaction commits (at once outside a transaction). */
  afterCommit(manager: EntityManager, ids: string[]): void {
    if (ids.length === 0) return;
    const runner = manager.queryRunner;
    if (runner?.isTransactionActive) {
      const pending: string[] = (runner.data[PENDING] ??= []);
      pending.push(...ids);
    } else {
      void this.send(ids);
    }
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    const ids: string[] | undefined = event.queryRunner.data?.[PENDING];
    if (!ids) return;
    delete event.queryRunner.data[PENDING];
    void this.send(ids);
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    if (event.queryRunner.data) delete event.queryRunner.data[PENDING];
  }

  /** Never throws: a notice that could not be sent live is still in the member's list. */
  async send(ids: string[]): Promise<void> {
    try {
      const emitter = this.ensureEmitter();
      for (const { userId, notification } of await this.notifications.byIds(ids)) {
        emitter.to(userRoomOf(userId)).emit(NOTIFICATION_EVENT, notification);
      }
    } catch (err) {
      this.logger.warn(`${ids.length} notice(s) not sent live (still listed): ${(err as Error).message}`);
    }
  }

  private ensureEmitter(): Emitter {
    // a connection of its own that queues while Redis is away, so a publish never rejects unobserved
    this.emitter ??= new Emitter(this.redis.create('notifications'), { key: this.redis.key('socket.io') }).of('/live');
    return this.emitter;
  }
}
