import { Module } from '@nestjs/common';
import { ContributionsModule } from '@roundtable/contributions';
import { CoreModule } from '@roundtable/core';
import { IdentityModule } from '@roundtable/identity';
import { SpacesModule } from '@roundtable/spaces';
import { CreateAdminCommand } from './create-admin.command';
import { MigrateCommand } from './migrate.command';

/** Operator commands: `npm run cli -- <command>`. */
@Module({
  imports: [CoreModule, IdentityModule, SpacesModule, ContributionsModule],
  providers: [MigrateCommand, CreateAdminCommand],
})
export class CliModule {}
