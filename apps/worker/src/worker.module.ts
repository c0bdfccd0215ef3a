import { Module } from '@nestjs/common';
import { CoreModule, SPACE_EVENT_HANDLERS, SpaceEventHandler, TableStatistics } from '@roundtable/core';
import { DigestsWorkerModule } from '@roundtable/digests';
import { IdentityWorkerModule } from '@roundtable/identity';
import { InvitationsWorkerModule } from '@roundtable/invitations';
import { MemberDigestsWorkerModule } from '@roundtable/member-digests';
import { NotificationEventHandler, NotificationsWorkerModule } from '@roundtable/notifications';
import { StocktakingWorkerModule } from '@roundtable/stocktaking';
import { TranslationEventHandler, TranslationWorkerModule } from '@roundtable/translation';
import { WorkerMetricsServer } from './metrics-server';
import { SpaceEventsProcessor } from './space-events.processor';

/**
 * Capabilities that react to committed space events, in the order the processor calls
 * them. To add one: export its handler from its worker module, import that module
 * below, and append the class here (one line).
 */
const SPACE_EVENT_HANDLER_CLASSES = [TranslationEventHandler, NotificationEventHandler];

/** The queue-consuming process: no HTTP. */
@Module({
  imports: [
    CoreModule,
    IdentityWorkerModule,
    MemberDigestsWorkerModule,
    InvitationsWorkerModule,
    TranslationWorkerModule,
    DigestsWorkerModule,
    StocktakingWorkerModule,
    NotificationsWorkerModule,
  ],
  providers: [
    SpaceEventsProcessor,
    WorkerMetricsServer,
    TableStatistics,
    {
      provide: SPACE_EVENT_HANDLERS,
      useFactory: (...handlers: SpaceEventHandler[]) => handlers,
      inject: SPACE_EVENT_HANDLER_CLASSES,
    },
  ],
})
export class WorkerModule {}
