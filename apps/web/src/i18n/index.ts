import i18n from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import type { Lang } from '../api/types';
import { en } from './en';
import { es } from './es';
import { fr } from './fr';

const KEY = 'rt.lang';
export const isLang = (v: unknown): v is Lang => v === 'en' || v === 'fr' || v === 'es';

function initialLanguage(): Lang {
  try {
    const stored = localStorage.getItem(KEY);
    if (isLang(stored)) return stored;
  } catch {
    // no storage
  }
  const nav = navigator.language?.slice(0, 2);
  return isLang(nav) ? nav : 'en';
}

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, fr: { translation: fr }, es: { translation: es } },
  lng: initialLanguage(),
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  returnNull: false,
});
document.documentElement.lang = i18n.language;

/** Switches the interface (and the language contributions are read in). */
export function setLanguage(lang: Lang): void {
  if (!isLang(lang)) return;
  try {
    localStorage.setItem(KEY, lang);
  } catch {
    // no storage
  }
  document.documentElement.lang = lang;
  void i18n.changeLanguage(lang);
}

/** The current interface language as a Lang. */
export function useLang(): Lang {
  const { i18n: instance } = useTranslation();
  return isLang(instance.language) ? instance.language : 'en';
}

export default i18n;
