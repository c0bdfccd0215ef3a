import { Module } from '@nestjs/common';
import { ContributionsModule } from '@roundtable/contributions';
import { IdentityModule } from '@roundtable/identity';
import { SpacesModule } from '@roundtable/spaces';
import { DemoSeeder } from './demo-seeder';

/** The demo consultation loader (`cli seed-demo`); not part of the api. */
@Module({
  imports: [IdentityModule, SpacesModule, ContributionsModule],
  providers: [DemoSeeder],
  exports: [DemoSeeder],
})
export class DemoModule {}
