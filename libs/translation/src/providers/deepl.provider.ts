import type { Language } from '@roundtable/core';
import type { Segment } from '../text/segment';
import { batches, postJson } from './http-json';
import { withSlash } from './libretranslate.provider';
import { MarkupCodec } from './markup-codec';
import { Leg, TranslationProvider, UnsupportedPairError } from './translation-provider';

/** DeepL's codes: English as a target must name a variant. */
const SOURCE: Record<Language, string> = { en: 'EN', fr: 'FR', es: 'ES' };
const TARGET: Record<Language, string> = { en: 'EN-GB', fr: 'FR', es: 'ES' };

/**
 * DeepL over HTTP: `POST {url}/v2/translate` with `Authorization: DeepL-Auth-Key …` and
 * `{ text: [...], source_lang, target_lang, tag_handling: "xml", ignore_tags: ["x"] }` →
 * `{ translations: [{ text }] }`. Kept parts travel inside the ignored `<x>` tag.
 */
export class DeepLProvider implements TranslationProvider {
  readonly name = 'deepl';
  private readonly codec = new MarkupCodec('<x>', '</x>');

  constructor(
    private readonly baseUrl: string,
    private readonly apiKey: string,
  ) {}

  route(from: Language, to: Language): Leg[] {
    if (!SOURCE[from] || !TARGET[to] || from === to) throw new UnsupportedPairError(this.name, from, to);
    return [[from, to]];
  }

  async translate(segments: Segment[], from: Language, to: Language, signal: AbortSignal): Promise<Segment[]> {
    const out: Segment[] = [];
    const indexed = segments.map((segment, i) => ({ segment, xml: this.codec.encode(segment), i }));
    for (const batch of batches(indexed, (s) => s.xml.length, 50, 100_000)) {
      const res = await postJson<{ translations: Array<{ text: string }> }>(
        this.name,
        new URL('v2/translate', withSlash(this.baseUrl)).toString(),
        {
          text: batch.map((s) => s.xml),
          source_lang: SOURCE[from],
          target_lang: TARGET[to],
          tag_handling: 'xml',
          ignore_tags: ['x'],
          split_sentences: 'nonewlines',
        },
        { authorization: `DeepL-Auth-Key ${this.apiKey}` },
        signal,
      );
      batch.forEach((s, k) => (out[s.i] = this.codec.decode(res.translations?.[k]?.text ?? '', s.segment)));
    }
    return out;
  }
}
