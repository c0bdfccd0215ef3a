import { inlinePairs, placePairs } from './inline-pairs';
import { protect } from './protect';
import { keep, Segment, segmentText, text } from './segment';

describe('inline pairs', () => {
  it('finds emphasis and link labels that wrap plain words', () => {
    const segment = protect('We need **stable contracts**, see [the report](https://example.org/r.pdf) and *this*.');
    expect(inlinePairs(segment).map((p) => [p.open.text, segmentText(p.inner), p.close.text])).toEqual([
      ['**', 'stable contracts', '**'],
      ['[', 'the report', '](https://example.org/r.pdf)'],
      ['*', 'this', '*'],
    ]);
  });

  it('puts the markers back around the translation of the words they wrapped', () => {
    const source = protect('We need **stable contracts** now.');
    const [pair] = inlinePairs(source);
    // what an engine gives back: the markers in order, but around other words
    const output: Segment = [
      text('Nous '),
      pair.open,
      text('précisons des contrats stables'),
      pair.close,
      text(' maintenant.'),
    ];
    expect(segmentText(placePairs(output, [pair], ['Contrats stables']))).toBe(
      'Nous précisons des **contrats stables** maintenant.',
    );
  });

  it('leaves markers where the engine put them when the words are not found once, but never with a space inside', () => {
    const open = keep('*');
    const close = keep('*');
    const pair = { open, close, inner: [text('fair pay')] };
    const output: Segment = [text('un '), open, text(' salaire juste '), close, text(' pour tous')];
    expect(segmentText(placePairs(output, [pair], ['paie équitable']))).toBe('un  *salaire juste*  pour tous');
  });
});
