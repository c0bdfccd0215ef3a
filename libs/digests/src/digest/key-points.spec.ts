import type { Theme } from '../analysis/theme.types';
import { applyKeyPointEdits, generateKeyPoints, keyPointOf } from './key-points';

const theme = (key: string, label: string, ids: string[], constituencies: Theme['constituencies']): Theme => ({
  key,
  label,
  variants: [],
  contributionIds: ids,
  constituencies,
  authors: ids.length,
  quotes: [],
});

describe('key points', () => {
  const generated = generateKeyPoints([
    theme('pathway regular', 'regular pathways', ['c1', 'c2', 'c3'], { civil_society: 2, state: 1 }),
    theme('chang climat', 'climate change', ['c4', 'c5'], { business: 2 }),
  ]);

  it('are worded in French and Spanish from the theme, its name and its sentence given in that language', () => {
    const t = theme('pathway regular', 'regular pathways', ['c1', 'c2', 'c3'], {
      civil_society: 2,
      state: 1,
      youth: 1,
    });
    expect(keyPointOf(t, 'fr', 'voies régulières', 'Il faut les élargir')).toBe(
      'Voies régulières\u00a0: Il faut les élargir. Soulevé par la société civile, les États et les jeunes dans 3 contributions.',
    );
    expect(keyPointOf({ ...t, contributionIds: ['c1'], constituencies: { business: 1 } }, 'es', 'vías regulares')).toBe(
      'Vías regulares: Planteado por las empresas en 1 contribución.',
    );
    // English as drafted
    expect(keyPointOf(t, 'en', 'regular pathways')).toBe(
      'Regular pathways: Raised by civil society, States and youth in 3 contributions.',
    );
  });

  it('are generated from themes, with their sources', () => {
    expect(generated.map((k) => k.text)).toEqual([
      'Regular pathways: Raised by civil society and States in 3 contributions.',
      'Climate change: Raised by business in 2 contributions.',
    ]);
    expect(generated[0]).toMatchObject({
      sources: ['c1', 'c2', 'c3'],
      origin: 'generated',
      priority: false,
      edited: false,
    });
  });

  it('say what a theme is about in its central sentence, and say first when translation was unavailable', () => {
    const said = {
      ...theme('pathway regular', 'regular pathways', ['c1', 'c2'], { state: 2 }),
      synopsis: {
        contributionId: 'c1',
        text: 'Las vías regulares deben ampliarse',
        english: 'Regular pathways must be widened',
        language: 'es' as const,
        authorName: 'A',
        organisation: null,
        constituency: 'state' as const,
      },
    };
    const points = generateKeyPoints([said], {
      status: 'unavailable',
      provider: 'apertium',
      untranslated: ['fr'],
      error: 'down',
    });
    expect(points[0]).toMatchObject({ themeKey: null, sources: [] });
    expect(points[0].text).toMatch(
      /^Machine translation \(apertium\) was unavailable: themes of the French contributions/,
    );
    expect(points[1].text).toBe(
      'Regular pathways: Regular pathways must be widened. Raised by States in 2 contributions.',
    );
  });

  it('are reordered, reworded, prioritised, dropped and added by the list the moderator sends', () => {
    const [a, b] = generated;
    const next = applyKeyPointEdits(
      generated,
      [
        { id: b.id, text: b.text, priority: true },
        { id: a.id, text: 'Regular pathways, above all.' },
        { text: 'New point', sources: ['c9'] },
      ],
      (s) => s === 'c9',
    );
    expect(next.map((k) => k.text)).toEqual([b.text, 'Regular pathways, above all.', 'New point']);
    expect(next[0]).toMatchObject({ id: b.id, priority: true, edited: false, sources: b.sources });
    expect(next[1]).toMatchObject({ id: a.id, edited: true, sources: a.sources });
    expect(next[2]).toMatchObject({ origin: 'moderator', sources: ['c9'] });
    expect(applyKeyPointEdits(generated, [{ id: a.id, text: a.text }], () => true)).toHaveLength(1);
  });

  it('refuse unknown ids, repeated ids, blank text and foreign sources', () => {
    const [a] = generated;
    expect(() => applyKeyPointEdits(generated, [{ id: 'nope', text: 'x' }], () => true)).toThrow(/not a key point/);
    expect(() =>
      applyKeyPointEdits(
        generated,
        [
          { id: a.id, text: 'x' },
          { id: a.id, text: 'y' },
        ],
        () => true,
      ),
    ).toThrow(/twice/);
    expect(() => applyKeyPointEdits(generated, [{ text: '   ' }], () => true)).toThrow(/blank/);
    expect(() => applyKeyPointEdits(generated, [{ text: 'x', sources: ['c1'] }], () => false)).toThrow(
      /not a published contribution/,
    );
  });
});
