import { Module } from '@nestjs/common';
import { ContributionsModule } from '@roundtable/contributions';
import { CoreModule } from '@roundtable/core';
import { DemoModule, ExchangeModule } from '@roundtable/exchange';
import { IdentityModule } from '@roundtable/identity';
import { SpacesModule } from '@roundtable/spaces';
import { TranslationRequestsModule } from '@roundtable/translation';
import { CreateAdminCommand } from './create-admin.command';
import { ImportCommand } from './import.command';
import { MigrateCommand } from './migrate.command';
import { SeedDemoCommand } from './seed-demo.command';
import { TranslateCommand } from './translate.command';

/** Operator commands: `npm run cli -- <command>`. */
@Module({
  imports: [
    CoreModule,
    IdentityModule,
    SpacesModule,
    ContributionsModule,
    ExchangeModule,
    DemoModule,
    TranslationRequestsModule,
  ],
  providers: [MigrateCommand, CreateAdminCommand, ImportCommand, SeedDemoCommand, TranslateCommand],
})
export class CliModule {}
