export const LANGUAGES = ['en', 'fr', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

export const CONSTITUENCIES = [
  'state',
  'civil_society',
  'business',
  'local_government',
  'international_organisation',
  'youth',
  'academia',
  'other',
] as const;
export type Constituency = (typeof CONSTITUENCIES)[number];

/** A text in up to three languages, e.g. a space prompt. */
export type Multilingual = Partial<Record<Language, string>>;
