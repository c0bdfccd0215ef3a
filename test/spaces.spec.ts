import { randomUUID } from 'node:crypto';
import { Client, organiser, registerUser, startTestApi, TestApi, TestUser } from './support/test-api';
import {
  createConsultation,
  createRoundtable,
  createSpace,
  expectErrorShape,
  expectStatus,
  messageOf,
  nextNumber,
} from './support/world';

describe('consultation structure: consultations, roundtables, spaces, membership and roles', () => {
  let api: TestApi;
  let org: TestUser;
  let member: TestUser;

  beforeAll(async () => {
    api = await startTestApi();
    org = await organiser(api);
    member = await registerUser(api.url, { tag: 'member' });
  });
  afterAll(() => api.close());

  describe('building a consultation', () => {
    it('creates consultation → roundtable with objectives → spaces, and reads them back', async () => {
      const consultation = expectStatus(
        await org.client.post('/consultations', {
          title: { en: 'Ocean cities', fr: 'Villes océaniques', es: 'Ciudades oceánicas' },
          description: { en: 'How coastal cities adapt' },
          timezone: 'America/Bogota',
        }),
        201,
      ).body;
      expect(consultation).toMatchObject({
        title: { en: 'Ocean cities', fr: 'Villes océaniques', es: 'Ciudades oceánicas' },
        timezone: 'America/Bogota',
      });

      const number = nextNumber();
      const roundtable = expectStatus(
        await org.client.post(`/consultations/${consultation.id}/roundtables`, {
          number,
          title: { fr: 'Financer l’adaptation' },
          objectives: ['Map what works', 'Agree on three priorities'],
        }),
        201,
      ).body;
      expect(roundtable).toMatchObject({
        consultationId: consultation.id,
        number,
        objectives: ['Map what works', 'Agree on three priorities'],
      });

      const pre = expectStatus(
        await org.client.post(`/roundtables/${roundtable.id}/spaces`, {
          number: 1,
          prompt: { es: '¿Qué debería financiarse primero?' },
          moderation: 'pre',
          opensAt: '2030-01-01T08:00:00.000Z',
          closesAt: '2030-02-01T08:00:00.000Z',
        }),
        201,
      ).body;
      expect(pre).toMatchObject({
        roundtableId: roundtable.id,
        number: 1,
        moderation: 'pre',
        status: 'open',
        prompt: { es: '¿Qué debería financiarse primero?' },
      });
      expect(pre.opensAt).toBe('2030-01-01T08:00:00.000Z');
      const post = expectStatus(
        await org.client.post(`/roundtables/${roundtable.id}/spaces`, {
          number: 2,
          prompt: { en: 'Who decides?', fr: 'Qui décide ?' },
          moderation: 'post',
        }),
        201,
      ).body;
      expect(post).toMatchObject({ moderation: 'post', prompt: { en: 'Who decides?', fr: 'Qui décide ?' } });

      // the roundtable lists its spaces, in order
      const read = expectStatus(await member.client.get(`/roundtables/${roundtable.id}`), 200).body;
      expect(read).toMatchObject({ id: roundtable.id, objectives: ['Map what works', 'Agree on three priorities'] });
      expect(read.spaces.map((s: any) => [s.id, s.number])).toEqual([
        [pre.id, 1],
        [post.id, 2],
      ]);

      // the consultation lists its roundtables; the list of consultations has it
      const c = expectStatus(await member.client.get(`/consultations/${consultation.id}`), 200).body;
      expect(c.roundtables).toEqual([
        expect.objectContaining({ id: roundtable.id, objectives: roundtable.objectives }),
      ]);
      const list = expectStatus(await member.client.get('/consultations?limit=100'), 200).body;
      expect(list.items.map((x: any) => x.id)).toContain(consultation.id);
      expect(list).toHaveProperty('nextCursor');
    });

    it('pages through consultations with the cursor', async () => {
      const made = [];
      for (let i = 0; i < 3; i += 1) made.push((await createConsultation(org.client, `Paged ${i}`)).id);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: any = expectStatus(
          await member.client.get(`/consultations?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`),
          200,
        ).body;
        expect(page.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.items.map((x: any) => x.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen).toEqual(expect.arrayContaining(made));
      // newest first
      expect(seen.indexOf(made[2])).toBeLessThan(seen.indexOf(made[0]));
    });

    it('accepts a prompt in one language and refuses a space without a prompt, naming the field', async () => {
      const consultation = await createConsultation(org.client);
      const roundtable = await createRoundtable(org.client, consultation.id);
      for (const lang of ['en', 'fr', 'es']) {
        const space = expectStatus(
          await org.client.post(`/roundtables/${roundtable.id}/spaces`, {
            number: nextNumber(),
            prompt: { [lang]: `Prompt in ${lang}` },
            moderation: 'post',
          }),
          201,
        ).body;
        expect(Object.keys(space.prompt)).toEqual([lang]);
      }
      for (const prompt of [undefined, {}, { de: 'Deutsch' }, { en: '' }, 'just a string']) {
        const res = await org.client.post(`/roundtables/${roundtable.id}/spaces`, {
          number: nextNumber(),
          ...(prompt === undefined ? {} : { prompt }),
          moderation: 'post',
        });
        expectErrorShape(res, 400);
        expect(messageOf(res)).toMatch(/prompt/);
      }
    });

    it('refuses a bad moderation mode, bad dates, a duplicate number and a bad time zone with 4xx', async () => {
      const consultation = await createConsultation(org.client);
      const roundtable = await createRoundtable(org.client, consultation.id);
      const path = `/roundtables/${roundtable.id}/spaces`;
      const moderation = await org.client.post(path, {
        number: nextNumber(),
        prompt: { en: 'x' },
        moderation: 'sometimes',
      });
      expectErrorShape(moderation, 400);
      expect(messageOf(moderation)).toMatch(/moderation/);
      expectErrorShape(
        await org.client.post(path, {
          number: nextNumber(),
          prompt: { en: 'x' },
          moderation: 'post',
          opensAt: '2030-02-01T00:00:00Z',
          closesAt: '2030-01-01T00:00:00Z',
        }),
        400,
      );
      expectErrorShape(
        await org.client.post(path, {
          number: nextNumber(),
          prompt: { en: 'x' },
          moderation: 'post',
          opensAt: 'next tuesday',
        }),
        400,
      );
      const n = nextNumber();
      expectStatus(await org.client.post(path, { number: n, prompt: { en: 'x' }, moderation: 'post' }), 201);
      expectErrorShape(await org.client.post(path, { number: n, prompt: { en: 'y' }, moderation: 'post' }), 409);
      const tz = await org.client.post('/consultations', { title: { en: 'x' }, timezone: 'Mars/Olympus_Mons' });
      expectErrorShape(tz, 400);
      expect(messageOf(tz)).toMatch(/timezone/);
      expectErrorShape(
        await org.client.post(`/roundtables/${randomUUID()}/spaces`, {
          number: 1,
          prompt: { en: 'x' },
          moderation: 'post',
        }),
        404,
      );
      expectErrorShape(
        await org.client.post(`/consultations/${randomUUID()}/roundtables`, { number: 1, title: { en: 'x' } }),
        404,
      );
    });
  });

  describe('editing a consultation and a roundtable', () => {
    it('changes only what is given: one language of a title, the timezone, the digest time, the objectives', async () => {
      const consultation = expectStatus(
        await org.client.post('/consultations', {
          title: { en: 'Coastal cities', fr: 'Villes côtières' },
          timezone: 'Europe/Paris',
          digestDay: 5,
          digestHour: 7,
        }),
        201,
      ).body;
      expect(consultation.digestSchedule).toEqual({ day: 5, hour: 7, custom: true });
      const edited = expectStatus(
        await org.client.patch(`/consultations/${consultation.id}`, {
          title: { es: 'Ciudades costeras' },
          timezone: 'America/Lima',
        }),
        200,
      ).body;
      expect(edited).toMatchObject({
        title: { en: 'Coastal cities', fr: 'Villes côtières', es: 'Ciudades costeras' },
        timezone: 'America/Lima',
        digestSchedule: { day: 5, hour: 7, custom: true },
      });
      expect(Date.parse(edited.updatedAt)).toBeGreaterThanOrEqual(Date.parse(consultation.updatedAt));
      expect(expectStatus(await member.client.get(`/consultations/${consultation.id}`), 200).body.title.es).toBe(
        'Ciudades costeras',
      );

      const roundtable = await createRoundtable(org.client, consultation.id);
      const rt = expectStatus(
        await org.client.patch(`/roundtables/${roundtable.id}`, {
          title: { fr: 'Logement' },
          objectives: ['Map what works', 'Agree on three priorities'],
        }),
        200,
      ).body;
      expect(rt.title).toEqual({ ...roundtable.title, fr: 'Logement' });
      expect(rt.objectives).toEqual(['Map what works', 'Agree on three priorities']);
      expect(expectStatus(await member.client.get(`/roundtables/${roundtable.id}`), 200).body.objectives).toEqual(
        rt.objectives,
      );
    });

    it('refuses bad edits with a 4xx and changes nothing', async () => {
      const consultation = await createConsultation(org.client);
      const before = expectStatus(await org.client.get(`/consultations/${consultation.id}`), 200).body;
      for (const bad of [
        { title: {} },
        { title: null },
        { timezone: 'Mars/Olympus_Mons' },
        { digestDay: 9 },
        { digestHour: '8' },
        { description: { en: '' } },
      ]) {
        expectErrorShape(await org.client.patch(`/consultations/${consultation.id}`, bad), 400);
      }
      expectErrorShape(
        await member.client.patch(`/consultations/${consultation.id}`, { title: { en: 'Taken over' } }),
        403,
      );
      expectErrorShape(await org.client.patch(`/consultations/${randomUUID()}`, { title: { en: 'Nowhere' } }), 404);
      const { roundtables: _before, ...unchanged } = before;
      expect(expectStatus(await org.client.get(`/consultations/${consultation.id}`), 200).body).toMatchObject(
        unchanged,
      );

      const first = await createRoundtable(org.client, consultation.id);
      const second = await createRoundtable(org.client, consultation.id);
      expectErrorShape(await org.client.patch(`/roundtables/${second.id}`, { number: first.number }), 409);
      for (const bad of [
        { number: 0 },
        { objectives: 'one' },
        { objectives: [''] },
        { title: { de: 'Runde' } },
        { number: null },
      ]) {
        expectErrorShape(await org.client.patch(`/roundtables/${second.id}`, bad), 400);
      }
      expectErrorShape(await member.client.patch(`/roundtables/${second.id}`, { objectives: [] }), 403);
      expect(expectStatus(await org.client.get(`/roundtables/${second.id}`), 200).body).toMatchObject({
        number: second.number,
        title: second.title,
      });
    });
  });

  describe('joining and roles', () => {
    let roundtableId: string;
    let openSpace: any;
    let draftSpace: any;
    let otherRoundtableDraft: any;

    beforeAll(async () => {
      const consultation = await createConsultation(org.client);
      roundtableId = (await createRoundtable(org.client, consultation.id)).id;
      openSpace = await createSpace(org.client, roundtableId);
      draftSpace = await createSpace(org.client, roundtableId, {
        status: 'draft',
        prompt: { en: 'The unannounced draft question' },
      });
      const other = await createRoundtable(org.client, consultation.id);
      otherRoundtableDraft = await createSpace(org.client, other.id, { status: 'draft' });
    });

    it('lets a signed-in user join an open space as a participant, once', async () => {
      const user = await registerUser(api.url);
      const joined = expectStatus(await user.client.post(`/spaces/${openSpace.id}/members`), 201).body;
      expect(joined).toMatchObject({ spaceId: openSpace.id, userId: user.id, role: 'participant' });
      const again = expectStatus(await user.client.post(`/spaces/${openSpace.id}/members`), 201).body;
      expect(again).toMatchObject({ role: 'participant', joinedAt: joined.joinedAt });
      expect(expectStatus(await user.client.get(`/spaces/${openSpace.id}`), 200).body.myRole).toBe('participant');
    });

    it('keeps a moderator a moderator when they join again', async () => {
      const user = await registerUser(api.url);
      expectStatus(await org.client.put(`/spaces/${openSpace.id}/roles/${user.id}`, { role: 'moderator' }), 200);
      expect(expectStatus(await user.client.post(`/spaces/${openSpace.id}/members`), 201).body.role).toBe('moderator');
    });

    it('hides a draft space from participants and shows it to the organiser', async () => {
      const user = await registerUser(api.url);
      expectErrorShape(await user.client.get(`/spaces/${draftSpace.id}`), 404);
      expectErrorShape(await user.client.post(`/spaces/${draftSpace.id}/members`), 404);
      const listed = expectStatus(await user.client.get(`/roundtables/${roundtableId}`), 200).body;
      expect(listed.spaces.map((s: any) => s.id)).not.toContain(draftSpace.id);
      expect(JSON.stringify(listed)).not.toContain('unannounced draft');

      expect(expectStatus(await org.client.get(`/spaces/${draftSpace.id}`), 200).body).toMatchObject({
        id: draftSpace.id,
        status: 'draft',
      });
      const asOrganiser = expectStatus(await org.client.get(`/roundtables/${roundtableId}`), 200).body;
      expect(asOrganiser.spaces.map((s: any) => s.id)).toContain(draftSpace.id);
    });

    it('gives a space-level role: a space moderator sees that draft space, and only that one', async () => {
      const user = await registerUser(api.url);
      const assigned = expectStatus(
        await org.client.put(`/spaces/${draftSpace.id}/roles/${user.id}`, { role: 'moderator' }),
        200,
      ).body;
      expect(assigned).toMatchObject({ spaceId: draftSpace.id, userId: user.id, role: 'moderator' });
      expect(expectStatus(await user.client.get(`/spaces/${draftSpace.id}`), 200).body).toMatchObject({
        status: 'draft',
        myRole: 'moderator',
      });
      expectErrorShape(await user.client.get(`/spaces/${otherRoundtableDraft.id}`), 404);

      // changing the role back to participant takes the draft away again
      expectStatus(await org.client.put(`/spaces/${draftSpace.id}/roles/${user.id}`, { role: 'participant' }), 200);
      expectErrorShape(await user.client.get(`/spaces/${draftSpace.id}`), 404);
    });

    it('gives a roundtable-level role that covers every space of that roundtable, and removes it with none', async () => {
      const user = await registerUser(api.url);
      expectErrorShape(await user.client.get(`/spaces/${draftSpace.id}`), 404);

      expectStatus(await org.client.put(`/roundtables/${roundtableId}/roles/${user.id}`, { role: 'moderator' }), 204);
      const space = expectStatus(await user.client.get(`/spaces/${draftSpace.id}`), 200).body;
      expect(space).toMatchObject({ id: draftSpace.id, status: 'draft', myRole: 'moderator' });
      expect(expectStatus(await user.client.get(`/spaces/${openSpace.id}`), 200).body.myRole).toBe('moderator');
      const roundtable = expectStatus(await user.client.get(`/roundtables/${roundtableId}`), 200).body;
      expect(roundtable.myRole).toBe('moderator');
      expect(roundtable.spaces.map((s: any) => s.id)).toContain(draftSpace.id);
      // not another roundtable's drafts
      expectErrorShape(await user.client.get(`/spaces/${otherRoundtableDraft.id}`), 404);

      expectStatus(await org.client.put(`/roundtables/${roundtableId}/roles/${user.id}`, { role: 'rapporteur' }), 204);
      expect(expectStatus(await user.client.get(`/spaces/${draftSpace.id}`), 200).body.myRole).toBe('rapporteur');

      expectStatus(await org.client.put(`/roundtables/${roundtableId}/roles/${user.id}`, { role: 'none' }), 204);
      expectErrorShape(await user.client.get(`/spaces/${draftSpace.id}`), 404);
      expect(expectStatus(await user.client.get(`/roundtables/${roundtableId}`), 200).body.myRole).toBeNull();
    });

    it('refuses bad role assignments', async () => {
      const user = await registerUser(api.url);
      const bad = await org.client.put(`/spaces/${openSpace.id}/roles/${user.id}`, { role: 'king' });
      expectErrorShape(bad, 400);
      expect(messageOf(bad)).toMatch(/role/);
      expectErrorShape(
        await org.client.put(`/roundtables/${roundtableId}/roles/${user.id}`, { role: 'participant' }),
        400,
      );
      expectErrorShape(
        await org.client.put(`/spaces/${openSpace.id}/roles/${randomUUID()}`, { role: 'moderator' }),
        404,
      );
      expectErrorShape(
        await org.client.put(`/roundtables/${roundtableId}/roles/${randomUUID()}`, { role: 'moderator' }),
        404,
      );
      expectErrorShape(await org.client.put(`/spaces/${randomUUID()}/roles/${user.id}`, { role: 'moderator' }), 404);
      // nobody but an organiser hands out roles, not even to themselves
      expectErrorShape(await user.client.put(`/spaces/${openSpace.id}/roles/${user.id}`, { role: 'moderator' }), 403);
      expectErrorShape(
        await user.client.put(`/roundtables/${roundtableId}/roles/${user.id}`, { role: 'moderator' }),
        403,
      );
    });
  });

  describe('status transitions', () => {
    let roundtableId: string;
    beforeAll(async () => {
      roundtableId = (await createRoundtable(org.client, (await createConsultation(org.client)).id)).id;
    });
    const setStatus = (spaceId: string, status: string) => org.client.patch(`/spaces/${spaceId}`, { status });

    it('goes open → closed → open → archived', async () => {
      const space = await createSpace(org.client, roundtableId);
      expect(space.status).toBe('open');
      for (const status of ['closed', 'open', 'archived']) {
        expect(expectStatus(await setStatus(space.id, status), 200, `→ ${status}`).body.status).toBe(status);
        expect((await org.client.get(`/spaces/${space.id}`)).body.status).toBe(status);
      }
    });

    it('goes draft → open, and the space becomes visible to everyone', async () => {
      const space = await createSpace(org.client, roundtableId, { status: 'draft' });
      expectErrorShape(await member.client.get(`/spaces/${space.id}`), 404);
      expectStatus(await setStatus(space.id, 'open'), 200);
      expectStatus(await member.client.get(`/spaces/${space.id}`), 200);
    });

    it('refuses archived → open with 409 and a message, and leaves the space archived', async () => {
      const space = await createSpace(org.client, roundtableId);
      expectStatus(await setStatus(space.id, 'archived'), 200);
      for (const status of ['open', 'closed', 'draft']) {
        const res = await setStatus(space.id, status);
        expectErrorShape(res, status === 'draft' ? res.status : 409);
        expect([400, 409]).toContain(res.status); // draft is not even a status PATCH accepts
        if (res.status === 409) expect(messageOf(res)).toMatch(/archived/);
      }
      expect((await org.client.get(`/spaces/${space.id}`)).body.status).toBe('archived');
      // nobody joins an archived space
      expectErrorShape(await member.client.post(`/spaces/${space.id}/members`), 409);
    });

    it('refuses open → draft with 409 or 400, never 2xx', async () => {
      const space = await createSpace(org.client, roundtableId);
      const res = await setStatus(space.id, 'draft');
      expect([400, 409]).toContain(res.status);
      expectErrorShape(res);
    });

    it('refuses an unknown status with 400 naming the field', async () => {
      const space = await createSpace(org.client, roundtableId);
      for (const status of ['paused', '', 42, null]) {
        const res = await setStatus(space.id, status as string);
        expectErrorShape(res, 400);
        expect(messageOf(res)).toMatch(/status/);
      }
      expect((await org.client.get(`/spaces/${space.id}`)).body.status).toBe('open');
    });

    it('refuses null for the fields a space cannot do without', async () => {
      const space = await createSpace(org.client, roundtableId);
      for (const field of ['number', 'prompt', 'moderation', 'status']) {
        const res = await org.client.patch(`/spaces/${space.id}`, { [field]: null });
        expectErrorShape(res, 400);
        expect(messageOf(res)).toContain(field);
      }
      expect((await org.client.get(`/spaces/${space.id}`)).body).toMatchObject({
        number: space.number,
        status: 'open',
        moderation: 'post',
      });
    });

    it('lets the organiser change prompt, moderation and dates, keeping untouched languages', async () => {
      const space = await createSpace(org.client, roundtableId, { prompt: { en: 'Original', fr: 'Originale' } });
      const res = expectStatus(
        await org.client.patch(`/spaces/${space.id}`, {
          prompt: { es: 'Original (es)', en: 'Revised' },
          moderation: 'pre',
          closesAt: '2031-01-01T00:00:00.000Z',
        }),
        200,
      ).body;
      expect(res).toMatchObject({
        prompt: { en: 'Revised', fr: 'Originale', es: 'Original (es)' },
        moderation: 'pre',
        closesAt: '2031-01-01T00:00:00.000Z',
      });
    });

    it('lets only organisers change a space', async () => {
      const space = await createSpace(org.client, roundtableId);
      const moderator = await registerUser(api.url);
      expectStatus(await org.client.put(`/spaces/${space.id}/roles/${moderator.id}`, { role: 'moderator' }), 200);
      expectErrorShape(await moderator.client.patch(`/spaces/${space.id}`, { status: 'closed' }), 403);
      expectErrorShape(await member.client.patch(`/spaces/${space.id}`, { status: 'closed' }), 403);
      expectErrorShape(await new Client(api.url).patch(`/spaces/${space.id}`, { status: 'closed' }), 401);
      expect((await org.client.get(`/spaces/${space.id}`)).body.status).toBe('open');
    });
  });
});
