import { existsSync } from 'node:fs';
import { keep, segmentText, text } from '../text/segment';
import { ApertiumProvider, decodeStream, encodeStream, parsePivots } from './apertium.provider';
import { UnsupportedPairError } from './translation-provider';

/** Runs the real engine (Debian's apertium, apertium-eng-spa, apertium-fr-es; npm test installs them). */
describe('Apertium provider', () => {
  const apertium = new ApertiumProvider();
  afterAll(() => apertium.stop());
  const signal = () => AbortSignal.timeout(20_000);

  it('is installed with the modes it needs', () => {
    expect(apertium.missingModes()).toEqual([]);
  });

  it('goes direct for EN↔ES and FR↔ES, and through Spanish for EN↔FR (as measured)', () => {
    expect(apertium.route('en', 'es')).toEqual([['en', 'es']]);
    expect(apertium.route('es', 'fr')).toEqual([['es', 'fr']]);
    expect(apertium.route('en', 'fr')).toEqual([
      ['en', 'es'],
      ['es', 'fr'],
    ]);
    expect(apertium.route('fr', 'en')).toEqual([
      ['fr', 'es'],
      ['es', 'en'],
    ]);
    expect(apertium.pivotFallbacks()).toEqual([]);
    expect(() => apertium.route('en', 'en')).toThrow(UnsupportedPairError);
  });

  it('takes the pivots TRANSLATION_PIVOTS names, and Spanish where the chosen pairs are not installed', () => {
    expect(parsePivots('en-fr:es, fr-en:ca')).toEqual({ 'en-fr': 'es', 'fr-en': 'ca' });
    const viaCatalan = new ApertiumProvider(undefined, parsePivots('en-fr:ca'));
    // npm test installs apertium-eng-cat and apertium-fra-cat; without them Spanish is the way
    const catalan =
      existsSync('/usr/share/apertium/modes/eng-cat.mode') && existsSync('/usr/share/apertium/modes/cat-fra.mode');
    expect(viaCatalan.route('en', 'fr')).toEqual(
      catalan
        ? [
            ['en', 'ca'],
            ['ca', 'fr'],
          ]
        : [
            ['en', 'es'],
            ['es', 'fr'],
          ],
    );
    expect(viaCatalan.pivotFallbacks()).toEqual(catalan ? [] : ['en-fr']);
    expect(viaCatalan.route('fr', 'en')).toEqual([
      ['fr', 'es'],
      ['es', 'en'],
    ]);
    const elsewhere = new ApertiumProvider('/nonexistent', { 'en-fr': 'ca' });
    expect(elsewhere.route('en', 'fr')).toEqual([
      ['en', 'es'],
      ['es', 'fr'],
    ]);
    expect(elsewhere.pivotFallbacks()).toEqual(['en-fr']);
  });

  it("never lets a word of the pivot language through: one the last leg cannot translate goes back to the author's language", async () => {
    const viaSpanish = new ApertiumProvider(undefined, { 'en-fr': 'es' });
    try {
      const [spanish] = await viaSpanish.translate([[text('There is a desk at the town hall.')]], 'en', 'es', signal());
      expect(segmentText(spanish)).toMatch(/escritorio/);
      const [leaked] = await viaSpanish.translate([spanish], 'es', 'fr', signal());
      expect(segmentText(leaked)).toMatch(/escritorio/);
      const [french] = await viaSpanish.translate([spanish], 'es', 'fr', signal(), { writtenIn: 'en' });
      expect(segmentText(french)).not.toMatch(/escritorio/);
      expect(segmentText(french)).toMatch(/\bdesk\b/);
    } finally {
      viaSpanish.stop();
    }
  });

  it('translates with warm pipelines, keeps kept parts in order, and leaves no unknown-word marks', async () => {
    const [out] = await apertium.translate(
      [
        [
          text('The meeting is on Friday. Write to '),
          keep('ana@example.org'),
          text(' or see '),
          keep('https://example.org/a_b'),
          text(' with the zorblaxian data.'),
        ],
      ],
      'en',
      'es',
      signal(),
    );
    const translated = segmentText(out);
    expect(translated).toContain('viernes');
    expect(out.filter((p) => p.kind === 'keep').map((p) => p.text)).toEqual([
      'ana@example.org',
      'https://example.org/a_b',
    ]);
    expect(
      out
        .filter((p) => p.kind === 'text')
        .map((p) => p.text)
        .join(''),
    ).not.toMatch(/[*#@](?=\p{L})/u);
    expect(translated).toContain('zorblaxian');
  });

  it('answers many requests in flight, each with its own answer, quickly once warm', async () => {
    const sentences = Array.from({ length: 40 }, (_, i) => [
      text(`The committee met ${i % 2 ? 'on Monday' : 'on Friday'} in the city.`),
    ]);
    const started = Date.now();
    const out = await apertium.translate(sentences, 'en', 'es', signal());
    expect(out).toHaveLength(40);
    out.forEach((s, i) => expect(segmentText(s)).toContain(i % 2 ? 'lunes' : 'viernes'));
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('escapes the characters its stream format reserves, both ways', () => {
    const segment = [text('a [b] {c} ^d$ e/f \\ <g> h@i'), keep('[x](y)')];
    expect(encodeStream(segment)).toBe('a \\[b\\] \\{c\\} \\^d\\$ e\\/f \\\\ \\<g\\> h\\@i[\\[x\\](y)]');
    expect(decodeStream(encodeStream(segment), segment)).toEqual(segment);
    expect(decodeStream('#tener *palabra @casa', [])).toEqual([text('tener palabra casa')]);
  });
});
