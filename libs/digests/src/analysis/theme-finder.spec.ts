import type { Constituency } from '@roundtable/core';
import { countLabel, findThemes } from './theme-finder';
import type { AnalysedContribution } from './theme.types';

let n = 0;
function contribution(constituency: Constituency, author: string, sentences: Array<[string, string[]]>): AnalysedContribution {
  n += 1;
  return {
    id: `c${n}`,
    authorId: author,
    authorName: author.toUpperCase(),
    organisation: null,
    constituency,
    language: 'en',
    sentences: sentences.map(([text, keys]) => ({ text, keys })),
  };
}

describe('findThemes', () => {
  const labels = new Map<string, Map<string, number>>();
  countLabel(labels, 'pathway regular', 'regular pathways', 3);
  countLabel(labels, 'pathway regular', 'regular pathway', 1);
  countLabel(labels, 'chang climat', 'climate change');

  const docs = [
    contribution('state', 'a', [['We need regular pathways for workers and their families.', ['pathway regular', 'famili worker']]]),
    contribution('civil_society', 'b', [['Regular pathways must be expanded, fast and fairly for everyone.', ['pathway regular']]]),
    contribution('civil_society', 'c', [['Regular labour pathways exist in few countries today.', ['labour pathway regular']]]),
    contribution('business', 'd', [['Climate change drives people from the coast to the cities.', ['chang climat']]]),
    contribution('business', 'd', [['Climate change again and again; and regular pathways too.', ['chang climat', 'pathway regular']]]),
    contribution('youth', 'e', [['A phrase seen once only is no theme at all here.', ['once phrase']]]),
  ];

  it('keeps phrases found in at least two contributions, ranked by how many carry them, with their constituencies', () => {
    const themes = findThemes(docs, labels);
    expect(themes.map((t) => t.label)).toEqual(['regular pathways', 'climate change']);
    expect(themes[0].constituencies).toEqual({ state: 1, civil_society: 2, business: 1 });
    expect(themes[1]).toMatchObject({ contributionIds: [docs[3].id, docs[4].id], authors: 1, constituencies: { business: 2 } });
  });

  it('folds a more specific phrase into the theme it contains', () => {
    const [regular] = findThemes(docs, labels);
    expect(regular.variants).toContain('labour pathway regular');
    expect(regular.contributionIds).toContain(docs[2].id);
  });

  it('quotes at most one sentence per author, different constituencies first', () => {
    const [regular, climate] = findThemes(docs, labels, { quotesPerTheme: 3 });
    expect(new Set(regular.quotes.map((q) => q.constituency)).size).toBe(3);
    expect(climate.quotes).toHaveLength(1);
    expect(climate.quotes[0]).toMatchObject({ authorName: 'D', constituency: 'business' });
  });

  it('is deterministic', () => {
    expect(findThemes(docs, labels)).toEqual(findThemes([...docs], labels));
  });
});
