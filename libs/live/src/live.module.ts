import { Module } from '@nestjs/common';
import { ContributionsModule } from '@roundtable/contributions';
import { IdentityModule } from '@roundtable/identity';
import { LiveAccessSync } from './live-access-sync';
import { LiveGateway } from './live.gateway';
import { LiveRooms } from './live-rooms';
import { SpaceChannels } from './space-channels';

/** Socket.IO `/live`: space events delivered in order, with catch-up. */
@Module({
  imports: [IdentityModule, ContributionsModule],
  providers: [LiveGateway, SpaceChannels, LiveRooms, LiveAccessSync],
  exports: [LiveRooms],
})
export class LiveModule {}
