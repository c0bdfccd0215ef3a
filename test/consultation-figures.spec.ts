import { randomUUID } from 'node:crypto';
import { Client, organiser, registerUser, startTestApi, TestApi, TestUser } from './support/test-api';
import { createConsultation, createRoundtable, createSpace, expectErrorShape, expectStatus } from './support/world';

/**
 * An organiser's view of where a consultation stands: members by constituency and
 * language, contributions by status and language, contributors, the translation and
 * moderation backlog, and each question's figures — counting this consultation only.
 */
describe('GET /consultations/:id/figures', () => {
  let api: TestApi;
  let org: TestUser;

  beforeAll(async () => {
    api = await startTestApi({
      POST_MIN_INTERVAL_MS: '0',
      POSTS_PER_MINUTE: '100000',
      DUPLICATE_POST_WINDOW_SECONDS: '0',
    });
    org = await organiser(api);
  });
  afterAll(() => api?.close());

  const post = async (who: TestUser, spaceId: string, body: string, language?: string) =>
    expectStatus(
      await who.client.post(`/spaces/${spaceId}/contributions`, { body, ...(language ? { language } : {}) }),
      201,
      'post',
    ).body;

  it('counts members, contributions, contributors, translations to come, the moderation backlog and each question', async () => {
    const consultation = await createConsultation(org.client);
    const first = await createRoundtable(org.client, consultation.id, { number: 1 });
    const second = await createRoundtable(org.client, consultation.id, { number: 2 });
    const open = await createSpace(org.client, first.id, { number: 1 });
    const preModerated = await createSpace(org.client, first.id, { number: 2, moderation: 'pre' });
    const quiet = await createSpace(org.client, second.id, { number: 1 });

    const ana = await registerUser(api.url, { tag: 'fig-ana', constituency: 'state', preferredLanguage: 'fr' });
    const ben = await registerUser(api.url, { tag: 'fig-ben', constituency: 'civil_society', preferredLanguage: 'en' });
    const chloe = await registerUser(api.url, { tag: 'fig-chloe', constituency: 'business', preferredLanguage: 'es' });
    const dan = await registerUser(api.url, { tag: 'fig-dan', constituency: 'civil_society', preferredLanguage: 'en' });
    for (const m of [ana, ben, chloe]) expectStatus(await m.client.post(`/spaces/${open.id}/members`), 201);
    for (const m of [ben, dan]) expectStatus(await m.client.post(`/spaces/${preModerated.id}/members`), 201);
    expectStatus(await dan.client.patch('/me', { digest: 'off' }), 200);
    // a roundtable's moderator is one of its members without joining a question
    const eve = await registerUser(api.url, {
      tag: 'fig-eve',
      constituency: 'international_organisation',
      preferredLanguage: 'es',
    });
    expect((await org.client.put(`/roundtables/${second.id}/roles/${eve.id}`, { role: 'moderator' })).status).toBe(204);

    const anaFirst = await post(ana, open.id, 'Les villes ont besoin de données fiables.', 'fr');
    await post(ana, open.id, 'Et de financements prévisibles.', 'fr');
    await post(ben, open.id, 'Shared early-warning systems work.', 'en');
    await post(chloe, open.id, 'Los datos abiertos ayudan.', 'es');
    const withdrawn = await post(chloe, open.id, 'A draft I take back.');
    expectStatus(await chloe.client.delete(`/contributions/${withdrawn.id}`), 200);
    const benPending = await post(ben, preModerated.id, 'Pre-moderated, then approved.', 'en');
    await post(dan, preModerated.id, 'Still waiting for a moderator.', 'en');
    expectStatus(await org.client.post(`/contributions/${benPending.id}/moderation`, { action: 'approve' }), 200);
    expectStatus(await ben.client.post(`/contributions/${anaFirst.id}/flags`, { reason: 'off_topic' }), 201);

    // another consultation's people and posts never count here
    const elsewhere = await createSpace(
      org.client,
      (await createRoundtable(org.client, (await createConsultation(org.client)).id)).id,
    );
    const outsider = await registerUser(api.url, { tag: 'fig-out', constituency: 'youth' });
    expectStatus(await outsider.client.post(`/spaces/${elsewhere.id}/members`), 201);
    await post(outsider, elsewhere.id, 'Somewhere else entirely.', 'en');

    const figures = expectStatus(await org.client.get(`/consultations/${consultation.id}/figures`), 200).body;
    expect(figures).toMatchObject({
      consultationId: consultation.id,
      members: {
        total: 5,
        digestSubscribers: 4,
        byConstituency: { state: 1, civil_society: 2, business: 1, international_organisation: 1 },
        byLanguage: { fr: 1, en: 2, es: 2 },
      },
      contributions: {
        total: 7,
        byStatus: { published: 5, pending: 1, deleted: 1 },
        publishedByLanguage: { fr: 2, en: 2, es: 1 },
        publishedLast7Days: 5,
        contributors: 3,
        contributorsByConstituency: { state: 1, civil_society: 1, business: 1 },
      },
      moderation: { pendingApproval: 1, openFlags: 1 },
      lastDigestRun: null,
    });
    // no worker runs here: every known-language published contribution still waits for its two translations
    expect(figures.translations).toEqual({ done: 0, failed: 0, pending: 10 });
    expect(figures.contributions.byStatus).not.toHaveProperty('rejected');
    expect(figures.spaces).toEqual([
      expect.objectContaining({
        spaceId: open.id,
        roundtableId: first.id,
        roundtableNumber: 1,
        number: 1,
        status: 'open',
        members: 3,
        published: 4,
        pending: 0,
        contributors: 3,
      }),
      expect.objectContaining({
        spaceId: preModerated.id,
        roundtableNumber: 1,
        number: 2,
        members: 2,
        published: 1,
        pending: 1,
        contributors: 1,
      }),
      expect.objectContaining({
        spaceId: quiet.id,
        roundtableId: second.id,
        roundtableNumber: 2,
        number: 1,
        members: 0,
        published: 0,
        pending: 0,
        contributors: 0,
        lastContributionAt: null,
      }),
    ]);
    expect(Date.parse(figures.spaces[0].lastContributionAt)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('is for organisers only, and says when the consultation does not exist', async () => {
    const consultation = await createConsultation(org.client);
    const member = await registerUser(api.url, { tag: 'fig-member' });
    expectErrorShape(await member.client.get(`/consultations/${consultation.id}/figures`), 403);
    expectErrorShape(await new Client(api.url).get(`/consultations/${consultation.id}/figures`), 401);
    expectErrorShape(await org.client.get(`/consultations/${randomUUID()}/figures`), 404);
    expectErrorShape(await org.client.get('/consultations/not-an-id/figures'), 400);
    const empty = expectStatus(await org.client.get(`/consultations/${consultation.id}/figures`), 200).body;
    expect(empty).toMatchObject({
      members: { total: 0, byConstituency: {} },
      contributions: { total: 0, contributors: 0 },
      translations: { done: 0, failed: 0, pending: 0 },
      spaces: [],
    });
  });
});
