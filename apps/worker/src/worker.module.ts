import { Module } from '@nestjs/common';
import { CoreModule } from '@roundtable/core';
import { WorkerMetricsServer } from './metrics-server';
import { SpaceEventsProcessor } from './space-events.processor';

/** The queue-consuming process: no HTTP. */
@Module({
  imports: [CoreModule],
  providers: [SpaceEventsProcessor, WorkerMetricsServer],
})
export class WorkerModule {}
