import { segmentText, text } from '../text/segment';
import { protect } from '../text/protect';
import { Glossary, replaceRendering } from './glossary';

const glossary = new Glossary([
  { id: '1', en: 'migrants', fr: 'migrants', es: 'migrantes' },
  { id: '2', en: 'Member States', fr: 'États membres', es: 'Estados miembros' },
  { id: '3', en: 'GCM', fr: 'PMM', es: 'PMM' },
  { id: '4', en: 'UN', fr: 'ONU', es: 'ONU' },
  { id: '5', en: 'labour migration', fr: "migration de main-d'œuvre", es: 'migración laboral' },
]);

describe('glossary', () => {
  it('finds whole-word terms case-insensitively, longest first, across white space', () => {
    const uses = glossary.find([text('Migrants and Member\nStates: migrants, not nonmigrants.')], 'en');
    expect(uses.map((u) => [u.entry.id, u.count])).toEqual([
      ['1', 2],
      ['2', 1],
    ]);
  });

  it('matches acronyms only in capitals (French "un" is not the UN)', () => {
    expect(glossary.find([text('un migrant de la onu')], 'fr')).toEqual([]);
    expect(glossary.find([text('la ONU')], 'fr').map((u) => u.entry.id)).toEqual(['4']);
    expect(segmentText(glossary.translateKeeps(protect('The UN and the GCM'), 'en', 'es'))).toBe('The ONU and the PMM');
  });

  it('reads terms written with ligatures and curly apostrophes in normalised text', () => {
    expect(glossary.find([text("la migration de main-d'oeuvre")], 'fr').map((u) => u.entry.id)).toEqual(['5']);
  });

  it('fixes terms in place as kept parts in the target language, and rewrites them for the next leg', () => {
    const fixed = glossary.protectTerms([text('Help migrants now')], [glossary.entry('1')!], 'en', 'es');
    expect(fixed).toEqual([text('Help '), { kind: 'keep', text: 'migrantes', termId: '1' }, text(' now')]);
    expect(segmentText(glossary.retarget(fixed, 'fr'))).toBe('Help migrants now');
  });

  it("replaces what the engine made of a term, as often as the source had it, following the occurrence's capital", () => {
    const out = replaceRendering([text('Nómadas llegan. Los nómadas y otros nómadas.')], 'Nómadas', 'migrantes', 2);
    expect(out.replaced).toBe(2);
    expect(segmentText(out.segment)).toBe('Migrantes llegan. Los migrantes y otros nómadas.');
    expect(replaceRendering([text('de la')], 'de', 'x', 1).replaced).toBe(1);
    expect(replaceRendering([text('a b')], 'a', 'x', 1).replaced).toBe(0);
  });
});
