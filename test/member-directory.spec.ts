import { randomBytes } from 'node:crypto';
import { Client, registerUser, startTestApi, TestApi, TestUser } from './support/test-api';
import { buildWorld, expectErrorShape, expectStatus, World } from './support/world';

/**
 * The member directory of a space (its moderators and organisers look people up by name or
 * organisation, without emails) and the organisers' account search (any account, by name,
 * organisation or email, to give it a role). Searches ignore case and accents.
 *
 * Other specs write to the same database at the same time: every name here carries this
 * run's tag, and account searches include it.
 */
describe('member directory and account search', () => {
  const tag = `x${randomBytes(3).toString('hex')}`;
  let api: TestApi;
  let w: World;
  let maria: TestUser; // participant of space A, accented name
  let chloe: TestUser; // participant of space A, accented organisation
  let omar: TestUser; // joined space A, and moderates roundtable A
  let rita: TestUser; // roundtable A rapporteur who never joined space A
  let quiet: TestUser; // joined space A, will be suspended
  let elsewhere: TestUser; // member of space B only
  const everyone: TestUser[] = [];

  const members = (by: Client, query = '') => by.get(`/spaces/${w.spaceA}/members${query ? `?${query}` : ''}`);
  const names = (res: { body: any }) => res.body.items.map((m: any) => m.displayName);

  beforeAll(async () => {
    api = await startTestApi({ REGISTRATIONS_PER_HOUR: '100000', MODERATION_ACTIONS_PER_MINUTE: '100000' });
    w = await buildWorld(api);
    [maria, chloe, omar, rita, quiet, elsewhere] = await Promise.all([
      registerUser(api.url, {
        tag: 'maria',
        displayName: `María García López ${tag}`,
        organisation: 'Red de Ciudades',
        constituency: 'local_government',
        country: 'ES',
      }),
      registerUser(api.url, {
        tag: 'chloe',
        displayName: `Chloé Martin ${tag}`,
        organisation: `Côte d'Azur Migrants ${tag}`,
        constituency: 'civil_society',
        country: 'FR',
      }),
      registerUser(api.url, {
        tag: 'omar',
        displayName: `Omar Haddad ${tag}`,
        organisation: 'IOM',
        constituency: 'international_organisation',
      }),
      registerUser(api.url, { tag: 'rita', displayName: `Rita Rapporteur ${tag}`, constituency: 'academia' }),
      registerUser(api.url, { tag: 'quiet', displayName: `Quentin Quiet ${tag}`, constituency: 'youth' }),
      registerUser(api.url, { tag: 'elsewhere', displayName: `Elsa Elsewhere ${tag}`, constituency: 'business' }),
    ]);
    everyone.push(maria, chloe, omar, rita, quiet, elsewhere);
    for (const u of [maria, chloe, omar, quiet])
      expectStatus(await u.client.post(`/spaces/${w.spaceA}/members`), 201, 'join A');
    expectStatus(await elsewhere.client.post(`/spaces/${w.spaceB}/members`), 201, 'join B');
    expectStatus(
      await w.organiser.client.put(`/roundtables/${w.roundtableA}/roles/${omar.id}`, { role: 'moderator' }),
      204,
      'roundtable moderator',
    );
    expectStatus(
      await w.organiser.client.put(`/roundtables/${w.roundtableA}/roles/${rita.id}`, { role: 'rapporteur' }),
      204,
      'roundtable rapporteur',
    );
  });
  afterAll(() => api?.close());

  it('lists the members and roundtable staff of a space in name order, with the role held here, and never an email', async () => {
    const res = expectStatus(await members(w.moderator.client, 'limit=100'), 200);
    const byId = new Map(res.body.items.map((m: any) => [m.userId, m]));
    expect(res.body.nextCursor).toBeNull();
    // joined members, space-level staff, and roundtable staff who never joined; not space B's members
    for (const u of [w.participant, w.moderator, w.rapporteur, maria, chloe, omar, rita, quiet])
      expect(byId.has(u.id)).toBe(true);
    expect(byId.has(elsewhere.id)).toBe(false);
    expect(byId.has(w.outsider.id)).toBe(false);
    expect(byId.get(maria.id)).toEqual({
      userId: maria.id,
      displayName: `María García López ${tag}`,
      organisation: 'Red de Ciudades',
      constituency: 'local_government',
      country: 'ES',
      role: 'participant',
      joinedAt: expect.any(String),
      suspendedUntil: null,
    });
    // omar joined as a participant and moderates the whole roundtable: the stronger role shows
    expect(byId.get(omar.id)).toEqual(expect.objectContaining({ role: 'moderator', joinedAt: expect.any(String) }));
    expect(byId.get(rita.id)).toEqual(expect.objectContaining({ role: 'rapporteur', joinedAt: null }));
    expect(byId.get(w.moderator.id)).toEqual(expect.objectContaining({ role: 'moderator' }));
    const json = JSON.stringify(res.body);
    for (const u of [...everyone, w.participant, w.moderator, w.rapporteur]) expect(json).not.toContain(u.email);
    expect(json).not.toMatch(/"email"/);
    // name order, ignoring accents
    const ours = res.body.items
      .filter((m: any) => m.displayName.endsWith(tag))
      .map((m: any) => m.displayName.split(' ')[0]);
    expect(ours).toEqual(['Chloé', 'María', 'Omar', 'Quentin', 'Rita']);
  });

  it('finds members by any part of their name or organisation, whatever the case and accents, each word anywhere', async () => {
    expect(names(expectStatus(await members(w.moderator.client, `q=garcia`), 200))).toEqual([
      `María García López ${tag}`,
    ]);
    expect(names(expectStatus(await members(w.moderator.client, `q=${encodeURIComponent('GARCÍA')}`), 200))).toEqual([
      `María García López ${tag}`,
    ]);
    expect(
      names(expectStatus(await members(w.moderator.client, `q=${encodeURIComponent('lopez maria')}`), 200)),
    ).toEqual([`María García López ${tag}`]);
    expect(
      names(expectStatus(await members(w.moderator.client, `q=${encodeURIComponent("cote d'azur")}`), 200)),
    ).toEqual([`Chloé Martin ${tag}`]);
    expect(names(expectStatus(await members(w.moderator.client, `q=chloe`), 200))).toEqual([`Chloé Martin ${tag}`]);
    // a word that matches nobody here; wildcards are taken literally
    expect(
      expectStatus(await members(w.moderator.client, `q=${encodeURIComponent('garcia zzz')}`), 200).body.items,
    ).toEqual([]);
    expect(expectStatus(await members(w.moderator.client, `q=${encodeURIComponent('%')}`), 200).body.items).toEqual([]);
    expect(expectStatus(await members(w.moderator.client, `q=${encodeURIComponent('_')}`), 200).body.items).toEqual([]);
    // a member of another space is not found here
    expect(expectStatus(await members(w.moderator.client, `q=elsewhere`), 200).body.items).toEqual([]);
  });

  it('filters by role and pages with a cursor, each member once', async () => {
    const moderators = expectStatus(await members(w.organiser.client, `role=moderator&q=${tag}`), 200).body.items;
    expect(moderators.map((m: any) => m.userId)).toEqual([omar.id]);
    const all = expectStatus(await members(w.moderator.client, 'limit=100'), 200).body.items.map((m: any) => m.userId);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = `limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page: any = expectStatus(await members(w.moderator.client, query), 200).body;
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((m: any) => m.userId));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 50);
    expect(seen).toEqual(all);
    expect(pages).toBe(Math.ceil(all.length / 2));
  });

  it('shows a running suspension, of the space or of the whole consultation, with its end', async () => {
    const until = new Date(Date.now() + 3600_000).toISOString();
    expectStatus(
      await w.moderator.client.post(`/spaces/${w.spaceA}/suspensions`, {
        userId: quiet.id,
        until,
        reason: 'Cooling off',
      }),
      201,
      'suspend',
    );
    const [row] = expectStatus(await members(w.moderator.client, `q=${encodeURIComponent(`quentin ${tag}`)}`), 200).body
      .items;
    expect(row).toEqual(expect.objectContaining({ userId: quiet.id, suspendedUntil: until }));
    const later = new Date(Date.now() + 7200_000).toISOString();
    expectStatus(
      await w.organiser.client.post(`/spaces/${w.spaceB}/suspensions`, {
        userId: chloe.id,
        until: later,
        reason: 'Everywhere',
        scope: 'consultation',
      }),
      201,
      'consultation-wide suspension issued from space B',
    );
    const [c] = expectStatus(await members(w.moderator.client, `q=${encodeURIComponent(`chloe ${tag}`)}`), 200).body
      .items;
    expect(c.suspendedUntil).toBe(later);
    const [m] = expectStatus(await members(w.moderator.client, `q=${encodeURIComponent(`maria ${tag}`)}`), 200).body
      .items;
    expect(m.suspendedUntil).toBeNull();
  });

  it('is for the moderators of the space and organisers only', async () => {
    expectErrorShape(await members(new Client(api.url)), 401);
    for (const who of [w.participant, w.rapporteur, w.outsider, rita, maria]) {
      const res = await members(who.client);
      expectErrorShape(res, 403);
      expect(JSON.stringify(res.body)).not.toContain(tag);
    }
    // the moderator of space A is nobody in space B
    expectErrorShape(await w.moderator.client.get(`/spaces/${w.spaceB}/members`), 403);
    // omar moderates the whole roundtable A, so space A too
    expectStatus(await members(omar.client), 200);
    expectStatus(await members(w.organiser.client), 200);
    expectErrorShape(await w.organiser.client.get(`/spaces/00000000-0000-4000-8000-000000000000/members`), 404);
  });

  it('answers bad searches with 400', async () => {
    for (const query of [
      `q=${encodeURIComponent('a\u0000b')}`,
      `q=${'a'.repeat(101)}`,
      'role=boss',
      'cursor=not-a-cursor',
      `cursor=${Buffer.from('["a"]').toString('base64url')}`,
      'limit=0',
      'limit=101',
      'q=a&q=b',
    ]) {
      expectErrorShape(await members(w.moderator.client, query), 400);
      expectErrorShape(await w.organiser.client.get(`/users?${query.replace('role=boss', 'limit=-1')}`), 400);
    }
  });

  describe('GET /users (organisers)', () => {
    const users = (by: Client, query: string) => by.get(`/users?${query}`);

    it('finds any account that can sign in by name, organisation or email, with its email', async () => {
      const found = expectStatus(await users(w.organiser.client, `q=${encodeURIComponent(`garcia ${tag}`)}`), 200).body;
      expect(found.items).toEqual([
        {
          userId: maria.id,
          displayName: `María García López ${tag}`,
          email: maria.email,
          organisation: 'Red de Ciudades',
          constituency: 'local_government',
          country: 'ES',
          isOrganiser: false,
          createdAt: expect.any(String),
        },
      ]);
      // a member of no space at all is found too (roles are given to anyone)
      expect(
        expectStatus(await users(w.organiser.client, `q=${encodeURIComponent(`elsa ${tag}`)}`), 200).body.items.map(
          (u: any) => u.userId,
        ),
      ).toEqual([elsewhere.id]);
      expect(
        expectStatus(await users(w.organiser.client, `q=${encodeURIComponent(`COTE ${tag}`)}`), 200).body.items.map(
          (u: any) => u.userId,
        ),
      ).toEqual([chloe.id]);
      // by a part of the email address
      const local = rita.email.split('@')[0];
      expect(
        expectStatus(
          await users(w.organiser.client, `q=${encodeURIComponent(local.toUpperCase())}`),
          200,
        ).body.items.map((u: any) => u.userId),
      ).toEqual([rita.id]);
    });

    it('pages in name order and leaves out deleted accounts', async () => {
      const all = expectStatus(await users(w.organiser.client, `q=${tag}&limit=100`), 200).body.items;
      expect(all.map((u: any) => u.userId).sort()).toEqual(everyone.map((u) => u.id).sort());
      const first = expectStatus(await users(w.organiser.client, `q=${tag}&limit=4`), 200).body;
      const second = expectStatus(
        await users(w.organiser.client, `q=${tag}&limit=4&cursor=${encodeURIComponent(first.nextCursor)}`),
        200,
      ).body;
      expect([...first.items, ...second.items].map((u: any) => u.userId)).toEqual(all.map((u: any) => u.userId));
      expect(second.nextCursor).toBeNull();

      const gone = await registerUser(api.url, { tag: 'gone', displayName: `Gone Soon ${tag}`, constituency: 'other' });
      expect(
        expectStatus(await users(w.organiser.client, `q=${encodeURIComponent(`gone soon ${tag}`)}`), 200).body.items,
      ).toHaveLength(1);
      expectStatus(await gone.client.request('DELETE', '/me', { password: gone.password }), 200, 'delete account');
      expect(
        expectStatus(await users(w.organiser.client, `q=${tag}&limit=100`), 200).body.items.map((u: any) => u.userId),
      ).not.toContain(gone.id);
    });

    it('is for organisers only', async () => {
      expectErrorShape(await users(new Client(api.url), 'q=a'), 401);
      for (const who of [w.participant, w.moderator, w.rapporteur, omar]) {
        const res = await users(who.client, `q=${tag}`);
        expectErrorShape(res, 403);
        expect(JSON.stringify(res.body)).not.toContain(tag);
      }
    });
  });
});
