import { registerUser, TestUser, eventually } from './support/test-api';
import { DigestStack, startDigestStack } from './support/digest-email-harness';
import type { ReceivedMail } from './support/smtp-sink';
import { createConsultation, createRoundtable, createSpace, expectStatus } from './support/world';

const LANGS = ['en', 'fr', 'es'] as const;
type Lang = (typeof LANGS)[number];
const HEADING: Record<Lang, string> = {
  en: 'Your weekly digest',
  fr: 'Votre synthèse hebdomadaire',
  es: 'Su resumen semanal',
};
const FROM_LABEL: Record<Lang, Record<Lang, string>> = {
  en: { en: '', fr: 'Machine translation from French', es: 'Machine translation from Spanish' },
  fr: { en: 'Traduction automatique de l’anglais', fr: '', es: 'Traduction automatique de l’espagnol' },
  es: { en: 'Traducción automática del inglés', fr: 'Traducción automática del francés', es: '' },
};

/**
 * Acceptance 1: three members (EN, FR, ES) in two spaces each get exactly one email per
 * run, in their language, listing what was posted in their spaces since their previous
 * digest — others' contributions in the member's language (machine translations labelled,
 * with a link to the original) — and nothing from a space they are not in, nothing
 * deleted. Read back from a real SMTP server.
 */
describe('weekly digest emails: content, language, spaces', () => {
  let stack: DigestStack;
  let consultationId: string;
  let spaceA: string;
  let spaceB: string;
  let spaceSecret: string;
  const members = {} as Record<Lang, TestUser>;
  let outsider: TestUser;

  async function post(
    user: TestUser,
    spaceId: string,
    body: string,
    language: Lang,
  ): Promise<{ id: string; body: string; language: Lang }> {
    const res = expectStatus(
      await user.client.post(`/spaces/${spaceId}/contributions`, { body, language }),
      201,
      `post "${body.slice(0, 30)}"`,
    );
    return { id: res.body.id, body, language };
  }

  /** The text the api shows `lang` readers for a contribution, once its translation is done (the original when same language). */
  async function shownIn(user: TestUser, c: { id: string; body: string; language: Lang }, lang: Lang): Promise<string> {
    if (c.language === lang) return c.body;
    return eventually(
      async () => {
        const res = await user.client.get(`/contributions/${c.id}?lang=${lang}`);
        const t = res.body?.translations?.[lang];
        return t?.status === 'done' && typeof t.text === 'string' ? (t.text as string) : null;
      },
      90_000,
      `the ${lang} translation of "${c.body.slice(0, 30)}"`,
    );
  }

  const mailsTo = (user: TestUser): ReceivedMail[] => stack.sink.to(user.email);
  const flat = (text: string) => text.replace(/\s+/g, ' ');

  beforeAll(async () => {
    stack = await startDigestStack();
    await stack.startWorker();
    const org = stack.org.client;
    consultationId = (await createConsultation(org, 'Digest consultation')).id;
    const r1 = await createRoundtable(org, consultationId, {
      title: { en: 'Finance', fr: 'Financement', es: 'Financiación' },
    });
    const r2 = await createRoundtable(org, consultationId, { title: { en: 'Rights', fr: 'Droits', es: 'Derechos' } });
    spaceA = (
      await createSpace(org, r1.id, {
        prompt: { en: 'What should cities fund first?', fr: 'Que financer d’abord ?', es: '¿Qué financiar primero?' },
      })
    ).id;
    spaceB = (
      await createSpace(org, r2.id, {
        prompt: { en: 'Which rights come first?', fr: 'Quels droits d’abord ?', es: '¿Qué derechos primero?' },
      })
    ).id;
    spaceSecret = (await createSpace(org, r2.id, { prompt: { en: 'A space the members never joined' } })).id;
    for (const lang of LANGS) {
      members[lang] = await registerUser(stack.api.url, {
        tag: `digest-${lang}`,
        preferredLanguage: lang,
        displayName: `Member ${lang.toUpperCase()}`,
      });
    }
    outsider = await registerUser(stack.api.url, { tag: 'digest-outsider', displayName: 'Outsider' });
    // EN and FR are in A and B; ES only in A; the outsider in B and the secret space
    for (const [user, spaces] of [
      [members.en, [spaceA, spaceB]],
      [members.fr, [spaceA, spaceB]],
      [members.es, [spaceA]],
      [outsider, [spaceB, spaceSecret]],
    ] as const) {
      for (const s of spaces) expectStatus(await user.client.post(`/spaces/${s}/members`), 201, 'join');
    }
  });
  afterAll(() => stack?.close());

  it('sends each member one email in their language with the new contributions of their spaces only, then only what is new since', async () => {
    const inA = {
      en: await post(members.en, spaceA, 'Cities should fund clean water networks before anything else.', 'en'),
      fr: await post(members.fr, spaceA, 'Les villes doivent d’abord financer les écoles publiques.', 'fr'),
      es: await post(members.es, spaceA, 'Las ciudades deben financiar primero la vivienda social.', 'es'),
    };
    const inB = await post(outsider, spaceB, 'Access to health services is the first right to protect.', 'en');
    const secret = await post(outsider, spaceSecret, 'Nobody else should ever read this secret sentence.', 'en');
    const deleted = await post(members.en, spaceB, 'This contribution will be deleted before the digest.', 'en');
    expectStatus(await members.en.client.delete(`/contributions/${deleted.id}`), 200, 'delete');

    // what each member reads of the others' contributions once the translation jobs are done
    const readAs = {} as Record<Lang, Record<Lang, string>>;
    for (const lang of LANGS) {
      readAs[lang] = {} as Record<Lang, string>;
      for (const author of LANGS) readAs[lang][author] = await shownIn(members[lang], inA[author], lang);
    }

    const periodEnd = await stack.run(consultationId);
    const deliveries = await stack.settled(consultationId, periodEnd);
    expect(
      deliveries
        .filter((d) => d.status === 'sent')
        .map((d) => d.user_id)
        .sort(),
    ).toEqual(expect.arrayContaining([members.en.id, members.fr.id, members.es.id]));

    for (const lang of LANGS) {
      const me = members[lang];
      const mails = mailsTo(me);
      expect(mails).toHaveLength(1);
      const [mail] = mails;
      expect(mail.header('content-language')).toBe(lang);
      expect(mail.subject).toContain(
        lang === 'en' ? 'weekly digest' : lang === 'fr' ? 'synthèse hebdomadaire' : 'resumen semanal',
      );
      expect(mail.html).toContain(HEADING[lang]);
      const text = flat(mail.text);
      expect(text).toContain(HEADING[lang]);
      // the others' contributions in space A, in this member's language, labelled when machine-translated
      for (const author of LANGS.filter((l) => l !== lang)) {
        const c = inA[author];
        expect(text).toContain(flat(readAs[lang][author]));
        expect(text).toContain(FROM_LABEL[lang][author]);
        expect(text).toContain(`https://roundtable.test/spaces/${spaceA}?lang=${author}#c-${c.id}`);
      }
      // space B only for its members; the secret space and the deleted contribution never
      if (lang === 'es') expect(text).not.toContain(inB.id);
      else expect(text).toContain(`#c-${inB.id}`);
      expect(text).not.toContain(secret.id);
      expect(text).not.toContain(secret.body);
      expect(text).not.toContain(deleted.id);
      // links back: each item, the settings, the one-click unsubscribe
      expect(text).toContain('https://roundtable.test/settings');
      expect(mail.header('list-unsubscribe')).toMatch(
        /^<https:\/\/roundtable\.test\/api\/v1\/unsubscribe\?token=[A-Za-z0-9_-]{43}>$/,
      );
    }
    // the outsider takes part too: their digest has space B's and the secret space's news from others only (none) -> empty, not sent
    expect(mailsTo(outsider)).toHaveLength(0);

    // a week later: only what is new since the previous digest
    const later = await post(members.fr, spaceA, 'Une deuxième semaine de discussion commence ici.', 'fr');
    const laterIn = { en: await shownIn(members.en, later, 'en'), es: await shownIn(members.es, later, 'es') };
    const periodEnd2 = await stack.run(consultationId);
    expect(periodEnd2).not.toBe(periodEnd);
    const second = await stack.settled(consultationId, periodEnd2);
    expect(second.find((d) => d.user_id === members.en.id)?.period_start.toISOString()).toBe(periodEnd);
    const enMails = mailsTo(members.en);
    expect(enMails).toHaveLength(2);
    const text2 = flat(enMails[1].text);
    expect(text2).toContain(flat(laterIn.en));
    expect(text2).not.toContain(inA.es.id);
    expect(text2).not.toContain(inB.id);
    // the author of the only new contribution has nothing new: no email; ES gets it in Spanish
    expect(mailsTo(members.fr)).toHaveLength(1);
    expect(mailsTo(members.es)).toHaveLength(2);
    expect(flat(mailsTo(members.es)[1].text)).toContain(flat(laterIn.es));
  });

  it('tells members of replies to them, highlights, published summaries and moderation of their posts; never pending or hidden ones', async () => {
    const org = stack.org.client;
    const cid = (await createConsultation(org, 'Digest extras')).id;
    const rt = await createRoundtable(org, cid);
    const open = (await createSpace(org, rt.id)).id;
    const premoderated = (await createSpace(org, rt.id, { moderation: 'pre' })).id;
    const me = await registerUser(stack.api.url, { tag: 'extras-me', displayName: 'Extras Me' });
    const other = await registerUser(stack.api.url, { tag: 'extras-other', displayName: 'Extras Other' });
    for (const user of [me, other])
      for (const s of [open, premoderated]) expectStatus(await user.client.post(`/spaces/${s}/members`), 201, 'join');
    const moderate = async (id: string, action: string, reason?: string) =>
      expectStatus(
        await org.post(`/contributions/${id}/moderation`, { action, ...(reason ? { reason } : {}) }),
        200,
        action,
      );

    const mine = await post(me, open, 'My own idea: fund the language classes first.', 'en');
    const reply = expectStatus(
      await other.client.post(`/spaces/${open}/contributions`, {
        body: 'A reply to your idea about language classes.',
        language: 'en',
        parentId: mine.id,
      }),
      201,
      'reply',
    ).body;
    const pinned = await post(other, open, 'The moderators will pin this summary of the week.', 'en');
    await moderate(pinned.id, 'pin');
    const hidden = await post(other, open, 'This contribution gets hidden by the moderators.', 'en');
    await moderate(hidden.id, 'hide', 'Personal attack');
    const myHidden = await post(me, open, 'My contribution that a moderator hides.', 'en');
    await moderate(myHidden.id, 'hide', 'Off topic for this question');
    const pending = await post(other, premoderated, 'Still waiting for a moderator, never in a digest.', 'en');
    const approved = await post(other, premoderated, 'Approved by a moderator, so members read it.', 'en');
    await moderate(approved.id, 'approve');
    const now = Date.now();
    const digest = expectStatus(
      await org.post(`/spaces/${open}/digests`, {
        periodStart: new Date(now - 86_400_000).toISOString(),
        periodEnd: new Date(now).toISOString(),
      }),
      201,
      'draft a moderator digest',
    ).body;
    expect([200, 201]).toContain((await org.post(`/digests/${digest.id}/publish`)).status);

    const periodEnd = await stack.run(cid);
    await stack.settled(cid, periodEnd);
    const [mail] = mailsTo(me);
    const text = flat(mail.text);
    const section = (title: string) => text.slice(text.indexOf(`== ${title} ==`));
    expect(section('Replies to your contributions')).toContain(`#c-${reply.id}`);
    expect(section('Highlighted by the moderators')).toContain(pinned.body);
    expect(text).toContain(approved.body);
    expect(section('New summaries')).toContain(`Moderator digest: Roundtable ${rt.number}`);
    expect(text).toContain(`https://roundtable.test/digests/${digest.id}`);
    expect(section('Moderation of your contributions')).toContain(
      'Hidden by a moderator: My contribution that a moderator hides.',
    );
    expect(text).toContain('Reason: Off topic for this question');
    for (const never of [hidden, pending]) {
      expect(text).not.toContain(never.body);
      expect(text).not.toContain(never.id);
    }
  });
});
