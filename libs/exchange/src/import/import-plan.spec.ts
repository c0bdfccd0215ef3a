import { DomainError } from '@roundtable/core';
import type { ImportDiscussionDto, ImportContributionDto } from './discussion.dto';
import { authorRef, planImport } from './import-plan';

const c = (
  id: number | string,
  author: string,
  postedAt: string,
  extra: Partial<ImportContributionDto> = {},
): ImportContributionDto => ({
  id,
  author,
  postedAt,
  moderator: false,
  inReplyTo: null,
  body: `Text ${id}`,
  ...extra,
});

const discussion = (contributions: ImportContributionDto[], postedBy = 'Secretariat…'): ImportDiscussionDto => ({
  spaces: [{ number: 1, prompt: { en: 'Question?' }, postedBy, contributions }],
});

const parents = (input: ImportDiscussionDto) =>
  Object.fromEntries(planImport(input).spaces[0].contributions.map((p) => [p.fileId, p.parentFileId]));

describe('import plan', () => {
  it('links a Hub reply to the latest earlier contribution of the author it names', () => {
    const plan = discussion([
      c(1, 'Ana Ruiz', '2024-03-01', { inReplyTo: 'Secretariat…' }),
      c(2, 'Ben Okafor', '2024-03-02', { inReplyTo: 'Ana Ruiz' }),
      c(3, 'Ana Ruiz', '2024-03-03'),
      c(4, 'Chen Li', '2024-03-04', { inReplyTo: 'Ana Ruiz' }),
      c(5, 'Ana Ruiz', '2024-03-05', { inReplyTo: 'Chen Li' }),
    ]);
    expect(parents(plan)).toEqual({ 1: null, 2: '1', 3: null, 4: '3', 5: '4' });
  });

  it('matches a truncated name ("…") by prefix, and leaves a reply to nobody earlier as a new thread it reports', () => {
    const input = discussion([
      c(1, 'International Federation of Example', '2024-03-01'),
      c(2, 'Dana Ortiz', '2024-03-02', { inReplyTo: 'International Fede…' }),
      c(3, 'Eve Adams', '2024-03-03', { inReplyTo: 'Frank Later' }),
      c(4, 'Frank Later', '2024-03-04', { inReplyTo: 'Eve Adams' }),
    ]);
    const plan = planImport(input);
    expect(parents(input)).toEqual({ 1: null, 2: '1', 3: null, 4: '3' });
    expect(plan.spaces[0].unresolved).toEqual([{ id: 3, inReplyTo: 'Frank Later' }]);
  });

  it('takes parentId (or an id in inReplyTo) as an exact link, and orders parents before replies', () => {
    const input = discussion([
      c('b', 'Ben', '2024-03-01T10:00:00Z', { parentId: 'a' }),
      c('a', 'Ana', '2024-03-01T11:00:00Z'),
      c('c', 'Chen', '2024-03-02T09:00:00Z', { inReplyTo: 'b' }),
    ]);
    const planned = planImport(input).spaces[0].contributions;
    expect(planned.map((p) => [p.fileId, p.parentFileId])).toEqual([
      ['a', null],
      ['b', 'a'],
      ['c', 'b'],
    ]);
    expect(planned.find((p) => p.fileId === 'b')!.createdAt.toISOString()).toBe('2024-03-01T10:00:00.000Z');
  });

  it('places bare dates at noon UTC, one second apart within a day, in posting order', () => {
    const planned = planImport(discussion([c(2, 'B', '2024-03-01'), c(1, 'A', '2024-02-28'), c(3, 'C', '2024-03-01')]))
      .spaces[0].contributions;
    expect(planned.map((p) => [p.fileId, p.createdAt.toISOString()])).toEqual([
      ['1', '2024-02-28T12:00:00.000Z'],
      ['2', '2024-03-01T12:00:00.000Z'],
      ['3', '2024-03-01T12:00:01.000Z'],
    ]);
  });

  it('skips contributions an export marks as not published, re-attaching their replies to the nearest imported ancestor', () => {
    const input = discussion([
      c('a', 'Ana', '2024-03-01'),
      c('b', 'Ben', '2024-03-02', { parentId: 'a', status: 'deleted', body: undefined }),
      c('c', 'Chen', '2024-03-03', { parentId: 'b' }),
    ]);
    const space = planImport(input).spaces[0];
    expect(space.skipped).toBe(1);
    expect(space.contributions.map((p) => [p.fileId, p.parentFileId])).toEqual([
      ['a', null],
      ['c', 'a'],
    ]);
  });

  it('gives each author one placeholder (by name and organisation), moderator where flagged, with the profile facts the file gives', () => {
    const plan = planImport(
      discussion([
        c(1, 'Ana Ruiz', '2024-03-01', { language: 'es', constituency: 'youth', country: 'PE' }),
        c(2, ' ana  ruiz ', '2024-03-02', { moderator: true }),
        c(3, 'Ana Ruiz', '2024-03-03', { organisation: 'Another Org' }),
      ]),
    );
    expect(plan.authors.size).toBe(2);
    const ana = plan.authors.get(authorRef('Ana Ruiz', null))!;
    expect(ana).toMatchObject({
      name: 'Ana Ruiz',
      constituency: 'youth',
      country: 'PE',
      preferredLanguage: 'es',
      organisation: null,
    });
    expect(plan.authors.get(authorRef('Ana Ruiz', 'Another Org'))).toMatchObject({
      constituency: 'other',
      preferredLanguage: 'en',
    });
    expect(plan.spaces[0].members.get(ana.ref)).toBe(true);
  });

  it('refuses duplicate ids, duplicate question numbers, unknown parents and cycles with a 400', () => {
    const refused = (input: ImportDiscussionDto) => {
      try {
        planImport(input);
      } catch (err) {
        expect(err).toBeInstanceOf(DomainError);
        expect((err as DomainError).status).toBe(400);
        return (err as DomainError).message;
      }
      throw new Error('expected the plan to be refused');
    };
    expect(refused(discussion([c(1, 'A', '2024-01-01'), c(1, 'B', '2024-01-02')]))).toMatch(/id 1 appears twice/);
    expect(refused({ spaces: [...discussion([]).spaces, ...discussion([]).spaces] })).toMatch(
      /question 1 appears twice/,
    );
    expect(refused(discussion([c(1, 'A', '2024-01-01', { parentId: 7 })]))).toMatch(/parentId 7/);
    expect(refused(discussion([c(1, 'A', '2024-01-01', { parentId: 1 })]))).toMatch(/itself/);
    expect(
      refused(discussion([c(1, 'A', '2024-01-01', { parentId: 2 }), c(2, 'B', '2024-01-02', { parentId: 1 })])),
    ).toMatch(/cycle/);
  });
});
