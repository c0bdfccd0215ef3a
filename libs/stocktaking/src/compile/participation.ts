import { CONSTITUENCIES } from '@roundtable/core';
import type { Constituency, Language, Multilingual } from '@roundtable/core';
import { countryCode, REGIONS, regionOf } from './regions';
import type {
  Annex,
  AnnexRow,
  Participation,
  ParticipationGroup,
  QuestionFigures,
  RegionFigures,
} from './summary.types';

/** One author's published contributions in one space in the period (one row per role they wrote in). */
export interface AuthorActivity {
  spaceId: string;
  authorId: string;
  byModerator: boolean;
  constituency: Constituency;
  country: string | null;
  organisation: string | null;
  contributions: number;
  replies: number;
  /** The author's organisation and constituency are verified, not only self-declared. */
  verified?: boolean;
}

export interface SpaceFacts {
  id: string;
  number: number;
  prompt: Multilingual;
  members: number;
  digests: number;
}

const norm = (s: string | null) => (s ?? '').normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * Participation figures and the annex, from per-author activity. A participant is anyone
 * who wrote in a space they do not moderate; what moderators wrote is counted apart.
 * States are counted by country (else organisation, else the person); the other
 * constituencies by organisation (else the person, who stands for themselves).
 */
export function participationFigures(
  activity: AuthorActivity[],
  spaces: SpaceFacts[],
  languages: Partial<Record<Language, number>>,
): { participation: Participation; annex: Annex } {
  const people = new Map<string, AuthorActivity>();
  const moderators = new Set<string>();
  const groupContributions = new Map<Constituency, number>();
  const perSpace = new Map<
    string,
    {
      contributions: number;
      participantContributions: number;
      replies: number;
      participants: Set<string>;
      moderatorContributions: number;
      counts: Partial<Record<Constituency, number>>;
    }
  >();
  for (const s of spaces)
    perSpace.set(s.id, {
      contributions: 0,
      participantContributions: 0,
      replies: 0,
      participants: new Set(),
      moderatorContributions: 0,
      counts: {},
    });

  let contributions = 0;
  let participantContributions = 0;
  let replies = 0;
  let moderatorContributions = 0;
  for (const a of activity) {
    const space = perSpace.get(a.spaceId);
    if (!space) continue;
    contributions += a.contributions;
    replies += a.replies;
    space.contributions += a.contributions;
    space.replies += a.replies;
    if (a.byModerator) {
      moderators.add(a.authorId);
      moderatorContributions += a.contributions;
      space.moderatorContributions += a.contributions;
      continue;
    }
    participantContributions += a.contributions;
    space.participantContributions += a.contributions;
    space.participants.add(a.authorId);
    space.counts[a.constituency] = (space.counts[a.constituency] ?? 0) + a.contributions;
    if (!people.has(a.authorId)) people.set(a.authorId, a);
    groupContributions.set(a.constituency, (groupContributions.get(a.constituency) ?? 0) + a.contributions);
  }

  const groups: ParticipationGroup[] = [];
  for (const constituency of CONSTITUENCIES) {
    const members = [...people.values()].filter((p) => p.constituency === constituency);
    if (members.length === 0) continue;
    const entities = new Set(
      members.map((p) =>
        constituency === 'state'
          ? norm(p.country) || (norm(p.organisation) ? `org:${norm(p.organisation)}` : `person:${p.authorId}`)
          : norm(p.organisation) || `person:${p.authorId}`,
      ),
    );
    groups.push({
      constituency,
      participants: members.length,
      entities: entities.size,
      contributions: groupContributions.get(constituency) ?? 0,
    });
  }

  const questions: QuestionFigures[] = spaces.map((s) => {
    const f = perSpace.get(s.id)!;
    return {
      spaceId: s.id,
      number: s.number,
      prompt: s.prompt,
      contributions: f.contributions,
      participantContributions: f.participantContributions,
      replies: f.replies,
      participants: f.participants.size,
      moderatorContributions: f.moderatorContributions,
      members: s.members,
      digests: s.digests,
    };
  });

  const present = CONSTITUENCIES.filter((c) => groups.some((g) => g.constituency === c));
  const rows: AnnexRow[] = spaces.map((s) => {
    const f = perSpace.get(s.id)!;
    return {
      spaceId: s.id,
      number: s.number,
      counts: f.counts,
      moderators: f.moderatorContributions,
      total: f.contributions,
    };
  });
  const totals: AnnexRow = {
    spaceId: '',
    number: 0,
    counts: {},
    moderators: moderatorContributions,
    total: contributions,
  };
  for (const g of groups) totals.counts[g.constituency] = g.contributions;

  return {
    participation: {
      participants: people.size,
      verified: [...people.values()].filter((p) => p.verified).length,
      contributions,
      participantContributions,
      replies,
      moderators: moderators.size,
      moderatorContributions,
      groups,
      regions: regionFigures([...people.values()]),
      languages,
      questions,
    },
    annex: { constituencies: present, rows, totals },
  };
}

/** Participants per UN M49 region of their profile's country, and how many countries of it took part. */
export function regionFigures(people: Array<{ country: string | null }>): RegionFigures[] {
  const by = new Map<string, { countries: Set<string>; participants: number }>();
  for (const p of people) {
    const region = regionOf(p.country);
    if (!region) continue;
    const r = by.get(region) ?? { countries: new Set<string>(), participants: 0 };
    r.countries.add(countryCode(p.country)!);
    r.participants += 1;
    by.set(region, r);
  }
  return REGIONS.filter((r) => by.has(r))
    .map((region) => ({
      region,
      countries: by.get(region)!.countries.size,
      participants: by.get(region)!.participants,
    }))
    .sort((a, b) => b.participants - a.participants || REGIONS.indexOf(a.region) - REGIONS.indexOf(b.region));
}
