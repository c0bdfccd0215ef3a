import type { Catalogue } from '@roundtable/mail';

/** English wording of the invitation email. */
export const EN: Catalogue = {
  subject: '{inviter} invites you to {consultation}',
  preheader: 'You are invited to an online consultation, moderated and open in English, French and Spanish.',
  heading: 'You are invited',
  greeting: 'Hello,',
  'intro.roundtable':
    '{inviter} invites you to roundtable {number}, “{roundtable}”, of the consultation {consultation}, as {role}.',
  'intro.spaces':
    '{inviter} invites you to roundtable {number}, “{roundtable}”, of the consultation {consultation}, as {role}, to discuss:',
  'role.participant': 'a participant',
  'role.moderator': 'a moderator',
  'role.rapporteur': 'a rapporteur',
  'roleHelp.participant':
    'Participants read every contribution in their own language and write in English, French or Spanish.',
  'roleHelp.moderator': 'Moderators keep the discussion healthy and write a weekly digest of it.',
  'roleHelp.rapporteur': 'Rapporteurs compile the stocktaking summary from the moderators’ digests.',
  question: 'Question {number}',
  questionLine: 'Question {number}: {prompt}',
  note: '{inviter} adds:',
  button: 'Accept the invitation',
  buttonLine: 'Accept the invitation: {link}',
  linkIntro: 'Or open this address in your browser:',
  expires: 'The invitation is valid until {date} and can be used once.',
  account: 'No account yet? The invitation page lets you create one; your address, {email}, is filled in for you.',
  ignore: 'If you were not expecting this invitation, you can ignore this email.',
  organisers: 'The organising team',
  footer: 'Sent by Roundtable for the organisers of {consultation}.',
};
