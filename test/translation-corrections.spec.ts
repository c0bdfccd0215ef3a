import { TranslationMemory } from '@roundtable/translation';
import { LiveClient } from './support/live-client';
import { RunningProcess } from './support/processes';
import { eventually, registerUser, TestUser } from './support/test-api';
import { expectStatus } from './support/world';
import { spaceWithMember, TranslationStack } from './translation-stack';

type Lang = 'en' | 'fr' | 'es';
const OTHERS: Record<Lang, Lang[]> = { en: ['fr', 'es'], fr: ['en', 'es'], es: ['en', 'fr'] };

/**
 * People correct machine translations, with the real Apertium engine in a compiled
 * worker: the author's or a moderator's correction is shown to readers at once, live and
 * labelled human, survives a late machine translation of the same version, gives way to
 * the machine again when the original is edited, is kept in exports, and is remembered:
 * the same sentence in another contribution is translated from memory.
 */
describe('translation corrections: people correct what the machine translated', () => {
  const stack = new TranslationStack('trc');
  let worker: RunningProcess | undefined;
  let author: TestUser;
  let org: TestUser;
  let spaceId: string;
  const live: LiveClient[] = [];

  beforeAll(async () => {
    await stack.start();
    ({ org, member: author, spaceId } = await spaceWithMember(stack.api!));
    worker = await stack.worker();
  }, 120_000);
  afterAll(async () => {
    for (const c of live) c.close();
    await worker?.stop();
    await stack.stop();
  });

  const post = async (body: string, language: Lang) =>
    expectStatus(await author.client.post(`/spaces/${spaceId}/contributions`, { body, language }), 201, 'post').body;

  /** Polls until every other language of the current version is done, then returns the contribution. */
  const translated = (id: string, as = author, timeoutMs = 40_000) =>
    eventually(
      async () => {
        const c = (await as.client.get(`/contributions/${id}`)).body;
        const others = c.language ? OTHERS[c.language as Lang] : [];
        return others.length &&
          others.every((l) => c.translations?.[l]?.status === 'done' && c.translations[l].sourceVersion === c.version)
          ? c
          : undefined;
      },
      timeoutMs,
      `the translations of ${id}`,
    );

  const join = async (user: TestUser) => {
    expectStatus(await user.client.post(`/spaces/${spaceId}/members`), 201, 'join');
    return user;
  };

  it("shows the author's correction to readers at once, live and labelled human, and keeps it in the export", async () => {
    const reader = await join(await registerUser(stack.api!.url, { tag: 'reader', preferredLanguage: 'es' }));
    const client = await LiveClient.connect(stack.api!.url, reader.token);
    live.push(client);
    expect((await client.join(spaceId)).ok).toBe(true);

    const body = 'We need a rent subsidy of six months, with a visit from a social worker every fortnight.';
    const c = await translated((await post(body, 'en')).id);
    expect(c.translations.fr.machine).toBe(true);
    const correction =
      'Il nous faut une aide au loyer de six mois, avec la visite d’une travailleuse sociale tous les quinze jours.';

    const put = expectStatus(
      await author.client.put(`/contributions/${c.id}/translations/fr`, { text: correction }),
      200,
      'correct the French translation',
    ).body;
    expect(put).toEqual({ text: correction, status: 'done', provider: 'human', machine: false, sourceVersion: 1 });

    const read = expectStatus(await reader.client.get(`/contributions/${c.id}?lang=fr`), 200).body;
    expect(read.text).toBe(correction);
    expect(read.body).toBe(body);
    expect(read.translations.fr).toEqual(put);
    expect(read.translations.es).toMatchObject({ machine: true, provider: 'apertium' });
    const page = await eventually(
      async () => {
        const items = expectStatus(await reader.client.get(`/spaces/${spaceId}/contributions?lang=fr`), 200).body.items;
        return items.find((i: any) => i.id === c.id && i.text === correction);
      },
      5_000,
      'the listing to show the correction',
    );
    expect(page.translations.fr.machine).toBe(false);

    await client.waitFor(
      () =>
        client
          .eventsOf(spaceId)
          .some(
            (e) =>
              e.type === 'contribution.translated' &&
              e.payload.contributionId === c.id &&
              e.payload.translation.machine === false,
          ),
      10_000,
      'the correction live',
    );
    const event = client
      .eventsOf(spaceId)
      .find((e) => e.type === 'contribution.translated' && e.payload.translation.machine === false)!;
    expect(event.payload).toMatchObject({ contributionId: c.id, language: 'fr', version: 1, translation: put });

    // a reader who was away catches up on it from the space's log
    const events = expectStatus(await reader.client.get(`/spaces/${spaceId}/events?afterSeq=${event.seq - 1}`), 200)
      .body.items;
    expect(events[0]).toMatchObject({
      seq: event.seq,
      type: 'contribution.translated',
      payload: { translation: { machine: false, text: correction } },
    });

    const res = await fetch(`${stack.api!.url}/api/v1/spaces/${spaceId}/export?format=json`, {
      headers: { authorization: `Bearer ${org.token}` },
    });
    const exported = (await res.json()).spaces[0].contributions.find((e: any) => e.id === c.id);
    expect(exported.translations.fr).toEqual(put);
  }, 90_000);

  it("lets the space's moderators correct too, refuses other members (403) and the original language (400), in the member's language", async () => {
    const c = await translated(
      (await post('Les villes frontalières manquent d’interprètes dans les centres de santé.', 'fr')).id,
    );
    const moderator = await join(await registerUser(stack.api!.url, { tag: 'moderator', preferredLanguage: 'en' }));
    expectStatus(
      await org.client.put(`/spaces/${spaceId}/roles/${moderator.id}`, { role: 'moderator' }),
      200,
      'make a moderator',
    );
    const other = await join(await registerUser(stack.api!.url, { tag: 'other', preferredLanguage: 'es' }));

    const refused = await other.client.put(`/contributions/${c.id}/translations/en`, {
      text: 'Border towns lack interpreters.',
    });
    expect(refused.status).toBe(403);
    expect(refused.body.message).toMatch(/Solo el autor y los moderadores/);

    const corrected = 'Border towns lack interpreters in their health centres.';
    expect(
      expectStatus(
        await moderator.client.put(`/contributions/${c.id}/translations/en`, { text: corrected }),
        200,
        'a moderator corrects',
      ).body,
    ).toMatchObject({ machine: false, text: corrected });
    expect((await other.client.get(`/contributions/${c.id}?lang=en`)).body.text).toBe(corrected);

    // the author prefers French: what is wrong is said in French
    const source = await author.client.put(`/contributions/${c.id}/translations/fr`, { text: 'Autre chose' });
    expect(source.status).toBe(400);
    expect(source.body.message).toMatch(/Cette contribution est écrite dans cette langue/);
    for (const bad of [{}, { text: '   ' }, { text: 42 }, { text: 'x'.repeat(20_001) }, { text: 'ok', extra: true }]) {
      const res = await author.client.put(`/contributions/${c.id}/translations/es`, bad);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
      expect(res.body.message).toMatch(/text/);
      expect(res.body.message).toMatch(/doit|seul/);
    }
    const language = await author.client.put(`/contributions/${c.id}/translations/de`, { text: 'Hallo' });
    expect(language.status).toBe(400);
    expect(language.body.message).toMatch(/la langue doit être/);
    expect(
      (await author.client.put(`/contributions/00000000-0000-4000-8000-000000000000/translations/es`, { text: 'Hola' }))
        .status,
    ).toBe(404);
  }, 90_000);

  it('keeps a correction when the machine translation of the same version arrives later, and brings the machine back when the original is edited', async () => {
    await worker!.stop();
    worker = undefined;
    const posted = await post('Clinics near the border need more nurses.', 'en');
    // corrected before any machine translation exists: the job for this version then finds it there
    const correction = 'Las clínicas cerca de la frontera necesitan más enfermeras.';
    await eventually(
      async () =>
        (await author.client.put(`/contributions/${posted.id}/translations/es`, { text: correction })).status === 200 ||
        undefined,
      10_000,
      'the correction',
    );
    worker = await stack.worker();
    const c = await translated(posted.id);
    expect(c.translations.es).toMatchObject({ text: correction, machine: false, sourceVersion: 1 });
    expect(c.translations.fr).toMatchObject({ machine: true, sourceVersion: 1 });

    expectStatus(
      await author.client.patch(`/contributions/${posted.id}`, {
        body: 'Clinics near the border need more nurses and interpreters.',
      }),
      200,
      'edit',
    );
    const edited = await translated(posted.id);
    expect(edited.version).toBe(2);
    expect(edited.translations.es).toMatchObject({ machine: true, provider: 'apertium', sourceVersion: 2 });
    expect(edited.translations.es.text).not.toBe(correction);
    expect(edited.translations.es.text).toMatch(/intérpretes/);
  }, 120_000);

  it('translates a sentence corrected once from memory the next time it appears in another contribution', async () => {
    const sentence = 'The party of birth is the door of entrance to all the rights.';
    const first = await translated((await post(`${sentence} Families wait months for it.`, 'en')).id);
    expect(first.translations.fr.machine).toBe(true);
    const remembered = 'L’acte de naissance ouvre la porte à tous les droits.';
    const corrected = `${remembered} Les familles l’attendent des mois.`;
    expectStatus(
      await author.client.put(`/contributions/${first.id}/translations/fr`, { text: corrected }),
      200,
      'correct',
    );

    const second = await translated((await post(`Registration offices close early. ${sentence}`, 'en')).id);
    expect(second.translations.fr.machine).toBe(true);
    expect(second.translations.fr.text).toContain(remembered);
    expect(second.translations.fr.text).not.toMatch(/parti de naissance|fête/i);
    // the other direction is untouched by the French correction
    expect(second.translations.es.text).not.toContain(remembered);

    const suggestions = expectStatus(
      await author.client.get(`/contributions/${second.id}/translations/fr/suggestions`),
      200,
    ).body;
    expect(suggestions.map((s: any) => s.source)).toEqual(['Registration offices close early.', sentence]);
    expect(suggestions[1].suggestions[0]).toMatchObject({ target: remembered, similarity: 1, origin: 'correction' });
  }, 90_000);

  it("feeds the memory from an organiser's TMX file in three languages, and refuses a broken one with its line", async () => {
    const tmx = `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header srclang="en" datatype="plaintext" segtype="sentence" adminlang="en" creationtool="roundtable-test" creationtoolversion="1" o-tmf="none"/>
  <body>
    <tu>
      <tuv xml:lang="en"><seg>Seasonal workers should keep their health cover between two contracts.</seg></tuv>
      <tuv xml:lang="fr"><seg>Les saisonniers devraient garder leur couverture santé entre deux contrats.</seg></tuv>
      <tuv xml:lang="es"><seg>Los temporeros deberían conservar su cobertura sanitaria entre dos contratos.</seg></tuv>
    </tu>
  </body>
</tmx>`;
    expect((await author.client.post('/translation-memory/import', { tmx })).status).toBe(403);
    const imported = expectStatus(
      await org.client.post('/translation-memory/import', { tmx }),
      201,
      'import the TMX',
    ).body;
    expect(imported).toEqual({ units: 1, remembered: 6, skippedLanguages: [] });

    const fr = await translated(
      (await post('Les saisonniers devraient garder leur couverture santé entre deux contrats.', 'fr')).id,
    );
    expect(fr.translations.en.text).toBe('Seasonal workers should keep their health cover between two contracts.');
    expect(fr.translations.es.text).toBe(
      'Los temporeros deberían conservar su cobertura sanitaria entre dos contratos.',
    );
    const es = await translated(
      (
        await post(
          'Hay que actuar ya. Los temporeros deberían conservar su cobertura sanitaria entre dos contratos.',
          'es',
        )
      ).id,
    );
    expect(es.translations.fr.text).toContain(
      'Les saisonniers devraient garder leur couverture santé entre deux contrats.',
    );

    const broken = tmx.replace('</seg></tuv>\n      <tuv xml:lang="fr">', '</tuv>\n      <tuv xml:lang="fr">');
    const refused = await org.client.post('/translation-memory/import', { tmx: broken });
    expect(refused.status).toBe(400);
    expect(refused.body.message).toMatch(/^TMX line 6: not well-formed XML/);
    const notTmx = await org.client.post('/translation-memory/import', {
      tmx: '<?xml version="1.0"?>\n<html><body/></html>',
    });
    expect(notTmx.status).toBe(400);
    expect(notTmx.body.message).toMatch(/line 2/);
  }, 90_000);

  it('translates a sentence of a prompt organisers wrote in three languages as they wrote it', async () => {
    const prompt = {
      en: 'Which services should a city offer in the first month after arrival?',
      fr: 'Quels services une ville devrait-elle offrir le premier mois après l’arrivée ?',
      es: '¿Qué servicios debería ofrecer una ciudad durante el primer mes tras la llegada?',
    };
    await spaceWithMember(stack.api!, prompt);
    // the worker's sweeper does this every round; called here so the test does not wait for one
    await stack.api!.app.get(TranslationMemory).learnOwnTexts();
    const c = await translated((await post(`Good question. ${prompt.es}`, 'es')).id);
    expect(c.translations.en.text).toContain(prompt.en);
    expect(c.translations.fr.text).toContain(prompt.fr);
  }, 60_000);
});
