import { Module } from '@nestjs/common';
import { IdentityModule } from '@roundtable/identity';
import { StocktakingCoreModule } from './stocktaking-core.module';
import {
  ConsultationStocktakingController,
  RoundtableStocktakingController,
} from './summary/roundtable-stocktaking.controller';
import { StocktakingController } from './summary/stocktaking.controller';

/** Stocktaking summaries over HTTP (the api process). */
@Module({
  imports: [IdentityModule, StocktakingCoreModule],
  controllers: [RoundtableStocktakingController, ConsultationStocktakingController, StocktakingController],
})
export class StocktakingModule {}
