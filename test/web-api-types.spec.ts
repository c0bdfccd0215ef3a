import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startTestApi, TestApi } from './support/test-api';

const run = promisify(execFile);
const ROOT = join(__dirname, '..');
const WEB = join(ROOT, 'apps', 'web');

/**
 * The web app calls the api through types generated from its OpenAPI document
 * (apps/web/openapi.json → apps/web/src/api/schema.d.ts): a route or field changed
 * without regenerating them would compile against the old contract.
 */
describe("the web app's api types", () => {
  let api: TestApi;
  let scratch: string;

  beforeAll(async () => {
    api = await startTestApi();
    scratch = mkdtempSync(join(tmpdir(), 'rt-api-types-'));
  });
  afterAll(async () => {
    await api?.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  it("are saved from the api's current OpenAPI document", async () => {
    const checked = await run(process.execPath, [join(WEB, 'tools', 'save-openapi.mjs'), api.url, '--check'], {
      cwd: ROOT,
    }).catch((err) => err);
    expect(`${checked.stdout}${checked.stderr}`).toMatch(/openapi\.json matches the api \(\d+ paths\)/);
  }, 60_000);

  it('are generated from that document as it is saved', async () => {
    const out = join(scratch, 'schema.d.ts');
    await run(
      process.execPath,
      [join(ROOT, 'node_modules', 'openapi-typescript', 'bin', 'cli.js'), join(WEB, 'openapi.json'), '-o', out],
      { cwd: ROOT },
    );
    const saved = readFileSync(join(WEB, 'src', 'api', 'schema.d.ts'), 'utf8').split('\n');
    const fresh = readFileSync(out, 'utf8').split('\n');
    const differsAt = Array.from({ length: Math.max(saved.length, fresh.length) }, (_, i) => i).find(
      (i) => saved[i] !== fresh[i],
    );
    expect(
      differsAt === undefined
        ? 'up to date'
        : `schema.d.ts differs from line ${differsAt + 1}: run npm run web:api-types`,
    ).toBe('up to date');
  }, 60_000);
});
