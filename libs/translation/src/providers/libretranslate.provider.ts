import type { Language } from '@roundtable/core';
import type { Segment } from '../text/segment';
import { batches, postJson } from './http-json';
import { MarkupCodec } from './markup-codec';
import { Leg, TranslationProvider, UnsupportedPairError } from './translation-provider';

const SUPPORTED: readonly Language[] = ['en', 'fr', 'es'];

/**
 * LibreTranslate over HTTP: `POST {url}/translate` with `{ q: [...], source, target,
 * format: "html", api_key? }` → `{ translatedText: [...] }`. Kept parts travel as
 * `<span translate="no">`, which LibreTranslate's HTML mode leaves alone.
 */
export class LibreTranslateProvider implements TranslationProvider {
  readonly name = 'libretranslate';
  private readonly codec = new MarkupCodec('<span translate="no">', '</span>');

  constructor(
    private readonly baseUrl: string,
    private readonly apiKey?: string,
  ) {}

  route(from: Language, to: Language): Leg[] {
    if (!SUPPORTED.includes(from) || !SUPPORTED.includes(to) || from === to)
      throw new UnsupportedPairError(this.name, from, to);
    return [[from, to]];
  }

  async translate(segments: Segment[], from: Language, to: Language, signal: AbortSignal): Promise<Segment[]> {
    const out: Segment[] = [];
    const indexed = segments.map((segment, i) => ({ segment, html: this.codec.encode(segment), i }));
    for (const batch of batches(indexed, (s) => s.html.length, 50, 20_000)) {
      const res = await postJson<{ translatedText: string | string[] }>(
        this.name,
        new URL('translate', withSlash(this.baseUrl)).toString(),
        {
          q: batch.map((s) => s.html),
          source: from,
          target: to,
          format: 'html',
          ...(this.apiKey ? { api_key: this.apiKey } : {}),
        },
        {},
        signal,
      );
      const texts = Array.isArray(res.translatedText) ? res.translatedText : [res.translatedText];
      batch.forEach((s, k) => (out[s.i] = this.codec.decode(texts[k] ?? '', s.segment)));
    }
    return out;
  }
}

export function withSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}
