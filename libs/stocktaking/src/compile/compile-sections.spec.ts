import type { Theme } from '@roundtable/digests';
import { compileSections, ContributionFact, DigestInput } from './compile-sections';
import type { Participation } from './summary.types';

const quote = (id: string, text: string, constituency: Theme['quotes'][number]['constituency']) => ({
  contributionId: id,
  text,
  language: 'en' as const,
  authorName: id,
  organisation: null,
  constituency,
});

const theme = (key: string, label: string, ids: string[], extra: Partial<Theme> = {}): Theme => ({
  key,
  label,
  variants: [],
  contributionIds: ids,
  constituencies: {},
  authors: ids.length,
  quotes: [],
  ...extra,
});

describe('compiled sections', () => {
  // c1–c4 participants; m1 a moderator's post (no fact: it never counts)
  const facts = new Map<string, ContributionFact>([
    ['c1', { authorId: 'a1', constituency: 'state', number: 1, region: 'Africa' }],
    ['c2', { authorId: 'a2', constituency: 'civil_society', number: 1, region: 'Europe' }],
    ['c3', { authorId: 'a3', constituency: 'other', number: 2, region: null }],
    ['c4', { authorId: 'a4', constituency: 'youth', number: 2, region: 'Africa' }],
    ['c5', { authorId: 'a5', constituency: 'youth', number: 2, region: 'Asia' }],
  ]);
  const participation = { questions: [] } as unknown as Participation;
  const digests: DigestInput[] = [
    {
      id: 'd1',
      spaceId: 's1',
      number: 1,
      themes: [
        theme('flood coastal', 'coastal floods', ['c1', 'c2', 'm1'], {
          synopsis: quote('c1', 'Coastal floods displace whole villages.', 'state'),
          calls: [
            quote('c2', 'Cities should fund relocation now.', 'civil_society'),
            quote('m1', 'Moderators say so too.', 'international_organisation'),
          ],
          quotes: [
            quote('c1', 'Coastal floods displace whole villages.', 'state'),
            quote('c2', 'Cities should fund relocation now.', 'civil_society'),
          ],
        }),
      ],
      keyPoints: [
        {
          id: 'k1',
          text: 'Floods on the coast: the moderator’s own words.',
          priority: false,
          themeKey: 'flood coastal',
          sources: ['c1'],
          origin: 'generated',
          edited: true,
        },
      ],
      objectives: [
        { number: 2, text: 'Objective 2: adverse drivers', contributionIds: ['c1', 'c2'] },
        { number: 7, text: 'Objective 7: vulnerabilities', contributionIds: ['m1'] },
      ],
    },
    {
      id: 'd2',
      spaceId: 's2',
      number: 2,
      themes: [
        // raised by youth and by someone who said no constituency: "other" makes no convergence
        theme('mental health', 'mental health', ['c3', 'c4', 'c5', 'm1'], {
          synopsis: quote('c4', 'Mental health care is missing.', 'youth'),
        }),
      ],
      keyPoints: [],
      objectives: [
        { number: 2, text: 'Objective 2: adverse drivers', contributionIds: ['c4'] },
        { number: 7, text: 'Objective 7: vulnerabilities', contributionIds: [] },
      ],
    },
  ];
  const objectives = [
    { number: 2, text: 'Objective 2: adverse drivers' },
    { number: 7, text: 'Objective 7: vulnerabilities' },
  ];
  const sections = compileSections(digests, facts, participation, objectives);

  it('cites participants only, with their regions, and keeps the moderator’s reworded key point as written', () => {
    const floods = sections.keyEmphases.find((i) => i.label === 'coastal floods')!;
    expect(floods.sources.sort()).toEqual(['c1', 'c2']);
    expect(floods.regions).toEqual(['Africa', 'Europe']);
    expect(floods.synopsis?.text).toBe('Coastal floods displace whole villages.');
    expect(floods.sourceText).toBe('Floods on the coast: the moderator’s own words.');
  });

  it('converges only across named constituencies', () => {
    expect(sections.convergence.map((i) => i.label)).toEqual(['coastal floods']);
    expect(sections.convergence[0].quotes.map((q) => q.constituency)).toEqual(['state', 'civil_society']);
  });

  it('lists the participants’ calls for action by theme, not the moderator’s', () => {
    const action = sections.priorities.find((i) => i.kind === 'action')!;
    expect(action).toMatchObject({ label: 'coastal floods', sources: ['c2'], constituencies: ['civil_society'] });
    expect(action.quotes.map((q) => q.text)).toEqual(['Cities should fund relocation now.']);
  });

  it('lists as a gap the objective only a moderator addressed', () => {
    const gaps = sections.gaps.filter((i) => i.kind === 'objective');
    expect(gaps.map((i) => [i.objective, i.contributions])).toEqual([[7, 0]]);
  });
});
