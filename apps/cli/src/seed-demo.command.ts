import { Command, CommandRunner } from 'nest-commander';
import { DemoSeeder } from '@roundtable/exchange';

@Command({
  name: 'seed-demo',
  description: "Load Roundtable's demo consultation (idempotent); the last line is DEMO_LOGINS <json>",
})
export class SeedDemoCommand extends CommandRunner {
  constructor(private readonly seeder: DemoSeeder) {
    super();
  }

  async run(): Promise<void> {
    let seeded: Awaited<ReturnType<DemoSeeder['seed']>>;
    try {
      seeded = await this.seeder.seed();
    } catch (err) {
      // nest-commander only prints what a command throws and exits 0: say it and fail
      console.error(`seed-demo failed: ${(err as Error).message}`);
      process.exitCode = 1;
      return;
    }
    const { created, accounts, logins } = seeded;
    const total = Object.values(created).reduce((a, b) => a + b, 0);
    console.log(
      total === 0
        ? 'demo content already loaded: nothing added'
        : `demo content loaded: ${created.consultations} consultation(s), ${created.roundtables} roundtable(s), ${created.spaces} space(s), ` +
            `${created.accounts} account(s), ${created.memberships} membership(s), ${created.contributions} contribution(s), ` +
            `${created.pending} awaiting moderation`,
    );
    const participants = accounts.filter((a) => a.role === 'participant');
    console.log(
      `demo participants (password ${participants[0]?.password}): ${participants.map((a) => a.email).join(', ')}`,
    );
    // the launcher reads this line; it must come last
    console.log(
      `DEMO_LOGINS ${JSON.stringify(logins.map(({ role, email, password }) => ({ role, email, ...(password ? { password } : {}) })))}`,
    );
  }
}
