import { Client, organiser, registerUser, Reply, startTestApi, TestApi, TestUser } from './support/test-api';
import {
  createConsultation,
  createRoundtable,
  createSpace,
  expectErrorShape,
  expectStatus,
  messageOf,
} from './support/world';

/**
 * A member meets the usual refusals — a field the API does not take, a consultation that
 * does not exist, a space they have not joined, an archived space, malformed JSON, a route
 * that does not exist — and reads each in their language: the one `Accept-Language` names,
 * else the one their account prefers, else English. Status, status text and code stay.
 */
describe('error messages speak the user’s language', () => {
  let api: TestApi;
  let english: TestUser;
  let spanish: TestUser;
  let openSpace: string;
  let archivedSpace: string;

  beforeAll(async () => {
    api = await startTestApi();
    const org = await organiser(api);
    [english, spanish] = await Promise.all([
      registerUser(api.url, { tag: 'english' }),
      registerUser(api.url, { tag: 'spanish', preferredLanguage: 'es' }),
    ]);
    const consultation = await createConsultation(org.client);
    const roundtable = await createRoundtable(org.client, consultation.id);
    openSpace = (await createSpace(org.client, roundtable.id)).id;
    archivedSpace = (await createSpace(org.client, roundtable.id)).id;
    expectStatus(await org.client.patch(`/spaces/${archivedSpace}`, { status: 'archived' }), 200, 'archive');
  });
  afterAll(() => api.close());

  /** The six refusals, asked by `client` with `headers`. */
  async function refusals(client: Client, headers: Record<string, string> = {}): Promise<Record<string, Reply>> {
    const ask = (method: string, path: string, body?: unknown) => client.request(method, path, body, headers);
    const [validation, notFound, forbidden, conflict, malformed, route] = await Promise.all([
      ask('PATCH', '/me', { displayName: 'Ok', favouriteColour: 'teal' }),
      ask('GET', '/consultations/00000000-0000-4000-8000-000000000000'),
      ask('POST', `/spaces/${openSpace}/contributions`, { body: 'Hello' }),
      ask('POST', `/spaces/${archivedSpace}/members`, {}),
      client.request('PATCH', '/me', '{not json}', { ...headers, 'content-type': 'application/json' }),
      ask('GET', '/api/v1/no-such-route'),
    ]);
    return { validation, notFound, forbidden, conflict, malformed, route };
  }

  /** What stays the same whatever the language. */
  const protocol = (replies: Record<string, Reply>) =>
    Object.fromEntries(
      Object.entries(replies).map(([name, r]) => [name, [r.status, r.body.statusCode, r.body.error, r.body.code]]),
    );

  it('answers in English by default, as before', async () => {
    const replies = await refusals(english.client);
    for (const reply of Object.values(replies)) expectErrorShape(reply);
    expect(protocol(replies)).toEqual({
      validation: [400, 400, 'Bad Request', undefined],
      notFound: [404, 404, 'Not Found', 'not_found'],
      forbidden: [403, 403, 'Forbidden', 'not_a_member'],
      conflict: [409, 409, 'Conflict', 'space_archived'],
      malformed: [400, 400, 'Bad Request', undefined],
      route: [404, 404, 'Not Found', undefined],
    });
    expect(messageOf(replies.validation)).toBe('property favouriteColour should not exist');
    expect(messageOf(replies.notFound)).toBe('Consultation not found');
    expect(messageOf(replies.forbidden)).toBe('Join this space first');
    expect(messageOf(replies.conflict)).toBe('This space is archived; it cannot be joined');
    expect(messageOf(replies.malformed)).toMatch(/^Malformed JSON body/);
    expect(messageOf(replies.route)).toMatch(/^Cannot GET \/api\/v1\/no-such-route/);
    expect(replies.notFound.headers.get('content-language')).toBe('en');
  });

  it('answers in French when Accept-Language asks for it, even to a member who prefers English', async () => {
    const english_ = await refusals(english.client);
    const replies = await refusals(english.client, { 'accept-language': 'fr-CH, fr;q=0.9, en;q=0.5' });
    expect(protocol(replies)).toEqual(protocol(english_));
    expect(messageOf(replies.validation)).toBe('le champ favouriteColour n’est pas accepté ici');
    expect(messageOf(replies.notFound)).toBe('Consultation introuvable');
    expect(messageOf(replies.forbidden)).toBe('Rejoignez d’abord cet espace');
    expect(messageOf(replies.conflict)).toBe('Cet espace est archivé ; on ne peut plus le rejoindre');
    expect(messageOf(replies.malformed)).toMatch(/^Corps JSON mal formé/);
    expect(messageOf(replies.route)).toMatch(
      /^Impossible de traiter GET \/api\/v1\/no-such-route : cette route n’existe pas/,
    );
    for (const name of Object.keys(replies)) expect(messageOf(replies[name])).not.toBe(messageOf(english_[name]));
    expect(replies.conflict.headers.get('content-language')).toBe('fr');
  });

  it('answers a member who prefers Spanish in Spanish when the request names no language, even before sign-in is checked', async () => {
    const english_ = await refusals(english.client);
    const replies = await refusals(spanish.client);
    expect(protocol(replies)).toEqual(protocol(english_));
    expect(messageOf(replies.validation)).toBe('el campo favouriteColour no se admite aquí');
    expect(messageOf(replies.notFound)).toBe('No se ha encontrado la consulta');
    expect(messageOf(replies.forbidden)).toBe('Únase primero a este espacio');
    expect(messageOf(replies.conflict)).toBe('Este espacio está archivado; ya no es posible unirse a él');
    expect(messageOf(replies.malformed)).toMatch(/^Cuerpo JSON mal formado/);
    expect(messageOf(replies.route)).toMatch(/^No se puede atender GET \/api\/v1\/no-such-route: esa ruta no existe/);
    for (const name of Object.keys(replies)) expect(messageOf(replies[name])).not.toBe(messageOf(english_[name]));
    expect(replies.route.headers.get('content-language')).toBe('es');
  });

  it('words validation errors in the language with the field and the limit', async () => {
    const res = await spanish.client.request('PATCH', '/me', { displayName: 'x'.repeat(500), digest: 'daily' });
    expectErrorShape(res, 400);
    expect(res.body.message).toEqual(
      expect.arrayContaining([expect.stringMatching(/^displayName debe tener (como máximo|entre)/)]),
    );
    expect(messageOf(res)).toMatch(/^digest|; digest/);
    expect(messageOf(res)).not.toMatch(/must/);
  });

  it('ignores Accept-Language values that name none of the three languages', async () => {
    for (const header of ['*', 'de-DE, it;q=0.8', 'fr;q=0']) {
      const res = await spanish.client.request(
        'GET',
        '/consultations/00000000-0000-4000-8000-000000000000',
        undefined,
        {
          'accept-language': header,
        },
      );
      expect([header, messageOf(res)]).toEqual([header, 'No se ha encontrado la consulta']);
    }
    const anonymous = await new Client(api.url).request('GET', '/no-such-route', undefined, { 'accept-language': '*' });
    expect(messageOf(anonymous)).toMatch(/^Cannot GET/);
  });
});
