import { notificationText } from './notification-text';

describe('notificationText', () => {
  const until = '2031-03-04T17:30:00.000Z';

  it('writes a suspension in the member’s language, on the consultation’s clock, with the reason', () => {
    const details = { until, timeZone: 'America/Bogota', place: '2.3', reason: 'Repeated posts.' };
    expect(notificationText('suspended', details, 'en')).toBe(
      'You may not post in question 2.3 until 4 March 2031 at 12:30 (America/Bogota). Reason: Repeated posts.',
    );
    expect(notificationText('suspended', details, 'fr')).toBe(
      'Vous ne pouvez pas publier dans la question 2.3 avant le 4 mars 2031 à 12:30 (America/Bogota). Motif : Repeated posts.',
    );
    expect(notificationText('suspended', details, 'es')).toContain(
      'hasta el 4 de marzo de 2031 a las 12:30 (America/Bogota)',
    );
  });

  it('falls back to UTC for a time zone the runtime does not know', () => {
    expect(notificationText('suspended', { until, timeZone: 'Mars/Olympus_Mons' }, 'en')).toBe(
      'You may not post until 4 March 2031 at 17:30 (UTC).',
    );
  });

  it('keeps the reasons of members’ reports to itself when they hid a contribution', () => {
    expect(notificationText('hidden', { automatic: true, reason: 'spam', place: '1.1' }, 'en')).toBe(
      'Your contribution in question 1.1 is hidden until a moderator reviews the reports about it.',
    );
  });

  it('names who replied and the roundtable of a summary', () => {
    expect(notificationText('reply', { actorName: 'Ben', place: '1.2' }, 'es')).toBe(
      'Ben respondió a su contribución en la pregunta 1.2.',
    );
    expect(notificationText('summary_published', { place: '4' }, 'fr')).toBe(
      'Le bilan de la table ronde 4 a été publié.',
    );
  });
});
