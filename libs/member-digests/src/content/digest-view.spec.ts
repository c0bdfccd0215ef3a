import { promptSourceHash } from '@roundtable/core';
import { MailTemplate } from '@roundtable/mail';
import { MEMBER_DIGEST_TEMPLATE } from '../email/member-digest.template';
import type { DigestContentRow, RawItem } from './digest-content.query';
import { DigestLinks } from './digest-links';
import { buildDigestView, excerpt, whyNoDigest } from './digest-view';

const links = new DigestLinks('https://rt.example.org/');
const window = { start: new Date('2025-01-06T08:00:00Z'), end: new Date('2025-01-13T08:00:00Z') };
const SPACE_A = '00000000-0000-4000-8000-00000000000a';
const SPACE_B = '00000000-0000-4000-8000-00000000000b';

function item(id: string, space: string, extra: Partial<RawItem> = {}): RawItem {
  return {
    id,
    space_id: space,
    parent_id: null,
    language: 'en',
    reply_count: 0,
    pinned: false,
    created_at: '2025-01-07T10:00:00Z',
    body: `Contribution ${id}`,
    author_name: `Author ${id}`,
    author_organisation: null,
    parent_author_id: null,
    parent_author_name: null,
    translated: null,
    ...extra,
  };
}

function row(extra: Partial<DigestContentRow> = {}): DigestContentRow {
  return {
    me: {
      id: 'u1',
      email: 'u1@example.org',
      display_name: 'Amina',
      preferred_language: 'fr',
      digest: 'weekly',
      digest_paused_at: null,
      suspended: false,
    },
    consultation: { title: { en: 'Coastal cities', fr: 'Villes côtières' }, timezone: 'Europe/Paris' },
    spaces: [
      {
        id: SPACE_A,
        number: 1,
        prompt: { en: 'What first?', fr: 'Quoi d’abord ?' },
        prompt_translations: null,
        roundtable_id: 'r1',
        roundtable_number: 1,
        roundtable_title: { en: 'Finance', fr: 'Financement' },
      },
      {
        id: SPACE_B,
        number: 2,
        prompt: { en: 'Who pays?' },
        prompt_translations: {
          fr: {
            text: 'Qui paie ?',
            status: 'done',
            from: 'en',
            sourceHash: promptSourceHash('Who pays?'),
            provider: 'apertium',
            machine: true,
          },
        },
        roundtable_id: 'r2',
        roundtable_number: 2,
        roundtable_title: { en: 'Rights' },
      },
    ],
    items: [],
    totals: {},
    replies: [],
    replies_total: 0,
    highlights: [],
    outcomes: [],
    publications: [],
    ...extra,
  };
}

describe('member digest selection and view', () => {
  it('sends nothing to members without an address, unsubscribed, paused, suspended or in no space', () => {
    expect(whyNoDigest(row())).toBeNull();
    expect(whyNoDigest(row({ me: null }))).toMatch(/removed/);
    expect(whyNoDigest(row({ me: { ...row().me!, email: null } }))).toMatch(/email/);
    expect(whyNoDigest(row({ me: { ...row().me!, digest: 'off' } }))).toMatch(/unsubscribed/);
    expect(whyNoDigest(row({ me: { ...row().me!, digest_paused_at: '2025-01-01T00:00:00Z' } }))).toMatch(/paused/);
    expect(whyNoDigest(row({ me: { ...row().me!, suspended: true } }))).toMatch(/suspended/);
    expect(whyNoDigest(row({ spaces: [] }))).toMatch(/no space/);
  });

  it('is empty (null) when nothing happened', () => {
    expect(buildDigestView(row(), window, links, 'https://u')).toBeNull();
  });

  it('groups by roundtable and question in their order, counts everything, and labels machine translations', () => {
    const view = buildDigestView(
      row({
        items: [
          item('b1', SPACE_B, { reply_count: 5 }),
          item('a1', SPACE_A, { reply_count: 3, language: 'es', body: 'Texto original', translated: 'Texte traduit' }),
          item('a2', SPACE_A, { reply_count: 1, language: 'en', body: 'Not translated yet' }),
        ],
        highlights: [
          item('h1', SPACE_A, {
            pinned: true,
            language: 'en',
            body: 'Original',
            translated: 'Traduction corrigée',
            translated_by_machine: false,
          }),
        ],
        totals: { [SPACE_A]: 12, [SPACE_B]: 1 },
        replies: [
          item('r1', SPACE_A, {
            parent_id: 'mine',
            parent_author_id: 'u1',
            parent_author_name: 'Amina',
            language: 'fr',
          }),
        ],
        replies_total: 1,
      }),
      window,
      links,
      'https://rt.example.org/api/v1/unsubscribe?token=x',
    )!;
    expect(view.lang).toBe('fr');
    expect(view.consultation).toBe('Villes côtières');
    expect(view.roundtables.map((r) => [r.number, r.title, r.questions.map((q) => q.number)])).toEqual([
      [1, 'Financement', [1]],
      [2, 'Rights', [2]],
    ]);
    const q1 = view.roundtables[0].questions[0];
    expect(q1).toMatchObject({ prompt: 'Quoi d’abord ?', total: 12, more: 10 });
    // a prompt the organiser did not write in French, machine-translated
    expect(view.roundtables[1].questions[0].prompt).toBe('Qui paie ?');
    expect(q1.items[0]).toMatchObject({
      excerpt: 'Texte traduit',
      machineTranslatedKey: 'machineTranslatedFrom.es',
      originalUrl: `https://rt.example.org/spaces/${SPACE_A}?lang=es#c-a1`,
      writtenInKey: null,
    });
    expect(q1.items[1]).toMatchObject({
      excerpt: 'Not translated yet',
      machineTranslatedKey: null,
      writtenInKey: 'writtenIn.en',
    });
    expect(view.replies[0]).toMatchObject({ inReplyTo: 'Amina', machineTranslatedKey: null, writtenInKey: null });
    // a translation people corrected says so
    expect(view.highlights[0]).toMatchObject({
      excerpt: 'Traduction corrigée',
      machineTranslatedKey: 'correctedTranslationFrom.en',
    });
    expect(view.counts).toEqual({
      contributions: 13,
      replies: 1,
      highlights: 1,
      outcomes: 0,
      publications: 0,
      total: 15,
    });
  });

  it('cuts long texts at a word boundary', () => {
    const long = 'word '.repeat(200);
    const cut = excerpt(long, 50);
    expect(cut.length).toBeLessThanOrEqual(51);
    expect(cut.endsWith('word…')).toBe(true);
  });

  it('renders HTML and text in the member language, escaping what members wrote', async () => {
    const template = await MailTemplate.compile(MEMBER_DIGEST_TEMPLATE);
    for (const [lang, heading] of [
      ['en', 'Your weekly digest'],
      ['fr', 'Votre synthèse hebdomadaire'],
      ['es', 'Su resumen semanal'],
    ] as const) {
      const view = buildDigestView(
        row({
          me: { ...row().me!, preferred_language: lang },
          items: [item('x1', SPACE_A, { body: '<script>alert(1)</script> & more', reply_count: 2 })],
          totals: { [SPACE_A]: 1 },
          outcomes: [
            {
              action: 'hide',
              reason: 'Off topic',
              to_status: 'hidden',
              created_at: '2025-01-08T00:00:00Z',
              contribution_id: 'c9',
              space_id: SPACE_A,
              body: 'My post',
            },
          ],
          publications: [
            {
              kind: 'stocktaking',
              id: 's1',
              roundtable_number: 1,
              roundtable_title: { en: 'Finance' },
              space_number: null,
              published_at: '2025-01-09T00:00:00Z',
            },
          ],
        }),
        window,
        links,
        'https://rt.example.org/api/v1/unsubscribe?token=tok',
      )!;
      const mail = template.render(view);
      expect(mail.subject).toContain(
        lang === 'en' ? 'Coastal cities' : lang === 'fr' ? 'Villes côtières' : 'Coastal cities',
      );
      expect(mail.html).toContain(heading);
      expect(mail.text).toContain(heading);
      expect(mail.html).not.toContain('<script>alert(1)</script>');
      expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; more');
      expect(mail.text).toContain('<script>alert(1)</script> & more');
      expect(mail.text).toContain('https://rt.example.org/api/v1/unsubscribe?token=tok');
      expect(mail.html).toContain('https://rt.example.org/stocktaking/s1');
      expect(mail.text).not.toMatch(/\{\{|\}\}/);
    }
  });
});
