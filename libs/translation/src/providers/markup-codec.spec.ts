import { keep, text } from '../text/segment';
import { MarkupCodec } from './markup-codec';

describe('markup codec (HTTP providers)', () => {
  const codec = new MarkupCodec('<x>', '</x>');
  const segment = [text('Fish & chips <3 at '), keep('https://example.org/?a=1&b=2'), text(' today')];

  it('escapes text and wraps kept parts', () => {
    expect(codec.encode(segment)).toBe('Fish &amp; chips &lt;3 at <x>https://example.org/?a=1&amp;b=2</x> today');
  });

  it('puts kept parts back in order and unescapes, dropping markup the provider added', () => {
    expect(
      codec.decode('<b>Pescado &amp; patatas</b> en <x>https://example.org/?a=1&amp;b=2</x> hoy', segment),
    ).toEqual([text('Pescado & patatas en '), segment[1], text(' hoy')]);
  });

  it('appends a kept part the provider lost rather than dropping it', () => {
    expect(codec.decode('Pescado hoy', segment)).toEqual([text('Pescado hoy '), segment[1]]);
  });
});
