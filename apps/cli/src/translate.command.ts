import { Presets, SingleBar } from 'cli-progress';
import { Command, CommandRunner, Option } from 'nest-commander';
import { TranslationRequests } from '@roundtable/translation';

interface Options {
  missing?: boolean;
  wait?: boolean;
  waitSeconds?: number;
}

const PAGE = 1000;
/** Progress is shown in logs and CI too, one line a second, not only in a terminal. */
const NOT_A_TERMINAL = { noTTYOutput: true, notTTYSchedule: 1000 };

/**
 * `translate --missing`: queues a translation job for every published contribution (and
 * space prompt) that lacks a translation of its current version, detecting languages on
 * the way, then follows the worker's progress until none is missing.
 */
@Command({
  name: 'translate',
  description: 'Back-fill machine translations: --missing queues every missing one and shows the progress',
})
export class TranslateCommand extends CommandRunner {
  constructor(private readonly requests: TranslationRequests) {
    super();
  }

  async run(_args: string[], options: Options): Promise<void> {
    try {
      if (!options.missing) throw new Error('say what to translate: translate --missing');
      await this.backfill(options.wait !== false, options.waitSeconds ?? 600);
    } catch (err) {
      console.error(`translate failed: ${(err as Error).message}`);
      process.exitCode = 1;
    }
  }

  private async backfill(wait: boolean, waitSeconds: number): Promise<void> {
    const total = await this.requests.countMissing();
    const bar = new SingleBar(
      { format: '{phase} [{bar}] {value}/{total} translations', hideCursor: true, ...NOT_A_TERMINAL },
      Presets.shades_classic,
    );
    bar.start(Math.max(total, 1), 0, { phase: 'queueing   ' });
    let queued = 0;
    let after: { at: string; id: string } | undefined;
    for (;;) {
      const page = await this.requests.findMissing(0, PAGE, after);
      if (page.length === 0) break;
      queued += await this.requests.ensure(page.map((p) => p.id));
      bar.update(Math.min(queued, total));
      after = page[page.length - 1];
    }
    const prompts = await this.requests.ensurePrompts();
    bar.update(total);
    bar.stop();
    console.log(
      `queued ${queued} translation job(s) for contributions and ${prompts} for space prompts (jobs already queued are not queued twice)`,
    );
    if (!wait || total === 0) {
      console.log(`TRANSLATE_RESULT ${JSON.stringify({ missing: total, queued, prompts })}`);
      return;
    }

    const progress = new SingleBar(
      { format: 'translating [{bar}] {value}/{total} done', hideCursor: true, ...NOT_A_TERMINAL },
      Presets.shades_classic,
    );
    progress.start(total, 0);
    let remaining = total;
    let lastChange = Date.now();
    while (remaining > 0) {
      await new Promise((r) => setTimeout(r, 500));
      const now = await this.requests.countMissing();
      if (now < remaining) lastChange = Date.now();
      remaining = now;
      progress.update(Math.max(0, total - remaining));
      if (Date.now() - lastChange > waitSeconds * 1000) {
        progress.stop();
        throw new Error(
          `${remaining} translation(s) still missing and none done for ${waitSeconds} s: is a worker running (npm start runs one)?`,
        );
      }
    }
    progress.stop();
    console.log(`all ${total} missing translation(s) are done (or failed: see each contribution's translations)`);
    console.log(`TRANSLATE_RESULT ${JSON.stringify({ missing: total, queued, prompts })}`);
  }

  @Option({ flags: '--missing', description: 'every translation a published contribution or a space prompt lacks' })
  parseMissing(): boolean {
    return true;
  }

  @Option({ flags: '--no-wait', description: 'queue the jobs and return without following the worker' })
  parseNoWait(): boolean {
    return false;
  }

  @Option({
    flags: '--wait-seconds <n>',
    description: 'give up when nothing was translated for this long (default 600)',
  })
  parseWaitSeconds(value: string): number {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) throw new Error('--wait-seconds must be a whole number ≥ 1');
    return n;
  }
}
