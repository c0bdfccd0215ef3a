import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { CoreModule, HttpExceptionFilter, TableStatistics } from '@roundtable/core';
import { ContributionsModule } from '@roundtable/contributions';
import { DigestsModule } from '@roundtable/digests';
import { ExchangeModule } from '@roundtable/exchange';
import { AccessGuard, IdentityModule } from '@roundtable/identity';
import { InvitationsModule } from '@roundtable/invitations';
import { LiveModule } from '@roundtable/live';
import { MemberDigestsModule } from '@roundtable/member-digests';
import { ModerationModule } from '@roundtable/moderation';
import { NotificationsModule } from '@roundtable/notifications';
import { SpacesModule } from '@roundtable/spaces';
import { StocktakingModule } from '@roundtable/stocktaking';
import { TranslationModule } from '@roundtable/translation';
import { HealthModule } from './health/health.module';
import { ApiOpsModule } from './ops/ops.module';

/** The HTTP and Socket.IO process. It publishes jobs but never consumes them. */
@Module({
  imports: [
    CoreModule,
    IdentityModule,
    SpacesModule,
    ContributionsModule,
    ExchangeModule,
    LiveModule,
    ModerationModule,
    NotificationsModule,
    MemberDigestsModule,
    InvitationsModule,
    TranslationModule,
    DigestsModule,
    StocktakingModule,
    HealthModule,
    ApiOpsModule,
  ],
  providers: [
    TableStatistics,
    { provide: APP_GUARD, useClass: AccessGuard },
    { provide: APP_FILTER, useClass: HttpExceptionFilter },
  ],
})
export class ApiModule {}
