import { item } from './compile-sections';
import { applySectionEdits, mergeRecompiled } from './section-edits';
import type { SummarySections } from './summary.types';

const theme = (key: string, contributions: number) =>
  item('theme', `theme:${key}`, { label: key, contributions, sources: [`${key}-1`, `${key}-2`] });

describe('section edits and re-compiles', () => {
  const base: SummarySections = {
    introduction: null,
    participationText: null,
    keyEmphases: [theme('floods', 6), theme('health', 5), theme('skills', 3)],
    convergence: [theme('floods', 6)],
    priorities: [],
    gaps: [],
    dropped: [],
  };
  const [floods, health, skills] = base.keyEmphases;

  const edited = applySectionEdits(base, {
    introduction: 'Our words.',
    keyEmphases: [{ id: health.id, text: 'Health, reworded.' }, { id: floods.id }, { text: 'Our own point.' }],
  });

  it('keeps the rapporteur’s regions sentence through a re-compile, and restores the generated one on null', () => {
    const worded = applySectionEdits(base, { regionsText: '  People came from Africa,   Europe and the Americas. ' });
    expect(worded.regionsText).toBe('People came from Africa, Europe and the Americas.');
    expect(mergeRecompiled(worded, { keyEmphases: [], convergence: [], priorities: [], gaps: [] }).regionsText).toBe(
      'People came from Africa, Europe and the Americas.',
    );
    expect(applySectionEdits(worded, { regionsText: null }).regionsText).toBeNull();
  });

  it('rewords, reorders, drops and adds items of a section; other sections stay', () => {
    expect(edited.introduction).toBe('Our words.');
    expect(edited.keyEmphases.map((i) => i.key)).toEqual([
      'theme:health',
      'theme:floods',
      expect.stringMatching(/^custom:/),
    ]);
    expect(edited.keyEmphases[0]).toMatchObject({ text: 'Health, reworded.', edited: true, sources: health.sources });
    expect(edited.keyEmphases[2]).toMatchObject({ kind: 'custom', text: 'Our own point.', edited: true, sources: [] });
    expect(edited.dropped).toEqual(['keyEmphases/theme:skills']);
    expect(edited.convergence).toBe(base.convergence);
    expect(() => applySectionEdits(base, { keyEmphases: [{ text: '' }] })).toThrow(/required/);
    expect(() => applySectionEdits(base, { keyEmphases: [{ id: 'missing' }] })).toThrow(/not an item/);
  });

  it('keeps edits, own items, order and drops across a re-compile, refreshing figures and adding what is new', () => {
    const fresh = {
      keyEmphases: [theme('floods', 8), theme('health', 5), theme('skills', 4), theme('housing', 2)],
      convergence: [theme('floods', 8)],
      priorities: [],
      gaps: [],
    };
    const merged = mergeRecompiled(edited, fresh);
    expect(merged.keyEmphases.map((i) => i.key)).toEqual([
      'theme:health',
      'theme:floods',
      expect.stringMatching(/^custom:/),
      'theme:housing',
    ]);
    expect(merged.keyEmphases[0]).toMatchObject({ id: health.id, text: 'Health, reworded.', edited: true });
    expect(merged.keyEmphases[1]).toMatchObject({ id: floods.id, contributions: 8, text: null });
    expect(merged.introduction).toBe('Our words.');
    expect(merged.keyEmphases.some((i) => i.key === skills.key)).toBe(false);
  });

  it('keeps an edited item the discussion no longer yields, marked stale; drops an unedited one', () => {
    const merged = mergeRecompiled(edited, { keyEmphases: [], convergence: [], priorities: [], gaps: [] });
    expect(merged.keyEmphases.map((i) => [i.key.replace(/^custom:.*/, 'custom'), !!i.stale])).toEqual([
      ['theme:health', true],
      ['custom', false],
    ]);
  });
});
