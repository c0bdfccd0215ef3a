import type { KeyPoint } from '../digest/digest.types';
import { readerLanguages, themeLabelLanguage } from './reader-translations';

const point = (text: string): KeyPoint => ({
  id: text,
  text,
  priority: false,
  themeKey: null,
  sources: [],
  origin: 'moderator',
  edited: false,
});

describe('the languages a published digest is translated into for its readers', () => {
  const english = [point('Families need early warnings of floods and safe places to go.')];
  const french = [point('Les familles ont besoin d’alertes précoces en cas d’inondation et de lieux sûrs où aller.')];

  it('a theme label is English unless it was found in the original language (its key says which)', () => {
    expect(themeLabelLanguage({ key: 'earli warn' })).toBe('en');
    expect(themeLabelLanguage({ key: 'fr:alert précoc' })).toBe('fr');
    expect(themeLabelLanguage({ key: 'es:alert tempran' })).toBe('es');
  });

  it('an English digest with English labels: the other two languages, as before labels were translated', () => {
    expect(readerLanguages(english, [{ key: 'earli warn' }])).toEqual(['fr', 'es']);
    expect(readerLanguages(english, [])).toEqual(['fr', 'es']);
  });

  it('a digest moderators wrote in French still needs French, for its English labels', () => {
    expect(readerLanguages(french, [{ key: 'earli warn' }])).toEqual(['en', 'fr', 'es']);
    expect(readerLanguages(french, [])).toEqual(['en', 'es']);
  });

  it('an English digest with a label found in Spanish needs English too', () => {
    expect(readerLanguages(english, [{ key: 'earli warn' }, { key: 'es:alert tempran' }])).toEqual(['en', 'fr', 'es']);
  });
});
