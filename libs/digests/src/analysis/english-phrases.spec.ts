import { EnglishPhraseExtractor } from './english-phrases';
import { splitSentences } from './sentences';

describe('EnglishPhraseExtractor', () => {
  const extractor = new EnglishPhraseExtractor();
  const keys = (text: string) => extractor.phrases(text).map((p) => p.key);

  it('finds noun phrases and noun–preposition–noun links, keyed by order-free stems', () => {
    expect(keys('Regular pathways must be expanded.')).toContain('pathway regular');
    expect(keys('Migrants need access to health services.')).toEqual(
      expect.arrayContaining(['health servic', 'access servic']),
    );
    // a machine translation that reorders the words meets the original
    expect(keys('The access to the services of health is difficult.')).toContain('health servic');
    expect(keys('Freedom of association is essential.')).toContain('associ freedom');
  });

  it('keeps acronyms in labels and drops generic phrases', () => {
    expect(extractor.phrases('The GCM objectives are ambitious.').map((p) => p.label)).toContain('GCM objectives');
    expect(keys('This roundtable discussion was long.')).toEqual([]);
  });
});

describe('splitSentences', () => {
  it('splits paragraphs, list items and sentences, not abbreviations', () => {
    expect(splitSentences('First point, e.g. Spain. Second one!\n• A bullet item\n2. Numbered item')).toEqual([
      'First point, e.g. Spain.',
      'Second one!',
      'A bullet item',
      'Numbered item',
    ]);
    expect(splitSentences('¿Qué hacer? Hay que actuar. Les États doivent agir.')).toEqual([
      '¿Qué hacer?',
      'Hay que actuar.',
      'Les États doivent agir.',
    ]);
  });
});
