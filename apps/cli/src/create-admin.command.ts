import { Command, CommandRunner, Option } from 'nest-commander';
import { AuthService } from '@roundtable/identity';

interface Options {
  email: string;
  password: string;
  name?: string;
}

@Command({
  name: 'create-admin',
  description: 'Create an organiser account, or promote an existing one and reset its password',
})
export class CreateAdminCommand extends CommandRunner {
  constructor(private readonly auth: AuthService) {
    super();
  }

  async run(_args: string[], options: Options): Promise<void> {
    if (!options.email || !options.password) throw new Error('create-admin needs --email and --password');
    if (options.password.length < 12) throw new Error('the organiser password must be at least 12 characters');
    const user = await this.auth.ensureOrganiser(options.email, options.password, options.name);
    console.log(`organiser ready: ${user.email}`);
  }

  @Option({ flags: '--email <email>', description: 'sign-in email', required: true })
  parseEmail(value: string): string {
    return value;
  }

  @Option({ flags: '--password <password>', description: 'at least 12 characters', required: true })
  parsePassword(value: string): string {
    return value;
  }

  @Option({ flags: '--name <name>', description: 'display name' })
  parseName(value: string): string {
    return value;
  }
}
