import { Global, Module } from '@nestjs/common';
import { RedisSettingsCheck } from './redis-settings-check';
import { ShutdownState } from './shutdown-state';
import { WorkerLifecycle } from './worker-lifecycle';

/** What every process needs to start safely and stop gracefully. */
@Global()
@Module({ providers: [RedisSettingsCheck, ShutdownState, WorkerLifecycle], exports: [ShutdownState, WorkerLifecycle] })
export class OpsModule {}
