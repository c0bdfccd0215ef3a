import { LANGUAGES } from '@roundtable/core';
import type { Language } from '@roundtable/core';
import type { TranslationDto } from './contribution.dto';

/** A stored translation as CONTRIBUTION_SELECT aggregates it (see the translation library). */
export interface StoredTranslation {
  text: string | null;
  status: 'done' | 'failed';
  provider: string;
  sourceVersion: number;
  /** False for a translation people wrote (a correction); absent in rows written before corrections existed. */
  machine?: boolean;
  /** The text rendered to safe HTML (absent in rows written before it was kept). */
  html?: string | null;
}

/** Aggregates a contribution's translations into one JSON object keyed by language. */
export const TRANSLATIONS_SELECT = `(SELECT coalesce(jsonb_object_agg(t.language, jsonb_build_object(
    'text', t.text, 'status', t.status, 'provider', t.provider, 'sourceVersion', t.source_version, 'machine', t.machine, 'html', t.text_html)), '{}'::jsonb)
  FROM contribution_translations t WHERE t.contribution_id = c.id) AS translations`;

/**
 * What readers see of a contribution's translations: one entry per language other than
 * the original's, `done` with its text once the current version is translated (by the
 * machine, or corrected by people: `machine: false`),
 * `failed` when it could not be, `pending` until then (an edit makes the previous
 * version's translation pending again). `text` is the translation in `lang` when it is
 * done, the original otherwise (`html`: the translation rendered, when it is the one shown);
 * the original is always in `body`.
 */
export function translationView(
  row: {
    language: Language | null;
    version: number;
    status: string;
    translations?: Partial<Record<Language, StoredTranslation>> | null;
  },
  body: string | null,
  lang?: Language,
): { text: string | null; html?: string | null; translations: Partial<Record<Language, TranslationDto>> } {
  const translations: Partial<Record<Language, TranslationDto>> = {};
  if (body === null || !row.language || (row.status !== 'published' && row.status !== 'hidden'))
    return { text: body, translations };
  for (const language of LANGUAGES) {
    if (language === row.language) continue;
    const stored = row.translations?.[language];
    const current = stored && stored.sourceVersion >= row.version;
    translations[language] = current
      ? {
          text: stored.status === 'done' ? stored.text : null,
          status: stored.status,
          provider: stored.provider,
          machine: stored.machine !== false,
          sourceVersion: stored.sourceVersion,
        }
      : { text: null, status: 'pending', provider: stored?.provider ?? null, machine: true, sourceVersion: null };
  }
  const wanted = lang ? translations[lang] : undefined;
  if (wanted?.status !== 'done' || wanted.text === null) return { text: body, translations };
  return { text: wanted.text, html: row.translations?.[lang!]?.html ?? null, translations };
}
