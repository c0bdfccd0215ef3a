import { corpusChrf, sentenceChrf } from './chrf';

/** Expected values are sacreBLEU 2.x's, from its own test suite (test_chrf.py). */
describe('chrF', () => {
  it.each([
    [['abcdefg'], ['hijklmnop'], 0],
    [['a'], ['b'], 0],
    [[''], ['reference'], 0],
    [['aa'], ['ab'], 8.3333],
    [['a', 'b'], ['a', 'c'], 8.3333],
    [['a'], ['a'], 16.6667],
    [['a b c'], ['a b c'], 50],
    [['a b c'], ['abc'], 50],
    [
      [
        ' risk assessment must be made of those who are qualified and expertise in the sector - these are the scientists .',
      ],
      [
        'risk assessment has to be undertaken by those who are qualified and expert in that area - that is the scientists .',
      ],
      63.36173,
    ],
    [
      [' Die    Beziehung zwischen  Obama und Netanjahu ist nicht gerade  freundlich. '],
      ['Das Verhältnis zwischen Obama und Netanyahu ist nicht gerade freundschaftlich.'],
      64.1302698,
    ],
    [['Niemand hat die Absicht, eine Mauer zu errichten'], ['Niemand hat die Absicht, eine Mauer zu errichten'], 100],
  ])('with eps smoothing and beta 3: %j vs %j → %d', (hyps, refs, expected) => {
    expect(corpusChrf(hyps, refs, { beta: 3, epsSmoothing: true })).toBeCloseTo(expected, 3);
  });

  it.each([
    [['a'], ['a'], 100],
    [[''], ['reference'], 0],
    [['a b c'], ['abc'], 100],
    [['a', 'b'], ['a', 'c'], 50],
    [['aa'], ['ab'], 25],
  ])('with effective order (sacreBLEU < 2 and its default): %j vs %j → %d', (hyps, refs, expected) => {
    expect(corpusChrf(hyps, refs, { beta: 3 })).toBeCloseTo(expected, 3);
  });

  it('keeps white space when asked', () => {
    expect(
      corpusChrf(
        ['Die Beziehung zwischen Obama und Netanjahu ist nicht gerade freundlich.'],
        ['Das Verhältnis zwischen Obama und Netanyahu ist nicht gerade freundschaftlich.'],
        {
          beta: 3,
          whitespace: true,
        },
      ),
    ).toBeCloseTo(67.3481606, 3);
  });

  it('scores sentences with sacreBLEU defaults (beta 2) and eps smoothing', () => {
    expect(
      sentenceChrf(
        'Co nás nejvíc trápí, protože lékaři si vybírají, kdo bude žít a kdo zemře.',
        'Nejvíce smutní jsme z toho, že musíme rozhodovat o tom, kdo bude žít a kdo zemře.',
        { epsSmoothing: true },
      ),
    ).toBeCloseTo(39.14078509, 3);
    expect(
      sentenceChrf(
        'Lapali po dechu, jejich životy skončily dřív, než skutečně začaly.',
        'Lapali po dechu a pak jejich život skončil - dřív, než skutečně mohl začít, připomněli.',
        { epsSmoothing: true },
      ),
    ).toBeCloseTo(57.15704367, 3);
  });

  it('refuses corpora of different lengths', () => {
    expect(() => corpusChrf(['a'], [])).toThrow(/as many/);
  });
});
