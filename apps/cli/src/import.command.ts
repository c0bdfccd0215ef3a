import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { plainToInstance } from 'class-transformer';
import { validate, ValidationError } from 'class-validator';
import { SingleBar, Presets } from 'cli-progress';
import { Command, CommandRunner, Option } from 'nest-commander';
import { ImportDiscussionDto, ImportService } from '@roundtable/exchange';

interface Options {
  roundtable: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Command({
  name: 'import',
  arguments: '<file>',
  description:
    'Import a discussion (JSON in the shape of hub-roundtable1.json, or a JSON export) into a roundtable; safe to run twice',
})
export class ImportCommand extends CommandRunner {
  constructor(private readonly imports: ImportService) {
    super();
  }

  async run([file]: string[], options: Options): Promise<void> {
    try {
      await this.importFile(file, options);
    } catch (err) {
      // nest-commander only prints what a command throws and exits 0: say it and fail
      console.error(`import failed: ${(err as Error).message}`);
      process.exitCode = 1;
    }
  }

  private async importFile(file: string, options: Options): Promise<void> {
    if (!options.roundtable || !UUID.test(options.roundtable))
      throw new Error('import needs --roundtable <id> (the roundtable uuid)');
    const path = resolve(file);
    let raw: unknown;
    try {
      raw = JSON.parse(await readFile(path, 'utf8'));
    } catch (err) {
      throw new Error(`cannot read ${path} as JSON: ${(err as Error).message}`, { cause: err });
    }
    // the same rules as the api's ValidationPipe
    const input = plainToInstance(ImportDiscussionDto, raw);
    const errors = await validate(input, { whitelist: true, forbidNonWhitelisted: true });
    if (errors.length > 0)
      throw new Error(
        `${path} is not a discussion file:\n${flatten(errors)
          .map((m) => `  ${m}`)
          .join('\n')}`,
      );

    const bar = new SingleBar(
      { format: 'importing [{bar}] {value}/{total} contributions', hideCursor: true },
      Presets.shades_classic,
    );
    let started = false;
    try {
      const result = await this.imports.importDiscussion(options.roundtable, input, (done, total) => {
        if (!started) {
          bar.start(total, 0);
          started = true;
        }
        bar.update(done);
      });
      if (started) bar.stop();
      const spaces = result.spaceIds
        .map((s) => `question ${s.number} → ${s.id}${s.created ? ' (new)' : ''}`)
        .join(', ');
      console.log(
        `imported into roundtable ${options.roundtable}: ${result.spaces} space(s), ${result.contributions} contribution(s), ` +
          `${result.members} member account(s), ${result.memberships} membership(s) created; ${result.skipped} skipped`,
      );
      console.log(`spaces: ${spaces}`);
      for (const u of result.unresolvedReplies) {
        console.log(
          `note: question ${u.spaceNumber}, contribution ${u.id} replies to "${u.inReplyTo}", who wrote nothing earlier there; imported as a new thread`,
        );
      }
      console.log(`IMPORT_RESULT ${JSON.stringify(result)}`);
    } catch (err) {
      if (started) bar.stop();
      throw err;
    }
  }

  @Option({ flags: '--roundtable <id>', description: 'the roundtable to import into', required: true })
  parseRoundtable(value: string): string {
    return value;
  }
}

function flatten(errors: ValidationError[], prefix = ''): string[] {
  return errors.flatMap((e) => {
    const path = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((m) => `${path}: ${m}`);
    return [...own, ...flatten(e.children ?? [], path)];
  });
}
