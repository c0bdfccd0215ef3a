import { CONTRIBUTIONS, FixtureContribution, PEOPLE } from '../fixtures/stocktaking-roundtable';
import { Client, organiser, registerUser, TestApi, TestUser } from './test-api';
import { createConsultation, createRoundtable, createSpace, expectStatus } from './world';

/** Contributions of the fixture roundtable are posted by the API as their authors would. */
export interface StocktakingWorld {
  organiser: TestUser;
  /** rapporteur of the roundtable (a roundtable-level role) */
  rapporteur: TestUser;
  /** the fixture's moderator, moderator of both questions */
  moderator: TestUser;
  people: Record<string, TestUser>;
  consultationId: string;
  roundtableId: string;
  spaces: Record<1 | 2, string>;
  /** fixture key → contribution id, and back */
  ids: Record<string, string>;
  keyOf: Record<string, string>;
  periodStart: string;
  periodEnd: string;
}

/** Limits that would turn a quick succession of fixture posts into 429s. */
export const POSTING_ENV = {
  POST_MIN_INTERVAL_MS: '0',
  POSTS_PER_MINUTE: '100000',
  DUPLICATE_POST_WINDOW_SECONDS: '0',
};

export async function buildStocktakingWorld(
  api: TestApi,
  contributions: FixtureContribution[] = CONTRIBUTIONS,
): Promise<StocktakingWorld> {
  const periodStart = new Date(Date.now() - 60_000).toISOString();
  const org = await organiser(api);
  const people: Record<string, TestUser> = {};
  await Promise.all(
    PEOPLE.map(async (p) => {
      people[p.key] = await registerUser(api.url, {
        tag: p.key,
        displayName: p.name,
        constituency: p.constituency,
        organisation: p.organisation ?? undefined,
        country: p.country ?? undefined,
        preferredLanguage: p.language,
      });
    }),
  );
  const rapporteur = await registerUser(api.url, {
    tag: 'rapporteur',
    displayName: 'Rita Rapporteur',
    constituency: 'other',
  });
  const consultation = await createConsultation(org.client, 'Consultation on coastal communities and mobility');
  const roundtable = await createRoundtable(org.client, consultation.id, {
    title: {
      en: 'Protection in times of change',
      fr: 'La protection en temps de changement',
      es: 'La protección en tiempos de cambio',
    },
  });
  const q1 = await createSpace(org.client, roundtable.id, {
    number: 1,
    prompt: {
      en: 'What protects migrants best today?',
      fr: 'Qu’est-ce qui protège le mieux les migrants ?',
      es: '¿Qué protege mejor a los migrantes?',
    },
  });
  const q2 = await createSpace(org.client, roundtable.id, {
    number: 2,
    prompt: {
      en: 'What should the recovery fund first?',
      fr: 'Que doit financer la relance en premier ?',
      es: '¿Qué debe financiar primero la recuperación?',
    },
  });
  const spaces = { 1: q1.id as string, 2: q2.id as string };

  expectStatus(
    await org.client.put(`/roundtables/${roundtable.id}/roles/${rapporteur.id}`, { role: 'rapporteur' }),
    204,
    'make rapporteur',
  );
  for (const p of PEOPLE) {
    for (const spaceId of Object.values(spaces)) {
      if (p.moderator)
        expectStatus(
          await org.client.put(`/spaces/${spaceId}/roles/${people[p.key].id}`, { role: 'moderator' }),
          200,
          'make moderator',
        );
      else expectStatus(await people[p.key].client.post(`/spaces/${spaceId}/members`), 201, `${p.key} joins`);
    }
  }

  const ids: Record<string, string> = {};
  const keyOf: Record<string, string> = {};
  for (const c of contributions) {
    const res = await people[c.author].client.post(`/spaces/${spaces[c.question]}/contributions`, {
      body: c.body,
      language: c.language,
      ...(c.replyTo ? { parentId: ids[c.replyTo] } : {}),
    });
    expectStatus(res, 201, `post ${c.key}`);
    ids[c.key] = res.body.id;
    keyOf[res.body.id] = c.key;
  }
  const moderator = people[PEOPLE.find((p) => p.moderator)!.key];
  return {
    organiser: org,
    rapporteur,
    moderator,
    people,
    consultationId: consultation.id,
    roundtableId: roundtable.id,
    spaces,
    ids,
    keyOf,
    periodStart,
    periodEnd: new Date(Date.now() + 3600_000).toISOString(),
  };
}

/** The moderator drafts and publishes the digest of each question for the world's period; returns their ids. */
export async function publishDigests(
  w: StocktakingWorld,
  mark?: (digest: any, client: Client) => Promise<void>,
): Promise<Record<1 | 2, string>> {
  const out = {} as Record<1 | 2, string>;
  for (const n of [1, 2] as const) {
    const draft = expectStatus(
      await w.moderator.client.post(`/spaces/${w.spaces[n]}/digests`, {
        periodStart: w.periodStart,
        periodEnd: w.periodEnd,
      }),
      201,
      `draft digest ${n}`,
    ).body;
    if (mark) await mark(draft, w.moderator.client);
    expectStatus(await w.moderator.client.post(`/digests/${draft.id}/publish`), 200, `publish digest ${n}`);
    out[n] = draft.id;
  }
  return out;
}
