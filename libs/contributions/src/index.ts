export * from './contributions.module';
export * from './contributions/contribution-status';
export * from './contributions/contribution-view';
export * from './contributions/contribution.dto';
export * from './contributions/contributions.service';
export * from './contributions/pending-notices';
export * from './events/space-event-log';
export * from './rendering/body-renderer';
