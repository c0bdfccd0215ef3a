import { keep, KeepPart, normaliseSegment, Segment, text } from '../text/segment';

/**
 * Segments as HTML/XML for HTTP providers: text escaped, kept parts inside an element the
 * provider leaves untranslated (`<span translate="no">` for LibreTranslate, an ignored
 * `<x>` tag for DeepL). Decoding puts the kept parts back by order, whatever the provider
 * did to the markup around them; one it lost is appended rather than dropped.
 */
export class MarkupCodec {
  constructor(
    private readonly open: string,
    private readonly close: string,
  ) {}

  encode(segment: Segment): string {
    return segment
      .map((p) => (p.kind === 'keep' ? `${this.open}${escapeXml(p.text)}${this.close}` : escapeXml(p.text)))
      .join('');
  }

  decode(output: string, source: Segment): Segment {
    const keeps = source.filter((p): p is KeepPart => p.kind === 'keep');
    const parts: Segment = [];
    const pattern = new RegExp(`${escapeRegExp(this.open)}([\\s\\S]*?)${escapeRegExp(this.close)}`, 'g');
    let last = 0;
    let next = 0;
    for (const m of output.matchAll(pattern)) {
      parts.push(text(unescapeXml(stripTags(output.slice(last, m.index)))));
      const kept = keeps[next];
      parts.push(kept && unescapeXml(m[1]) === kept.text ? kept : keep(unescapeXml(m[1])));
      if (kept) next += 1;
      last = m.index! + m[0].length;
    }
    parts.push(text(unescapeXml(stripTags(output.slice(last)))));
    for (const missing of keeps.slice(next)) parts.push(text(' '), missing);
    return normaliseSegment(parts);
  }
}

export function escapeXml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function unescapeXml(value: string): string {
  return value
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#0?39;|&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&');
}

/** Markup a provider added on its own (our text never holds raw `<`: it is escaped). */
function stripTags(value: string): string {
  return value.replace(/<\/?[a-zA-Z][^>]*>/g, '');
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
