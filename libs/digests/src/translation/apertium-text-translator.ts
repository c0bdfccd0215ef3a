import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Injectable } from '@nestjs/common';
import type { Language } from '@roundtable/core';
import type { TextTranslator } from './text-translator';

/** Apertium modes per direction; EN↔FR pivots through Spanish (Debian ships eng-spa and fr-es). */
const ROUTES: Record<string, string[]> = {
  'en-es': ['eng-spa'],
  'es-en': ['spa-eng'],
  'fr-es': ['fr-es'],
  'es-fr': ['es-fr'],
  'en-fr': ['eng-spa', 'es-fr'],
  'fr-en': ['fr-es', 'spa-eng'],
};

const TIMEOUT_MS = 120_000;
const execFileAsync = promisify(execFile);

/**
 * The offline engine: Apertium from Debian's packages. A batch is one text per line
 * through one pipeline of `apertium -u -f txt <mode>` processes (one per hop), so a few
 * hundred sentences cost one process start instead of one each.
 */
@Injectable()
export class ApertiumTextTranslator implements TextTranslator {
  readonly provider = 'apertium';

  async translate(texts: string[], from: Language, to: Language): Promise<string[]> {
    if (from === to || texts.length === 0) return [...texts];
    const route = ROUTES[`${from}-${to}`];
    if (!route) throw new Error(`no Apertium route for ${from}→${to}`);
    const lines = texts.map((t) => t.replace(/\s+/g, ' ').trim());
    const output = await this.pipeline(route, `${lines.join('\n')}\n`);
    const result = output.replace(/\n$/, '').split('\n');
    if (result.length !== lines.length) {
      throw new Error(`Apertium returned ${result.length} lines for ${lines.length} (${from}→${to})`);
    }
    return result.map((line, i) => (lines[i] === '' ? '' : line.trim()));
  }

  /**
   * Apertium reads its input from a file: fed through Node's stdio (a socket pair) it
   * translates only the first line. The hops are joined by a shell pipe.
   */
  private async pipeline(modes: string[], input: string): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'rt-apertium-'));
    const file = join(dir, 'in.txt');
    try {
      await writeFile(file, input, 'utf8');
      const script = modes.map((mode, i) => `apertium -u -f txt ${mode}${i === 0 ? ' "$1"' : ''}`).join(' | ');
      const { stdout } = await execFileAsync('sh', ['-c', script, 'apertium', file], {
        timeout: TIMEOUT_MS,
        maxBuffer: 256 * 1024 * 1024,
        encoding: 'utf8',
      });
      return stdout;
    } catch (err) {
      const e = err as Error & { stderr?: string; code?: string | number };
      if (e.code === 'ENOENT') throw new Error('cannot run apertium: not installed');
      throw new Error(`apertium failed: ${(e.stderr || e.message).trim().slice(0, 300)}`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
}
