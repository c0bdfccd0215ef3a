import { Client, organiser, registerUser, Reply, TestApi, TestUser } from './test-api';

/**
 * Fails with the status and body of a reply when it is not the expected status, so a red
 * test says what the api answered rather than only "expected 201, got 400".
 */
export function expectStatus<T = any>(res: Reply<T>, status: number, what = ''): Reply<T> {
  if (res.status !== status) {
    throw new Error(`${what ? `${what}: ` : ''}expected HTTP ${status}, got ${res.status} ${JSON.stringify(res.body)}`);
  }
  return res;
}

/** The API's error shape: `{ statusCode, error, message }` (plus an optional code / correlation id), nothing else. */
export function expectErrorShape(res: Reply, status?: number): void {
  const body = res.body;
  if (status !== undefined) expectStatus(res, status);
  expect(body).toEqual(
    expect.objectContaining({ statusCode: res.status, error: expect.any(String), message: expect.anything() }),
  );
  expect(typeof body.message === 'string' || Array.isArray(body.message)).toBe(true);
  for (const key of Object.keys(body))
    expect(['statusCode', 'error', 'message', 'code', 'correlationId']).toContain(key);
}

/** The message of an error reply as one string (validation errors come as a list). */
export function messageOf(res: Reply): string {
  const message = res.body?.message;
  return Array.isArray(message) ? message.join('; ') : String(message ?? '');
}

let numbers = 0;
/** Roundtable and space numbers are unique per parent; a process-wide counter keeps them apart. */
export function nextNumber(): number {
  numbers += 1;
  return numbers;
}

export async function createConsultation(org: Client, title = 'Consultation on coastal resilience'): Promise<any> {
  return expectStatus(
    await org.post('/consultations', {
      title: { en: title, fr: `Consultation : ${title}` },
      timezone: 'Europe/Zurich',
    }),
    201,
    'create consultation',
  ).body;
}

export async function createRoundtable(
  org: Client,
  consultationId: string,
  extra: Record<string, unknown> = {},
): Promise<any> {
  return expectStatus(
    await org.post(`/consultations/${consultationId}/roundtables`, {
      number: nextNumber(),
      title: { en: 'Financing adaptation' },
      objectives: ['Map what works', 'Agree on three priorities'],
      ...extra,
    }),
    201,
    'create roundtable',
  ).body;
}

export async function createSpace(
  org: Client,
  roundtableId: string,
  extra: Record<string, unknown> = {},
): Promise<any> {
  return expectStatus(
    await org.post(`/roundtables/${roundtableId}/spaces`, {
      number: nextNumber(),
      prompt: { en: 'What should local governments fund first?' },
      moderation: 'post',
      ...extra,
    }),
    201,
    'create space',
  ).body;
}

/**
 * A consultation with two roundtables: roundtable A holds the open space A and a draft
 * space; roundtable B holds space B. Each role of space A is held by its own user.
 */
export interface World {
  organiser: TestUser;
  /** joined space A */
  participant: TestUser;
  /** moderator of space A (a space-level role) */
  moderator: TestUser;
  /** rapporteur of space A (a space-level role) */
  rapporteur: TestUser;
  /** signed in, holds no role anywhere */
  outsider: TestUser;
  consultationId: string;
  roundtableA: string;
  roundtableB: string;
  spaceA: string;
  spaceB: string;
  draftSpace: string;
}

export async function buildWorld(api: TestApi): Promise<World> {
  const org = await organiser(api);
  const [participant, moderator, rapporteur, outsider] = await Promise.all([
    registerUser(api.url, { tag: 'participant', constituency: 'youth' }),
    registerUser(api.url, { tag: 'moderator', constituency: 'academia' }),
    registerUser(api.url, { tag: 'rapporteur', constituency: 'state' }),
    registerUser(api.url, { tag: 'outsider', constituency: 'business' }),
  ]);
  const consultation = await createConsultation(org.client);
  const roundtableA = await createRoundtable(org.client, consultation.id);
  const roundtableB = await createRoundtable(org.client, consultation.id);
  const spaceA = await createSpace(org.client, roundtableA.id);
  const draftSpace = await createSpace(org.client, roundtableA.id, { status: 'draft' });
  const spaceB = await createSpace(org.client, roundtableB.id);

  expectStatus(await participant.client.post(`/spaces/${spaceA.id}/members`), 201, 'participant joins A');
  expectStatus(
    await org.client.put(`/spaces/${spaceA.id}/roles/${moderator.id}`, { role: 'moderator' }),
    200,
    'make moderator',
  );
  expectStatus(
    await org.client.put(`/spaces/${spaceA.id}/roles/${rapporteur.id}`, { role: 'rapporteur' }),
    200,
    'make rapporteur',
  );

  return {
    organiser: org,
    participant,
    moderator,
    rapporteur,
    outsider,
    consultationId: consultation.id,
    roundtableA: roundtableA.id,
    roundtableB: roundtableB.id,
    spaceA: spaceA.id,
    spaceB: spaceB.id,
    draftSpace: draftSpace.id,
  };
}
