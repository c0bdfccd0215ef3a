/**
 * The lint rules that keep the lib graph clean do fire: a probe file is linted as if it
 * stood in a lib (eslint --stdin, no file written), and each forbidden import is an error.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

function lint(filename: string, source: string): string[] {
  const result = spawnSync(
    process.execPath,
    [
      path.join(ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js'),
      '--format',
      'json',
      '--stdin',
      '--stdin-filename',
      filename,
    ],
    { cwd: ROOT, input: source, encoding: 'utf8' },
  );
  const [report] = JSON.parse(result.stdout) as Array<{
    messages: Array<{ ruleId: string; severity: number; message: string }>;
  }>;
  return report.messages.filter((m) => m.severity === 2).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('lint rules (eslint.config.mjs)', () => {
  it('refuses a deep import into another lib, by alias or by relative path', () => {
    const errors = lint(
      'libs/invitations/src/probe.ts',
      [
        "import { SpaceEntity } from '@roundtable/spaces/spaces/space.entity';",
        "import { MembershipEntity } from '../../spaces/src/spaces/membership.entity';",
        'export const probe = [SpaceEntity, MembershipEntity];',
      ].join('\n'),
    );
    expect(errors).toEqual([
      expect.stringContaining('through its barrel'),
      expect.stringContaining('not by a relative path'),
    ]);
  });

  it('refuses an import the lib graph does not have (mail may import core only)', () => {
    const errors = lint(
      'libs/mail/src/probe.ts',
      "import { AccessService } from '@roundtable/identity';\nexport const probe = AccessService;\n",
    );
    expect(errors).toEqual([expect.stringContaining('libs/mail may import core')]);
  });

  it('lets a lib import the libs its row lists, through their barrels', () => {
    const errors = lint(
      'libs/invitations/src/probe.ts',
      "import { MembershipsRepository } from '@roundtable/spaces';\nimport { AccessService } from '@roundtable/identity';\nexport const probe = [MembershipsRepository, AccessService];\n",
    );
    expect(errors).toEqual([]);
  });

  it('refuses a lib importing an app', () => {
    const errors = lint(
      'libs/core/src/probe.ts',
      "import { ApiModule } from '../../../apps/api/src/api.module';\nexport const probe = ApiModule;\n",
    );
    expect(errors).toEqual([expect.stringContaining('never imports an app')]);
  });
});
