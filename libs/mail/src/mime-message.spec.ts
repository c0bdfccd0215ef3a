import { simpleParser } from 'mailparser';
import { buildMimeMessage } from './mime-message';

describe('MIME messages', () => {
  it('round-trips through a standard parser: encoded headers, both parts, extra headers', async () => {
    const html = `<p>Synthèse — ${'é'.repeat(200)} <a href="https://x.example/a?b=c">lien</a></p>\n.\n.line starting with a dot`;
    const raw = buildMimeMessage(
      {
        to: 'amina@example.org',
        subject:
          'Votre synthèse hebdomadaire : Villes côtières (50 nouveautés) with a long tail to fold the header line',
        html,
        text: 'Texte brut, accentué.\r\n.\r\nfin',
        messageId: '<digest-1@roundtable.test>',
        language: 'fr',
        headers: {
          'List-Unsubscribe':
            '<https://roundtable.test/api/v1/unsubscribe?token=abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG>',
          'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
        },
      },
      'Équipe Roundtable <no-reply@roundtable.test>',
      new Date('2025-01-13T08:00:00Z'),
    );
    for (const line of raw.toString('utf8').split('\r\n')) expect(line.length).toBeLessThanOrEqual(998);
    expect(raw.toString('utf8')).toMatch(/^[\x00-\x7f]*$/); // 7-bit clean
    const mail = await simpleParser(raw);
    expect(mail.subject).toBe(
      'Votre synthèse hebdomadaire : Villes côtières (50 nouveautés) with a long tail to fold the header line',
    );
    expect(mail.from?.value).toEqual([{ name: 'Équipe Roundtable', address: 'no-reply@roundtable.test' }]);
    expect(mail.messageId).toBe('<digest-1@roundtable.test>');
    expect(mail.date?.toISOString()).toBe('2025-01-13T08:00:00.000Z');
    expect(mail.html).toContain(html.split('\n')[0]);
    expect(mail.text).toContain('Texte brut, accentué.');
    expect(mail.headers.get('content-language')).toBe('fr');
    expect(mail.headerLines.find((h) => h.key === 'list-unsubscribe')?.line).toContain(
      'token=abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG>',
    );
    expect(mail.headerLines.find((h) => h.key === 'list-unsubscribe-post')?.line).toBe(
      'List-Unsubscribe-Post: List-Unsubscribe=One-Click',
    );
  });
});
