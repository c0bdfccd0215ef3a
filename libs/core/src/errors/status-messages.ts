import { Localised, messages, untranslated } from '../i18n/localised';

/** A contribution's status as a word of a sentence (in French and Spanish, agreeing with "contribution"/"contribución"). */
export const CONTRIBUTION_STATUS_WORDS = messages({
  pending: { en: 'pending', fr: 'en attente', es: 'pendiente' },
  published: { en: 'published', fr: 'publiée', es: 'publicada' },
  hidden: { en: 'hidden', fr: 'masquée', es: 'oculta' },
  rejected: { en: 'rejected', fr: 'refusée', es: 'rechazada' },
  deleted: { en: 'deleted', fr: 'supprimée', es: 'eliminada' },
});

/** A space's status as a word of a sentence (agreeing with "espace"/"espacio"). */
export const SPACE_STATUS_WORDS = messages({
  draft: { en: 'draft', fr: 'en brouillon', es: 'en borrador' },
  open: { en: 'open', fr: 'ouvert', es: 'abierto' },
  closed: { en: 'closed', fr: 'fermé', es: 'cerrado' },
  archived: { en: 'archived', fr: 'archivé', es: 'archivado' },
});

/** A contribution status as a word; a status this list lacks is shown as it is. */
export function contributionStatusWord(status: string): Localised {
  return CONTRIBUTION_STATUS_WORDS[status as keyof typeof CONTRIBUTION_STATUS_WORDS] ?? untranslated(status);
}

/** A space status as a word; a status this list lacks is shown as it is. */
export function spaceStatusWord(status: string): Localised {
  return SPACE_STATUS_WORDS[status as keyof typeof SPACE_STATUS_WORDS] ?? untranslated(status);
}
