import { Command, CommandRunner } from 'nest-commander';
import { AppConfig, migrateDatabase } from '@roundtable/core';

@Command({ name: 'migrate', description: 'Apply pending database migrations (under an advisory lock)' })
export class MigrateCommand extends CommandRunner {
  constructor(private readonly config: AppConfig) {
    super();
  }

  async run(): Promise<void> {
    const applied = await migrateDatabase(this.config);
    console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
  }
}
