import type { Constituency } from '@roundtable/core';
import { countLabel, findThemes, findTopics } from './theme-finder';
import type { AnalysedContribution } from './theme.types';

let n = 0;
function contribution(
  constituency: Constituency,
  author: string,
  sentences: Array<[string, string[]]>,
): AnalysedContribution {
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
    contribution('state', 'a', [
      ['We need regular pathways for workers and their families.', ['pathway regular', 'famili worker']],
    ]),
    contribution('civil_society', 'b', [
      ['Regular pathways must be expanded, fast and fairly for everyone.', ['pathway regular']],
    ]),
    contribution('civil_society', 'c', [
      ['Regular labour pathways exist in few countries today.', ['labour pathway regular']],
    ]),
    contribution('business', 'd', [['Climate change drives people from the coast to the cities.', ['chang climat']]]),
    contribution('academia', 'f', [
      ['Climate change again and again; and regular pathways too.', ['chang climat', 'pathway regular']],
    ]),
    contribution('youth', 'e', [['A phrase seen once only is no theme at all here.', ['once phrase']]]),
  ];

  it('keeps phrases written by at least two authors, broadest first, with their constituencies', () => {
    const themes = findThemes(docs, labels);
    expect(themes.map((t) => t.label)).toEqual(['regular pathways', 'climate change']);
    expect(themes[0].constituencies).toEqual({ state: 1, civil_society: 2, academia: 1 });
    expect(themes[1]).toMatchObject({
      contributionIds: [docs[3].id, docs[4].id],
      authors: 2,
      constituencies: { business: 1, academia: 1 },
    });
  });

  it('does not make a theme of what one author repeats', () => {
    const repeated = [
      contribution('state', 'x', [['Ocean acidification worries us.', ['acidif ocean']]]),
      contribution('state', 'x', [['Ocean acidification again.', ['acidif ocean']]]),
    ];
    expect(findThemes(repeated, new Map())).toEqual([]);
  });

  it('leaves out what the exclusions name, and single words most contributions use', () => {
    const many = ['a', 'b', 'c', 'd', 'e'].map((a) =>
      contribution('state', a, [['Migration and the network.', ['migrat', 'network secretariat']]]),
    );
    const themes = findThemes(many, new Map(), { exclusions: { excludes: (key) => key === 'network secretariat' } });
    expect(themes).toEqual([]);
  });

  it('merges two single words said by the same contributions, and writes down their calls for action', () => {
    const pandemic = ['a', 'b', 'c'].map((a, i) =>
      contribution(i === 0 ? 'state' : 'youth', a, [
        [`The pandemic and COVID-19 hit us, said ${a}. Vaccines should reach everyone now.`, ['pandem', 'covid-19']],
      ]),
    );
    const other = ['d', 'e', 'f', 'g'].map((a) =>
      contribution('business', a, [['Nothing shared here at all today.', [`own ${a}`]]]),
    );
    const [theme] = findThemes([...pandemic, ...other], new Map());
    expect([theme.key, ...theme.variants].sort()).toEqual(['covid-19', 'pandem']);
    expect(theme.calls).toHaveLength(3);
    expect(theme.synopsis?.contributionId).toBeDefined();
  });

  it('does not take a lead-in ending in a colon for a call for action', () => {
    const said = ['a', 'b', 'c'].map((a) =>
      contribution('state', a, [
        [`The pandemic taught us much, wrote ${a}, and the paper should address the following:`, ['pandem']],
        [`Vaccines for the pandemic should reach every migrant, ${a} added.`, ['pandem']],
      ]),
    );
    const other = ['d', 'e', 'f', 'g'].map((a) =>
      contribution('business', a, [['Nothing shared here at all today.', [`own ${a}`]]]),
    );
    const [theme] = findThemes([...said, ...other], new Map());
    expect(theme.calls?.map((q) => q.text)).toEqual(said.map((c) => c.sentences[1].text));
  });

  it('folds a more specific phrase into the theme it contains', () => {
    const [regular] = findThemes(docs, labels);
    expect(regular.variants).toContain('labour pathway regular');
    expect(regular.contributionIds).toContain(docs[2].id);
  });

  it('quotes at most one sentence per author, different constituencies first', () => {
    const [regular, climate] = findThemes(docs, labels, { quotesPerTheme: 3 });
    expect(new Set(regular.quotes.map((q) => q.constituency)).size).toBe(3);
    expect(climate.quotes.map((q) => q.authorName).sort()).toEqual(['D', 'F']);
  });

  it('names a single word by the phrase its sources write it in', () => {
    const named = new Map<string, Map<string, number>>();
    countLabel(named, 'disast reduct risk', 'disaster risk reduction');
    countLabel(named, 'reduct', 'reduction');
    const said = ['a', 'b', 'c'].map((a, i) =>
      contribution(i ? 'state' : 'youth', a, [
        [`Disaster risk reduction plans, wrote ${a}.`, ['reduct', 'disast reduct risk', 'reduct risk']],
      ]),
    );
    const other = ['d', 'e', 'f', 'g', 'h'].map((a) =>
      contribution('business', a, [['Nothing shared here at all today.', [`own ${a}`]]]),
    );
    const [theme] = findThemes([...said, ...other], named);
    expect(theme.label).toBe('disaster risk reduction');
    expect(theme.contributionIds).toHaveLength(3);
  });

  it('keeps the most common topic of a word written in several phrases, with its contributions only', () => {
    const named = new Map<string, Map<string, number>>();
    countLabel(named, 'labour mobil', 'labour mobility');
    const labour = ['a', 'b'].map((a) =>
      contribution('state', a, [['Labour mobility schemes.', ['mobil', 'labour mobil']]]),
    );
    const human = ['c', 'd', 'e'].map((a, i) =>
      contribution('youth', a, [['Human mobility and more.', ['mobil', i ? `${a} mobil` : 'human mobil']]]),
    );
    const other = 'fghijklmnop'
      .split('')
      .map((a) => contribution('business', a, [['Nothing shared here at all today.', [`own ${a}`]]]));
    const themes = findThemes([...labour, ...human, ...other], named);
    expect(themes.map((t) => t.label)).toEqual(['labour mobility']);
    expect(themes[0].contributionIds).toEqual(labour.map((c) => c.id));
  });

  it('keeps the phrases one author wrote, for the stocktaking to meet across questions', () => {
    const { themes, lone } = findTopics(docs, labels);
    expect(lone.map((t) => t.key)).toEqual(expect.arrayContaining(['famili worker', 'once phrase']));
    expect(lone.every((t) => t.authors === 1 && t.quotes.length === 1)).toBe(true);
    expect(lone.map((t) => t.key)).not.toContain(themes[0].key);
  });

  it('is deterministic', () => {
    expect(findThemes(docs, labels)).toEqual(findThemes([...docs], labels));
  });
});
