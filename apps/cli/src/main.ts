import 'reflect-metadata';
import { CommandFactory } from 'nest-commander';
import { ConfigError, loadConfig, migrateDatabase } from '@roundtable/core';
import { CliModule } from './cli.module';

async function main(): Promise<void> {
  const config = loadConfig();
  // every command works on an up-to-date schema
  await migrateDatabase(config);
  await CommandFactory.run(CliModule, {
    logger: ['error', 'warn'],
    errorHandler: (err) => {
      console.error(err.message);
      process.exit(1);
    },
    // an error thrown by a command's run() must fail the process, not just be printed
    serviceErrorHandler: (err) => {
      console.error(err.message);
      process.exit(1);
    },
  });
}

main().catch((err) => {
  console.error(err instanceof ConfigError ? err.message : `command failed: ${err?.message ?? err}`);
  process.exit(1);
});
