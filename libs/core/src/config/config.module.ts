import { Global, Module } from '@nestjs/common';
import { AppConfig, loadConfig } from './app-config';

/** A configuration handed over by the code that builds the application (e.g. `createApiApp(config)`). */
let givenConfig: AppConfig | undefined;

/**
 * Makes the applications built next in this process use `config` instead of reading the
 * environment again, so `createApiApp(config)` really runs with the config it was given.
 */
export function useAppConfig(config: AppConfig | undefined): void {
  givenConfig = config;
}

/** Provides the validated {@link AppConfig} everywhere. */
@Global()
@Module({
  providers: [{ provide: AppConfig, useFactory: () => givenConfig ?? loadConfig() }],
  exports: [AppConfig],
})
export class ConfigModule {}
