import type { AppConfig, Language } from '@roundtable/core';
import { Glossary } from '../glossary/glossary';
import type { GlossaryService } from '../glossary/glossary.service';
import { Leg, TranslationError, TranslationProvider } from '../providers/translation-provider';
import { Segment, text } from '../text/segment';
import { TranslationEngine } from './translation-engine';

/**
 * A word-for-word "engine" whose choices depend on context like a real one: "migrants"
 * becomes "nómadas" alone and after an article, but "errantes" in a sentence about help.
 * EN→FR goes through Spanish, as with Apertium.
 */
class WordEngine implements TranslationProvider {
  readonly name = 'words';
  readonly calls: string[] = [];
  hang = false;

  route(from: Language, to: Language): Leg[] {
    return from === 'en' && to === 'fr'
      ? [
          ['en', 'es'],
          ['es', 'fr'],
        ]
      : [[from, to]];
  }

  async translate(segments: Segment[], from: Language, to: Language, signal: AbortSignal): Promise<Segment[]> {
    if (this.hang)
      await new Promise((_, reject) => signal.addEventListener('abort', () => reject(new Error('aborted'))));
    return segments.map((segment) => {
      const whole = segment.map((p) => p.text).join('');
      this.calls.push(`${from}-${to}:${whole}`);
      return segment.map((p) => (p.kind === 'keep' ? p : text(this.word(p.text, whole, `${from}-${to}`))));
    });
  }

  private word(value: string, context: string, pair: string): string {
    const table: Record<string, Record<string, string>> = {
      'en-es': {
        the: 'los',
        need: 'necesitan',
        help: 'ayuda',
        governments: 'gobiernos',
        migrants: /help/.test(context) ? 'errantes' : 'nómadas',
      },
      'es-fr': {
        los: 'les',
        necesitan: 'ont besoin de',
        ayuda: 'aide',
        migrantes: 'migrants',
        nómadas: 'nomades',
        errantes: 'errants',
      },
    };
    return value.replace(/\p{L}+/gu, (w) => table[pair]?.[w.toLowerCase()] ?? w);
  }
}

describe('translation engine', () => {
  const glossary = new Glossary([{ id: 'm', en: 'migrants', fr: 'migrants', es: 'migrantes' }]);
  const config = { TRANSLATION_TIMEOUT_MS: 200, TRANSLATION_MAX_SEGMENT_CHARS: 1500 } as AppConfig;
  const make = (provider: WordEngine) =>
    new TranslationEngine(provider, { current: async () => glossary } as unknown as GlossaryService, config);

  it("replaces the engine's rendering of a glossary term, keeping the grammar around it", async () => {
    expect(await make(new WordEngine()).translate('the migrants', 'en', 'es')).toBe('los migrantes');
  });

  it('fixes a term in place when the engine rendered it differently in context', async () => {
    expect(await make(new WordEngine()).translate('the migrants need help', 'en', 'es')).toBe(
      'los migrantes necesitan ayuda',
    );
  });

  it('carries a fixed term through a pivot into the final language', async () => {
    expect(await make(new WordEngine()).translate('the migrants need help', 'en', 'fr')).toBe(
      'les migrants ont besoin de aide',
    );
  });

  it('keeps what must not change and restores the line structure', async () => {
    const out = await make(new WordEngine()).translate(
      '- governments: https://example.org/migrants\n\nthe migrants',
      'en',
      'es',
    );
    expect(out).toBe('- gobiernos: https://example.org/migrants\n\nlos migrantes');
  });

  it('gives up after TRANSLATION_TIMEOUT_MS with an error worth retrying', async () => {
    const provider = new WordEngine();
    provider.hang = true;
    await expect(make(provider).translate('the migrants', 'en', 'es')).rejects.toMatchObject({ retryable: true });
    await expect(make(provider).translate('the migrants', 'en', 'es')).rejects.toBeInstanceOf(TranslationError);
  });
});
