import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApertiumPipeline } from './apertium-pipeline';

/**
 * A one-stage "mode" standing in for Apertium's programs: it answers each NUL-ended
 * request with the request itself (the text, and the blank the pipeline adds before its marker), one after another, `delay` ms each; a negative delay
 * never answers.
 */
const STAGE = `#!/usr/bin/env node
const delay = Number(process.argv[3]);
let buffer = '';
let chain = Promise.resolve();
process.stdin.setEncoding('utf8');
process.stdin.on('data', (data) => {
  buffer += data;
  let end;
  while ((end = buffer.indexOf('\\0')) >= 0) {
    const request = buffer.slice(0, end + 1);
    buffer = buffer.slice(end + 1);
    if (delay < 0) continue;
    chain = chain.then(() => new Promise((r) => setTimeout(r, delay))).then(() => process.stdout.write(request));
  }
});
`;

describe('ApertiumPipeline', () => {
  let dir: string;
  const pipelines: ApertiumPipeline[] = [];

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'rt-pipeline-'));
    writeFileSync(join(dir, 'stage.js'), STAGE);
    chmodSync(join(dir, 'stage.js'), 0o755);
  });
  afterAll(() => {
    for (const p of pipelines) p.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  function pipeline(delayMs: number): ApertiumPipeline {
    const modeFile = join(dir, `slow-${delayMs}.mode`);
    writeFileSync(modeFile, `${join(dir, 'stage.js')} ${delayMs}\n`);
    const p = new ApertiumPipeline(`slow-${delayMs}`, modeFile);
    pipelines.push(p);
    return p;
  }

  const settle = (p: Promise<string>) =>
    p.then(
      (text) => ({ text }),
      (err: Error) => ({ error: err.message }),
    );

  it('lets a slow pipeline that keeps answering go on when a request behind the queue times out', async () => {
    const p = pipeline(150);
    expect(await p.translate('warm', AbortSignal.timeout(20_000))).toBe('warm[]');
    // the first answers take 150 ms each; the fourth gives up at 520 ms, when it has just reached the head
    const results = await Promise.all(
      ['one', 'two', 'three', 'four', 'five', 'six'].map((text, i) =>
        settle(p.translate(text, AbortSignal.timeout(i === 3 ? 520 : 20_000))),
      ),
    );
    expect(results[3]).toEqual({ error: 'apertium slow-150 timed out' });
    // the requests behind it were not failed by a restart: each got its own answer
    expect([0, 1, 2, 4, 5].map((i) => results[i])).toEqual(
      ['one', 'two', 'three', 'five', 'six'].map((text) => ({ text: `${text}[]` })),
    );
  }, 30_000);

  it('restarts a pipeline that gave nothing since the timed-out request was written, failing what waited behind it', async () => {
    const p = pipeline(-1);
    p.warm();
    const started = Date.now();
    const results = await Promise.all([
      settle(p.translate('one', AbortSignal.timeout(400))),
      settle(p.translate('two', AbortSignal.timeout(20_000))),
    ]);
    expect(results[0]).toEqual({ error: 'apertium slow--1 timed out' });
    expect(results[1]).toEqual({ error: 'apertium slow--1 restarted: it stopped answering' });
    // the second did not wait out its own 20 s
    expect(Date.now() - started).toBeLessThan(10_000);
  }, 30_000);
});
