import type { Language } from '@roundtable/core';
// the core without its 79 bundled locales: only EN/FR/ES are registered
import countries from 'i18n-iso-countries/index';
import enCountries from 'i18n-iso-countries/langs/en.json';
import esCountries from 'i18n-iso-countries/langs/es.json';
import frCountries from 'i18n-iso-countries/langs/fr.json';

countries.registerLocale(enCountries);
countries.registerLocale(frCountries);
countries.registerLocale(esCountries);

/** How constituencies are named in EN/FR/ES, singular and plural: a theme is never one of them. */
export const CONSTITUENCY_NAMES: Record<Language, string[]> = {
  en: [
    'States',
    'Member States',
    'governments',
    'civil society',
    'civil society organisations',
    'NGOs',
    'business',
    'private sector',
    'employers',
    'local and regional governments',
    'local authorities',
    'cities',
    'mayors',
    'international organisations',
    'UN agencies',
    'youth',
    'young people',
    'academia',
    'researchers',
    'other participants',
    'stakeholders',
  ],
  fr: [
    'États',
    'États membres',
    'gouvernements',
    'société civile',
    'organisations de la société civile',
    'ONG',
    'secteur privé',
    'entreprises',
    'collectivités locales et régionales',
    'autorités locales',
    'villes',
    'maires',
    'organisations internationales',
    'jeunesse',
    'jeunes',
    'monde universitaire',
    'chercheurs',
    'autres participants',
    'parties prenantes',
  ],
  es: [
    'Estados',
    'Estados miembros',
    'gobiernos',
    'sociedad civil',
    'organizaciones de la sociedad civil',
    'ONG',
    'sector privado',
    'empresas',
    'gobiernos locales y regionales',
    'autoridades locales',
    'ciudades',
    'alcaldes',
    'organizaciones internacionales',
    'juventud',
    'jóvenes',
    'mundo académico',
    'investigadores',
    'otros participantes',
    'partes interesadas',
  ],
};

/**
 * The words of how a consultation is run, in EN/FR/ES: a theme made only of them (and of
 * acronyms) is procedure or an actor ("GCM implementation", "GFMD mechanisms").
 */
export const STRUCTURE_WORDS: Record<Language, string[]> = {
  en: [
    'roundtable',
    'round table',
    'objective',
    'question',
    'consultation',
    'background paper',
    'chair',
    'co-chair',
    'moderator',
    'facilitator',
    'discussion',
    'contribution',
    'comment',
    'session',
    'meeting',
    'participant',
    'stakeholder',
    'stocktaking',
    'summary',
    'report',
    'review',
    'implementation',
    'mechanism',
    'process',
    'framework',
    'platform',
    'forum',
    'network',
    'committee',
    'secretariat',
    'agenda',
    'panel',
    'member',
    'delegation',
    'statement',
    'input',
    'colleague',
    'answer',
    'response',
    'intervention',
    'conference',
    'event',
    'webinar',
    'document',
    'presentation',
    'speaker',
    'global compact',
    'compact',
    'declaration',
    'resolution',
    'thanks',
    'behalf',
    'organisation',
    'organization',
    'agency',
    'office',
    'ministry',
    'department',
    'government',
    'commission',
    'council',
    'institute',
    'foundation',
    'association',
    'alliance',
    'coalition',
  ],
  fr: [
    'table ronde',
    'objectif',
    'question',
    'consultation',
    'document de référence',
    'président',
    'présidence',
    'modérateur',
    'discussion',
    'contribution',
    'commentaire',
    'session',
    'réunion',
    'participant',
    'bilan',
    'synthèse',
    'rapport',
    'examen',
    'mise en œuvre',
    'mécanisme',
    'processus',
    'cadre',
    'plateforme',
    'forum',
    'réseau',
    'comité',
    'secrétariat',
    'ordre du jour',
    'membre',
    'délégation',
    'déclaration',
    'pacte',
    'organisation',
    'agence',
    'bureau',
    'ministère',
    'gouvernement',
    'commission',
    'conseil',
    'institut',
    'fondation',
    'association',
  ],
  es: [
    'mesa redonda',
    'objetivo',
    'pregunta',
    'consulta',
    'documento de antecedentes',
    'presidente',
    'presidencia',
    'moderador',
    'discusión',
    'contribución',
    'comentario',
    'sesión',
    'reunión',
    'participante',
    'balance',
    'resumen',
    'informe',
    'examen',
    'aplicación',
    'implementación',
    'mecanismo',
    'proceso',
    'marco',
    'plataforma',
    'foro',
    'red',
    'comité',
    'secretaría',
    'agenda',
    'miembro',
    'delegación',
    'declaración',
    'pacto',
    'organización',
    'agencia',
    'oficina',
    'ministerio',
    'gobierno',
    'comisión',
    'consejo',
    'instituto',
    'fundación',
    'asociación',
  ],
};

/** Country names in English, French and Spanish, official and alternative ones, from i18n-iso-countries. */
export function countryNames(): string[] {
  const out: string[] = [];
  for (const language of ['en', 'fr', 'es'] as const) {
    for (const names of Object.values(countries.getNames(language, { select: 'all' }))) out.push(...names);
  }
  return out;
}

/** What the data says a theme must not be named after: the authors, their organisations, the consultation's own words. */
export interface ExclusionSources {
  /** Every author's organisation. */
  organisations: string[];
  /** Authors' display names. */
  people: string[];
  /** The consultation's own texts (titles, question prompts): their acronyms ("GCM", "IMRF") are structure words. */
  structureTexts: string[];
  /** The consultation's and roundtable's titles: a single word of them is the subject, not one of its topics ("migration"). */
  titles?: string[];
}

type Stemmer = (text: string, language: Language) => string[];

const ACRONYM = /\b[A-Z]{2,}[A-Z0-9-]*s?\b/g;

/**
 * Decides whether a key phrase names an actor or procedure rather than a topic. Built
 * from the data: a phrase is excluded when, leaving out structure words, what remains is
 * part of one name (an organisation, a person, a country, a constituency), or when
 * nothing but structure words and acronyms remains ("GFMD mechanisms").
 */
export class ThemeExclusions {
  /** Each name's stems, found by any of its stems. */
  private readonly names: Record<Language, Map<string, Array<Set<string>>>>;
  private readonly structure: Record<Language, Set<string>>;
  private readonly subject: Record<Language, Set<string>>;

  constructor(sources: ExclusionSources, stem: Stemmer) {
    const acronyms = [...new Set(sources.structureTexts.flatMap((t) => t.match(ACRONYM) ?? []))];
    const names = [...sources.organisations, ...sources.people, ...countryNames()].filter((n) => n && n.trim());
    const constituencies = [...CONSTITUENCY_NAMES.en, ...CONSTITUENCY_NAMES.fr, ...CONSTITUENCY_NAMES.es];
    this.names = { en: new Map(), fr: new Map(), es: new Map() };
    this.structure = { en: new Set(), fr: new Set(), es: new Set() };
    this.subject = { en: new Set(), fr: new Set(), es: new Set() };
    for (const language of ['en', 'fr', 'es'] as const) {
      const sets = new Set<string>();
      for (const name of [...names, ...constituencies]) {
        const stems = stem(name, language).filter((s) => s.length > 1);
        const key = [...new Set(stems)].sort().join(' ');
        if (stems.length && !sets.has(key)) {
          sets.add(key);
          const name = new Set(stems);
          for (const stem of name) {
            const list = this.names[language].get(stem) ?? [];
            list.push(name);
            this.names[language].set(stem, list);
          }
        }
      }
      for (const word of [...STRUCTURE_WORDS.en, ...STRUCTURE_WORDS[language], ...acronyms])
        for (const s of stem(word, language)) this.structure[language].add(s);
      for (const title of sources.titles ?? [])
        for (const s of stem(title, language)) if (s.length > 2) this.subject[language].add(s);
    }
  }

  /** Whether a stem is one of the consultation's structure words ("objective", "roundtable", "GCM"; "objectif", "objetivo"), in English unless said. */
  isStructure(stem: string, language: Language = 'en'): boolean {
    return this.structure[language].has(stem);
  }

  /** `key`: stems of the phrase (a `fr:`/`es:` prefix for phrases found in the original language); `label`: as shown. */
  excludes(key: string, label: string): boolean {
    const language = (/^([a-z]{2}):/.exec(key)?.[1] as Language | undefined) ?? 'en';
    const stems = key.replace(/^[a-z]{2}:/, '').split(' ');
    const acronyms = new Set((label.match(ACRONYM) ?? []).map((a) => a.toLowerCase().replace(/s$/, '')));
    const structure = this.structure[language];
    if (stems.length === 1 && this.subject[language].has(stems[0])) return true;
    const core = stems.filter((s) => !structure.has(s));
    if (core.length === 0) return true;
    if (core.length < stems.length && core.every((s) => acronyms.has(s) || acronyms.has(s.replace(/s$/, ''))))
      return true;
    return (this.names[language].get(core[0]) ?? []).some((name) => core.every((s) => name.has(s)));
  }
}
