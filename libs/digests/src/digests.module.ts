import { Module } from '@nestjs/common';
import { IdentityModule } from '@roundtable/identity';
import { DigestsCoreModule } from './digests-core.module';
import { DigestsController } from './digest/digests.controller';
import { SpaceDigestsController } from './digest/space-digests.controller';

/** Moderator digests over HTTP (the api process). */
@Module({
  imports: [IdentityModule, DigestsCoreModule],
  controllers: [SpaceDigestsController, DigestsController],
})
export class DigestsModule {}
