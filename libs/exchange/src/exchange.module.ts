import { Module } from '@nestjs/common';
import { ContributionsModule } from '@roundtable/contributions';
import { IdentityModule } from '@roundtable/identity';
import { SpacesModule } from '@roundtable/spaces';
import { ExportController } from './export/export.controller';
import { ExportService } from './export/export.service';
import { ImportController } from './import/import.controller';
import { ImportService } from './import/import.service';
import { PlaceholderMembers } from './import/placeholder-members';

/** Importing discussions into roundtables and exporting a space's contributions. */
@Module({
  imports: [IdentityModule, SpacesModule, ContributionsModule],
  controllers: [ImportController, ExportController],
  providers: [ImportService, ExportService, PlaceholderMembers],
  exports: [ImportService, ExportService],
})
export class ExchangeModule {}
