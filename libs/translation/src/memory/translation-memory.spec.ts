import { alignTexts, memoryKey } from './translation-memory';

describe('translation memory alignment', () => {
  it('pairs a text and its translation sentence by sentence, Markdown line prefixes aside', () => {
    expect(
      alignTexts(
        '- Clinics close early. Families wait.',
        'en',
        '- Les centres ferment tôt. Les familles attendent.',
        'fr',
      ),
    ).toEqual([
      { from: 'en', to: 'fr', source: 'Clinics close early.', target: 'Les centres ferment tôt.' },
      { from: 'en', to: 'fr', source: 'Families wait.', target: 'Les familles attendent.' },
    ]);
  });

  it('falls back to paragraphs, then to the whole text of one paragraph, when sentences do not line up', () => {
    expect(alignTexts('One. Two.\n\nThree.', 'en', 'Un et deux.\n\nTrois.', 'fr').map((p) => p.target)).toEqual([
      'Un et deux.',
      'Trois.',
    ]);
    expect(alignTexts('One. Two.', 'en', 'Un et deux.', 'fr').map((p) => p.target)).toEqual(['Un et deux.']);
    expect(alignTexts('One.\n\nTwo.', 'en', 'Un et deux.', 'fr')).toEqual([]);
  });

  it('finds a sentence again whatever its case, spacing and apostrophes', () => {
    expect(memoryKey('  The  Town’s\u00a0hall ')).toBe(memoryKey("the town's hall"));
  });
});
