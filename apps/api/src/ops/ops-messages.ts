import { messages } from '@roundtable/core';

/** What the operators' routes (metrics, the queue dashboard) refuse with. */
export const OPS_MESSAGES = messages({
  metricsToken: {
    en: 'Metrics need the METRICS_TOKEN as a Bearer token',
    fr: 'Les métriques demandent METRICS_TOKEN comme jeton Bearer',
    es: 'Las métricas necesitan METRICS_TOKEN como token Bearer',
  },
  boardSignIn: {
    en: 'Sign in as an organiser: missing or invalid access token',
    fr: 'Connectez-vous en tant qu’organisateur : jeton d’accès absent ou non valide',
    es: 'Inicie sesión como organizador: falta el token de acceso o no es válido',
  },
  boardOrganisersOnly: {
    en: 'Only organisers may open the queue dashboard',
    fr: 'Seuls les organisateurs peuvent ouvrir le tableau de bord des files d’attente',
    es: 'Solo los organizadores pueden abrir el panel de las colas',
  },
});
