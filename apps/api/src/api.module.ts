import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { CoreModule, HttpExceptionFilter } from '@roundtable/core';
import { ContributionsModule } from '@roundtable/contributions';
import { ExchangeModule } from '@roundtable/exchange';
import { AccessGuard, IdentityModule } from '@roundtable/identity';
import { LiveModule } from '@roundtable/live';
import { SpacesModule } from '@roundtable/spaces';
import { HealthModule } from './health/health.module';

/** The HTTP and Socket.IO process. It publishes jobs but never consumes them. */
@Module({
  imports: [CoreModule, IdentityModule, SpacesModule, ContributionsModule, ExchangeModule, LiveModule, HealthModule],
  providers: [
    { provide: APP_GUARD, useClass: AccessGuard },
    { provide: APP_FILTER, useClass: HttpExceptionFilter },
  ],
})
export class ApiModule {}
