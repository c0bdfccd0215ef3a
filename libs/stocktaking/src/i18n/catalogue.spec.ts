import { CATALOGUES } from './catalogue';

describe('the participation sentences of a stocktaking summary', () => {
  it('say plainly that moderators posted nothing, in each language, instead of counting “the 0 moderators”', () => {
    expect(CATALOGUES.en.moderators(0, 0, 4, 4)).toBe(
      'All 4 contributions came from participants; moderators posted none.',
    );
    expect(CATALOGUES.fr.moderators(0, 0, 4, 4)).toBe(
      'Les 4 contributions viennent toutes des participants ; les modérateurs n’en ont publié aucune.',
    );
    expect(CATALOGUES.es.moderators(0, 0, 1, 1)).toBe(
      'La única contribución es de un participante; los moderadores no publicaron ninguna.',
    );
    // moderators who posted are counted apart, as before
    expect(CATALOGUES.en.moderators(2, 3, 10, 7)).toBe(
      'Participants posted 7 of the 10 contributions; the 2 moderators posted 3, counted separately.',
    );
  });

  it('leave out the moderators of a question where they posted nothing', () => {
    expect(CATALOGUES.en.question(1, 4, 3, 1, 0)).toBe('Question 1: 4 contributions (1 reply) from 3 participants.');
    expect(CATALOGUES.fr.question(2, 5, 4, 2, 1)).toBe(
      'Question 2 : 5 contributions (2 réponses) de 4 participants, et 1 des modérateurs.',
    );
    expect(CATALOGUES.es.question(1, 1, 1, 0, 0)).toBe('Pregunta 1: 1 contribución (0 respuestas) de 1 participante.');
  });
});
