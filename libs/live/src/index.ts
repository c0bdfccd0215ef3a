export * from './live-access-sync';
export * from './live.gateway';
export * from './live.module';
export * from './live-rooms';
export * from './redis-io.adapter';
export * from './space-channels';
