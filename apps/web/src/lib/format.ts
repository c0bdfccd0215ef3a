import type { Lang, Multilingual } from '../api/types';

/** The text in `lang`, else in English, French or Spanish, with the language it is in. */
export function pick(text: Multilingual | null | undefined, lang: Lang): { text: string; lang: Lang } {
  if (!text) return { text: '', lang };
  for (const l of [lang, 'en', 'fr', 'es'] as Lang[]) {
    const value = text[l];
    if (value && value.trim()) return { text: value, lang: l };
  }
  return { text: '', lang };
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();
export function formatDate(iso: string | null | undefined, lang: Lang, withTime = true): string {
  if (!iso) return '';
  const key = `${lang}-${withTime}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(
      lang,
      withTime ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'medium' },
    );
    dateFormats.set(key, format);
  }
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : format.format(date);
}

/** `datetime-local` input value ↔ ISO string. */
export function toLocalInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
export function fromLocalInput(value: string): string | undefined {
  return value ? new Date(value).toISOString() : undefined;
}

export function countryName(code: string | null | undefined, lang: Lang): string {
  if (!code) return '';
  try {
    return new Intl.DisplayNames([lang], { type: 'region' }).of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

/** An excerpt of Markdown as plain words: emphasis marks, link targets, headings and quote marks left out. */
export function plainExcerpt(text: string | null | undefined): string {
  if (!text) return '';
  return text
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[\s(])[*_]([^*_\s][^*_]*?)[*_](?=[\s).,;:!?]|$)/g, '$1$2')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/^\s{0,3}(?:#{1,6}|>|[-*+])\s+/gm, '')
    .replace(/\s+/g, ' ')
    .trim();
}
