import type { Catalogue } from '@roundtable/mail';

/** French wording of the invitation email. */
export const FR: Catalogue = {
  subject: '{inviter} vous invite : {consultation}',
  preheader: 'Vous êtes invité·e à une consultation en ligne, modérée et ouverte en français, anglais et espagnol.',
  heading: 'Vous êtes invité·e',
  greeting: 'Bonjour,',
  'intro.roundtable':
    '{inviter} vous invite à la table ronde {number}, « {roundtable} », de la consultation {consultation}, avec le rôle de {role}.',
  'intro.spaces':
    '{inviter} vous invite à la table ronde {number}, « {roundtable} », de la consultation {consultation}, avec le rôle de {role}, pour débattre de :',
  'role.participant': 'participant·e',
  'role.moderator': 'modérateur·rice',
  'role.rapporteur': 'rapporteur·e',
  'roleHelp.participant':
    'Chaque participant lit toutes les contributions dans sa langue et écrit en français, en anglais ou en espagnol.',
  'roleHelp.moderator':
    'Les modérateurs veillent à la qualité des échanges et en rédigent une synthèse chaque semaine.',
  'roleHelp.rapporteur': 'Les rapporteurs établissent le bilan à partir des synthèses des modérateurs.',
  question: 'Question {number}',
  questionLine: 'Question {number} : {prompt}',
  note: '{inviter} ajoute :',
  button: 'Accepter l’invitation',
  buttonLine: 'Accepter l’invitation : {link}',
  linkIntro: 'Ou ouvrez cette adresse dans votre navigateur :',
  expires: 'L’invitation est valable jusqu’au {date} et ne peut servir qu’une fois.',
  account:
    'Pas encore de compte ? La page de l’invitation vous permet d’en créer un ; votre adresse, {email}, y est déjà inscrite.',
  ignore: 'Si vous n’attendiez pas cette invitation, vous pouvez ignorer ce message.',
  organisers: 'L’équipe d’organisation',
  footer: 'Envoyé par Roundtable pour les organisateurs de la consultation {consultation}.',
};
