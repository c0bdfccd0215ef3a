import { CATALOGUES } from '../i18n/catalogue';
import { AuthorActivity, participationFigures, regionFigures } from './participation';

const a = (
  spaceId: string,
  authorId: string,
  constituency: AuthorActivity['constituency'],
  extra: Partial<AuthorActivity> = {},
): AuthorActivity => ({
  spaceId,
  authorId,
  byModerator: false,
  constituency,
  country: null,
  organisation: null,
  contributions: 1,
  replies: 0,
  ...extra,
});

describe('participation figures', () => {
  const spaces = [
    { id: 's1', number: 1, prompt: { en: 'One?' }, members: 9, digests: 1 },
    { id: 's2', number: 2, prompt: { en: 'Two?' }, members: 4, digests: 0 },
  ];
  const activity = [
    a('s1', 'ghana-1', 'state', { country: 'Ghana', contributions: 2, replies: 1 }),
    a('s2', 'ghana-1', 'state', { country: 'Ghana' }),
    a('s1', 'ghana-2', 'state', { country: ' ghana ' }),
    a('s1', 'mexico', 'state', { country: 'Mexico' }),
    a('s1', 'ngo-1', 'civil_society', { organisation: 'Red Migrante' }),
    a('s2', 'ngo-2', 'civil_society', { organisation: 'red migrante' }),
    a('s2', 'ngo-3', 'civil_society', { organisation: null }),
    a('s1', 'mod', 'international_organisation', { byModerator: true, contributions: 5 }),
    a('s2', 'mod', 'international_organisation', { contributions: 1 }),
  ];
  const { participation, annex } = participationFigures(activity, spaces, { en: 10, fr: 3 });

  it('counts people per constituency and the States (by country) or organisations they represent', () => {
    expect(participation.groups).toEqual([
      { constituency: 'state', participants: 3, entities: 2, contributions: 5 },
      { constituency: 'civil_society', participants: 3, entities: 2, contributions: 3 },
      { constituency: 'international_organisation', participants: 1, entities: 1, contributions: 1 },
    ]);
    expect(participation).toMatchObject({
      participants: 7,
      contributions: 14,
      participantContributions: 9,
      moderatorContributions: 5,
      moderators: 1,
      replies: 1,
    });
  });

  it('counts each question and the annex, moderators apart', () => {
    expect(
      participation.questions.map((q) => [
        q.number,
        q.contributions,
        q.participants,
        q.moderatorContributions,
        q.members,
      ]),
    ).toEqual([
      [1, 10, 4, 5, 9],
      [2, 4, 4, 0, 4],
    ]);
    expect(annex.constituencies).toEqual(['state', 'civil_society', 'international_organisation']);
    expect(annex.rows[0]).toMatchObject({ counts: { state: 4, civil_society: 1 }, moderators: 5, total: 10 });
    expect(annex.totals).toMatchObject({
      counts: { state: 5, civil_society: 3, international_organisation: 1 },
      moderators: 5,
      total: 14,
    });
  });

  it('groups participants into UN M49 regions by their country, given as a code or a name in EN/FR/ES', () => {
    expect(
      regionFigures([
        { country: 'SN' },
        { country: 'Sénégal' },
        { country: 'Ghana' },
        { country: 'México' },
        { country: 'de' },
        { country: 'Allemagne' },
        { country: 'Atlantis' },
        { country: null },
      ]),
    ).toEqual([
      { region: 'Africa', countries: 2, participants: 3 },
      { region: 'Europe', countries: 1, participants: 2 },
      { region: 'Americas', countries: 1, participants: 1 },
    ]);
    expect(CATALOGUES.en.regions(4, ['Africa', 'Europe', 'the Americas'])).toBe(
      'They came from 4 countries in 3 regions: Africa, Europe and the Americas.',
    );
    expect(CATALOGUES.es.regions(1, ['Europa'])).toBe('Procedían de 1 país de 1 región: Europa.');
  });

  it('reads as one sentence in English, French and Spanish', () => {
    const groups = participation.groups.map((g) => g);
    expect(CATALOGUES.en.participants(participation.participants, groups.map(CATALOGUES.en.group))).toBe(
      '7 participants took part: 3 representatives of 2 States, 3 representatives of 2 civil society organisations and 1 representative of 1 international organisation.',
    );
    expect(CATALOGUES.fr.participants(7, groups.map(CATALOGUES.fr.group))).toBe(
      '7 participants ont pris part : 3 représentants de 2 États, 3 représentants de 2 organisations de la société civile et 1 représentant de 1 organisation internationale.',
    );
    expect(CATALOGUES.es.participants(7, groups.map(CATALOGUES.es.group))).toBe(
      'Participaron 7 personas: 3 representantes de 2 Estados, 3 representantes de 2 organizaciones de la sociedad civil y 1 representante de 1 organización internacional.',
    );
  });
});
