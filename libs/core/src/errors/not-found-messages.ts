import { messages } from '../i18n/localised';

/**
 * What a 404 says, one sentence per kind of thing (`DomainError.notFound(NOT_FOUND.space)`).
 * Whole sentences, not a noun put into a template: French and Spanish word them differently.
 */
export const NOT_FOUND = messages({
  user: { en: 'User not found', fr: 'Utilisateur introuvable', es: 'No se ha encontrado el usuario' },
  session: { en: 'Session not found', fr: 'Session introuvable', es: 'No se ha encontrado la sesión' },
  consultation: {
    en: 'Consultation not found',
    fr: 'Consultation introuvable',
    es: 'No se ha encontrado la consulta',
  },
  roundtable: {
    en: 'Roundtable not found',
    fr: 'Table ronde introuvable',
    es: 'No se ha encontrado la mesa redonda',
  },
  space: { en: 'Space not found', fr: 'Espace introuvable', es: 'No se ha encontrado el espacio' },
  contribution: {
    en: 'Contribution not found',
    fr: 'Contribution introuvable',
    es: 'No se ha encontrado la contribución',
  },
  parentContribution: {
    en: 'The contribution you reply to was not found',
    fr: 'La contribution à laquelle vous répondez est introuvable',
    es: 'No se ha encontrado la contribución a la que responde',
  },
  digest: { en: 'Digest not found', fr: 'Synthèse introuvable', es: 'No se ha encontrado el resumen' },
  stocktakingSummary: {
    en: 'Stocktaking summary not found',
    fr: 'Bilan introuvable',
    es: 'No se ha encontrado el balance',
  },
  summaryTranslation: {
    en: 'Translation of the published summary not found',
    fr: 'Traduction du bilan publié introuvable',
    es: 'No se ha encontrado la traducción del balance publicado',
  },
  glossaryTerm: {
    en: 'Glossary term not found',
    fr: 'Terme du glossaire introuvable',
    es: 'No se ha encontrado el término del glosario',
  },
  suspension: { en: 'Suspension not found', fr: 'Suspension introuvable', es: 'No se ha encontrado la suspensión' },
  invitation: { en: 'Invitation not found', fr: 'Invitation introuvable', es: 'No se ha encontrado la invitación' },
});
