// the core without its 79 bundled locales: only EN/FR/ES are registered
import countries from 'i18n-iso-countries/index';
import enCountries from 'i18n-iso-countries/langs/en.json';
import esCountries from 'i18n-iso-countries/langs/es.json';
import frCountries from 'i18n-iso-countries/langs/fr.json';
import type { Countries } from 'world-countries';

countries.registerLocale(enCountries);
countries.registerLocale(frCountries);
countries.registerLocale(esCountries);

/** The UN M49 regions (world-countries' `region`, Antarctica aside). */
export const REGIONS = ['Africa', 'Americas', 'Asia', 'Europe', 'Oceania'] as const;
export type Region = (typeof REGIONS)[number];

let regionByCode: Map<string, Region> | undefined;

/** Each country's region, from world-countries (1.4 MB of JSON, read on first use). */
function regionsByCode(): Map<string, Region> {
  if (!regionByCode) {
    const worldCountries: Countries = require('world-countries');
    regionByCode = new Map<string, Region>(
      worldCountries
        .filter((c) => (REGIONS as readonly string[]).includes(c.region))
        .map((c) => [c.cca2.toUpperCase(), c.region as Region]),
    );
  }
  return regionByCode;
}

/** A profile's country as an ISO 3166-1 alpha-2 code: given as a code, or as a name in English, French or Spanish. */
export function countryCode(value: string | null | undefined): string | null {
  const v = value?.normalize('NFKC').trim();
  if (!v) return null;
  if (/^[A-Za-z]{2}$/.test(v)) return countries.isValid(v.toUpperCase()) ? v.toUpperCase() : null;
  for (const language of ['en', 'fr', 'es']) {
    const code = countries.getAlpha2Code(v, language);
    if (code) return code;
  }
  return null;
}

/** The M49 region of a profile's country, if it names one. */
export function regionOf(country: string | null | undefined): Region | null {
  const code = countryCode(country);
  return code ? (regionsByCode().get(code) ?? null) : null;
}
