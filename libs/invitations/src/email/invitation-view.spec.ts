import { MailTemplate } from '@roundtable/mail';
import { INVITATION_TEMPLATE } from './invitation.template';
import { buildInvitationView, InvitationMailFacts } from './invitation-view';

const facts = (over: Partial<InvitationMailFacts> = {}): InvitationMailFacts => ({
  email: 'lena@example.org',
  role: 'participant',
  language: 'en',
  message: 'We would value your view on river towns.\n<b>Thanks</b>',
  inviterName: 'Ines Organiser',
  consultationTitle: { en: 'Rivers and towns', fr: 'Rivières et villes', es: 'Ríos y ciudades' },
  timezone: 'Europe/Zurich',
  roundtableNumber: 2,
  roundtableTitle: { en: 'Flood planning' },
  spaces: [{ number: 1, prompt: { en: 'Which warning systems reached people in time?' }, promptTranslations: null }],
  expiresAt: new Date('2030-05-14T10:00:00Z'),
  ...over,
});

describe('the invitation email', () => {
  let template: MailTemplate;
  beforeAll(async () => {
    template = await MailTemplate.compile(INVITATION_TEMPLATE);
  });

  it('says who invites, to what, as what, with the link and the expiry, in both parts, escaping the note in HTML', () => {
    const mail = template.render(buildInvitationView(facts(), 'https://rt.example/invite/tok'));
    expect(mail.subject).toBe('Ines Organiser invites you to Rivers and towns');
    for (const part of [mail.text, mail.html]) {
      expect(part).toContain('https://rt.example/invite/tok');
      expect(part).toContain('Which warning systems reached people in time?');
      expect(part).toContain('a participant');
      expect(part).toContain('2030');
    }
    expect(mail.text).toContain('<b>Thanks</b>');
    expect(mail.html).toContain('&lt;b&gt;Thanks&lt;/b&gt;');
    expect(mail.html).not.toContain('<b>Thanks</b>');
  });

  it('is written in the invitation language, falling back to another language for titles it lacks', () => {
    const fr = template.render(
      buildInvitationView(facts({ language: 'fr', role: 'moderator', spaces: [] }), 'https://rt.example/invite/x'),
    );
    expect(fr.subject).toBe('Ines Organiser vous invite : Rivières et villes');
    expect(fr.text).toContain('avec le rôle de modérateur·rice');
    expect(fr.text).toContain('« Flood planning »');
    const es = template.render(
      buildInvitationView(facts({ language: 'es', inviterName: null }), 'https://rt.example/invite/x'),
    );
    expect(es.subject).toBe('El equipo organizador le invita a Ríos y ciudades');
    expect(es.text).toContain('Aceptar la invitación: https://rt.example/invite/x');
    expect(fr.text).toContain('Accepter l’invitation : https://rt.example/invite/x');
  });
});
