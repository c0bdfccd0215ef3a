import { Global, Module } from '@nestjs/common';
import { OutboxRelay } from './outbox-relay';
import { OutboxSweeper } from './outbox-sweeper';

/**
 * The space event log's outbox: the relay that hands committed events to live clients and
 * the worker, and the sweeper that hands on what a dead process left behind. Global, as
 * every lib that appends events (contributions, translation, moderation, digests,
 * stocktaking) relays them after its commit.
 */
@Global()
@Module({ providers: [OutboxRelay, OutboxSweeper], exports: [OutboxRelay] })
export class OutboxModule {}
