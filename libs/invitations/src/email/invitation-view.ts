import type { Language, Multilingual, PromptTranslations } from '@roundtable/core';
import { completePrompt, LANGUAGES } from '@roundtable/core';
import type { SpaceRole } from '@roundtable/identity';
import { translate } from '@roundtable/mail';
import { INVITATION_TEMPLATE } from './invitation.template';

/** What the invitation email says, read from the database by the worker. */
export interface InvitationMailFacts {
  email: string;
  role: SpaceRole;
  language: Language;
  message: string | null;
  inviterName: string | null;
  consultationTitle: Multilingual;
  timezone: string;
  roundtableNumber: number;
  roundtableTitle: Multilingual;
  /** The questions invited to (empty for a whole roundtable). */
  spaces: Array<{ number: number; prompt: Multilingual; promptTranslations: PromptTranslations | null }>;
  expiresAt: Date;
}

/** The data the template renders, in one language. */
export interface InvitationView {
  lang: Language;
  consultation: string;
  roundtable: { number: number; title: string };
  spaces: Array<{ number: number; prompt: string }>;
  inviter: string;
  role: string;
  roleHelp: string;
  message: string | null;
  link: string;
  expires: string;
  email: string;
}

/** The text in `lang`, else in the first language that has one. */
export function inLanguage(text: Multilingual, lang: Language): string {
  return text[lang] ?? LANGUAGES.map((l) => text[l]).find(Boolean) ?? '';
}

/** The expiry as people read it in `lang`, in the consultation's time zone. */
export function formatExpiry(at: Date, lang: Language, timeZone: string): string {
  const options: Intl.DateTimeFormatOptions = {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  };
  try {
    return new Intl.DateTimeFormat(lang, { ...options, timeZone }).format(at);
  } catch {
    return new Intl.DateTimeFormat(lang, { ...options, timeZone: 'UTC' }).format(at);
  }
}

export function buildInvitationView(facts: InvitationMailFacts, link: string): InvitationView {
  const lang = facts.language;
  return {
    lang,
    consultation: inLanguage(facts.consultationTitle, lang),
    roundtable: { number: facts.roundtableNumber, title: inLanguage(facts.roundtableTitle, lang) },
    spaces: facts.spaces.map((s) => ({
      number: s.number,
      prompt: inLanguage(completePrompt(s.prompt, s.promptTranslations), lang),
    })),
    inviter: facts.inviterName ?? translate(INVITATION_TEMPLATE.catalogues, lang, 'organisers'),
    role: translate(INVITATION_TEMPLATE.catalogues, lang, `role.${facts.role}`),
    roleHelp: `roleHelp.${facts.role}`,
    message: facts.message,
    link,
    expires: formatExpiry(facts.expiresAt, lang, facts.timezone),
    email: facts.email,
  };
}
