import { DataSource } from 'typeorm';
import { Client, eventually, organiser, registerUser, startTestApi, TestApi, TestUser } from './support/test-api';
import { createConsultation, createRoundtable, createSpace, expectStatus, messageOf } from './support/world';

/**
 * Contributions as members see them through the HTTP API: posting, threads at any depth,
 * pagination, edits with history, soft deletes, closed and pre-moderated spaces, and the
 * per-space event log. Posting limits are raised here (rate limits have their own spec).
 */
describe('contributions', () => {
  let api: TestApi;
  let org: TestUser;
  let alice: TestUser;
  let bob: TestUser;
  let carol: TestUser;
  let moderator: TestUser;
  let roundtableId: string;

  /** A fresh open space that alice, bob and carol joined and `moderator` moderates. */
  async function space(extra: Record<string, unknown> = {}): Promise<string> {
    const s = await createSpace(org.client, roundtableId, extra);
    await Promise.all(
      [alice, bob, carol].map(async (u) => expectStatus(await u.client.post(`/spaces/${s.id}/members`), 201, 'join')),
    );
    expectStatus(
      await org.client.put(`/spaces/${s.id}/roles/${moderator.id}`, { role: 'moderator' }),
      200,
      'make moderator',
    );
    return s.id;
  }

  async function post(
    user: TestUser,
    spaceId: string,
    body: string,
    extra: Record<string, unknown> = {},
  ): Promise<any> {
    return expectStatus(
      await user.client.post(`/spaces/${spaceId}/contributions`, { body, ...extra }),
      201,
      `post "${body.slice(0, 30)}"`,
    ).body;
  }

  /** Every contribution of the space as `client` lists it, following nextCursor. */
  async function listAll(
    client: Client,
    spaceId: string,
    sort: string,
    limit = 50,
  ): Promise<{ items: any[]; pages: number }> {
    const items: any[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const qs: string = `sort=${sort}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page: any = expectStatus(
        await client.get(`/spaces/${spaceId}/contributions?${qs}`),
        200,
        `list ${qs}`,
      ).body;
      expect(page.items.length).toBeLessThanOrEqual(limit);
      items.push(...page.items);
      cursor = page.nextCursor;
      pages += 1;
      if (pages > 1000) throw new Error('pagination does not end');
    } while (cursor);
    return { items, pages };
  }

  /** The listing as `client` sees it, once it contains every id (listings are cached for a few ms). */
  async function listingWith(client: Client, spaceId: string, ids: string[]): Promise<any[]> {
    return eventually(
      async () => {
        const { items } = await listAll(client, spaceId, 'oldest', 100);
        return ids.every((id) => items.some((c) => c.id === id)) && items;
      },
      5000,
      `the listing of ${spaceId} to contain ${ids.length} contributions`,
    );
  }

  beforeAll(async () => {
    api = await startTestApi({ POSTS_PER_MINUTE: '100000', POST_MIN_INTERVAL_MS: '0' });
    org = await organiser(api);
    [alice, bob, carol, moderator] = await Promise.all([
      registerUser(api.url, {
        tag: 'alice',
        displayName: 'Alice Achebe',
        organisation: 'Coastal Cities Network',
        constituency: 'local_government',
        country: 'NG',
      }),
      registerUser(api.url, {
        tag: 'bob',
        displayName: 'Bob Barros',
        organisation: 'Youth for Oceans',
        constituency: 'youth',
        country: 'BR',
      }),
      registerUser(api.url, { tag: 'carol', displayName: 'Carol Chen', constituency: 'academia' }),
      registerUser(api.url, { tag: 'mod', displayName: 'Moe Derator', constituency: 'other' }),
    ]);
    const consultation = await createConsultation(org.client);
    roundtableId = (await createRoundtable(org.client, consultation.id)).id;
  });
  afterAll(() => api?.close());

  it('posts a contribution: 201 with the contract fields and the author shown with their profile', async () => {
    const spaceId = await space();
    const res = expectStatus(
      await alice.client.post(`/spaces/${spaceId}/contributions`, { body: 'Fund **drainage** first.', language: 'en' }),
      201,
    );
    const c = res.body;
    expect(c).toEqual(
      expect.objectContaining({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        spaceId,
        parentId: null,
        authorId: alice.id,
        body: 'Fund **drainage** first.',
        language: 'en',
        status: 'published',
        seq: 1,
        createdAt: expect.any(String),
      }),
    );
    expect(new Date(c.createdAt).toISOString()).toBe(c.createdAt);
    expect(c.bodyHtml).toBe('<p>Fund <strong>drainage</strong> first.</p>');
    expect(c.author).toEqual(
      expect.objectContaining({
        displayName: 'Alice Achebe',
        organisation: 'Coastal Cities Network',
        constituency: 'local_government',
        country: 'NG',
      }),
    );

    // read back, one and in the listing, with the same author details
    const one = expectStatus(await bob.client.get(`/contributions/${c.id}`), 200).body;
    expect(one).toEqual(
      expect.objectContaining({ id: c.id, body: c.body, bodyHtml: c.bodyHtml, seq: 1, authorId: alice.id, version: 1 }),
    );
    expect(one.author).toEqual(c.author);
    const [listed] = await listingWith(bob.client, spaceId, [c.id]);
    expect(listed.author).toEqual(
      expect.objectContaining({
        displayName: 'Alice Achebe',
        organisation: 'Coastal Cities Network',
        constituency: 'local_government',
        country: 'NG',
      }),
    );

    // language may be left out (detected later) but not invented
    const undeclared = await post(bob, spaceId, 'Sans langue déclarée');
    expect(undeclared.language).toBeNull();
    const bad = await bob.client.post(`/spaces/${spaceId}/contributions`, { body: 'x', language: 'de' });
    expect(bad.status).toBe(400);
  });

  it('keeps the parent chain of a reply to a reply to a reply, with reply counts', async () => {
    const spaceId = await space();
    const root = await post(alice, spaceId, 'Root: what should be funded first?');
    const r1 = await post(bob, spaceId, 'Reply 1 to root', { parentId: root.id });
    const r2 = await post(carol, spaceId, 'Reply 2 to reply 1', { parentId: r1.id });
    const r3 = await post(alice, spaceId, 'Reply 3 to reply 2', { parentId: r2.id });
    const sibling = await post(carol, spaceId, 'Another reply to root', { parentId: root.id });
    expect([r1.parentId, r2.parentId, r3.parentId]).toEqual([root.id, r1.id, r2.id]);

    const items = await eventually(
      async () => {
        const listed = await listingWith(carol.client, spaceId, [root.id, r1.id, r2.id, r3.id, sibling.id]);
        const byId = new Map(listed.map((c: any) => [c.id, c]));
        // reply counts settle with the same commit as the reply; the cached page refreshes shortly after
        return byId.get(root.id).replyCount === 2 && byId.get(r1.id).replyCount === 1 && listed;
      },
      5000,
      'reply counts in the listing',
    );
    const byId = new Map(items.map((c: any) => [c.id, c]));

    // walking up from the deepest reply gives the whole chain
    const chain: string[] = [];
    for (let c: any = byId.get(r3.id); c; c = c.parentId ? byId.get(c.parentId) : undefined) chain.push(c.id);
    expect(chain).toEqual([r3.id, r2.id, r1.id, root.id]);
    for (const id of [r1.id, r2.id, r3.id, sibling.id]) expect(byId.get(id).rootId).toBe(root.id);
    expect(byId.get(root.id).parentId).toBeNull();
    expect(byId.get(root.id).rootId).toBe(root.id);

    // reply counts are direct replies
    expect(byId.get(root.id).replyCount).toBe(2);
    expect(byId.get(r1.id).replyCount).toBe(1);
    expect(byId.get(r2.id).replyCount).toBe(1);
    expect(byId.get(r3.id).replyCount).toBe(0);
    expect(byId.get(sibling.id).replyCount).toBe(0);
    expect(expectStatus(await bob.client.get(`/contributions/${r2.id}`), 200).body.replyCount).toBe(1);
  });

  it('pages through 500 contributions 50 at a time, each exactly once, oldest and newest first', async () => {
    const spaceId = await space();
    const authors = [alice, bob, carol, moderator, org];
    const posted: any[] = [];
    // five authors post 100 each, concurrently
    await Promise.all(
      authors.map(async (author, a) => {
        for (let i = 0; i < 100; i += 1) posted.push(await post(author, spaceId, `Contribution ${a}-${i}`));
      }),
    );
    const postedIds = posted.map((c) => c.id).sort();
    expect(new Set(postedIds).size).toBe(500);

    for (const sort of ['oldest', 'newest']) {
      const { items, pages } = await listAll(bob.client, spaceId, sort, 50);
      expect(pages).toBe(10);
      const ids = items.map((c) => c.id);
      expect(new Set(ids).size).toBe(ids.length); // no duplicates
      expect([...ids].sort()).toEqual(postedIds); // none missing
      const times = items.map((c) => Date.parse(c.createdAt));
      const ordered = [...times].sort((x, y) => (sort === 'oldest' ? x - y : y - x));
      expect(times).toEqual(ordered);
    }
    // a moderator's listing (not cached) pages the same way
    const { items: modItems } = await listAll(moderator.client, spaceId, 'oldest', 50);
    expect(modItems.map((c) => c.id).sort()).toEqual(postedIds);
    // a page of a bad size is refused, not a 500
    expect((await bob.client.get(`/spaces/${spaceId}/contributions?limit=0`)).status).toBe(400);
    expect((await bob.client.get(`/spaces/${spaceId}/contributions?cursor=not-a-cursor`)).status).toBe(400);
  });

  it('answers a page asked again with its ETag by 304 and no body, until something on it changes', async () => {
    const spaceId = await space();
    const first = await post(alice, spaceId, 'A page worth asking twice');
    const path = `/spaces/${spaceId}/contributions?limit=50`;
    const page = await eventually(
      async () => {
        const r = await bob.client.get(path);
        return r.status === 200 && r.body.items.some((c: any) => c.id === first.id) ? r : undefined;
      },
      5000,
      'the page with the first post',
    );
    const etag = page.headers.get('etag');
    expect(etag).toMatch(/^W\/".+"$/);
    expect(page.headers.get('cache-control')).toBe('private, no-cache');

    const unchanged = await bob.client.request('GET', path, undefined, { 'if-none-match': etag! });
    expect(unchanged.status).toBe(304);
    expect(unchanged.body).toBeUndefined();
    expect(unchanged.headers.get('etag')).toBe(etag);

    const second = await post(carol, spaceId, 'Something new on the page');
    const changed = await eventually(
      async () => {
        const r = await bob.client.request('GET', path, undefined, { 'if-none-match': etag! });
        return r.status === 200 ? r : undefined;
      },
      5000,
      'the page to change',
    );
    expect(changed.body.items.map((c: any) => c.id)).toEqual([first.id, second.id]);
    expect(changed.headers.get('etag')).not.toBe(etag);
  });

  it('lets the author edit: version goes up, the previous text is kept in the history; others get 403', async () => {
    const spaceId = await space();
    const c = await post(alice, spaceId, 'First draft');
    const edited = expectStatus(
      await alice.client.patch(`/contributions/${c.id}`, { body: 'Second *draft*' }),
      200,
    ).body;
    expect(edited).toEqual(
      expect.objectContaining({
        id: c.id,
        body: 'Second *draft*',
        bodyHtml: '<p>Second <em>draft</em></p>',
        version: 2,
      }),
    );
    expect(edited.editedAt).toEqual(expect.any(String));
    const again = expectStatus(await alice.client.patch(`/contributions/${c.id}`, { body: 'Final text' }), 200).body;
    expect(again.version).toBe(3);

    const history = expectStatus(await alice.client.get(`/contributions/${c.id}/history`), 200).body;
    expect(history.map((h: any) => [h.version, h.body])).toEqual([
      [2, 'Second *draft*'],
      [1, 'First draft'],
    ]);
    expect(expectStatus(await bob.client.get(`/contributions/${c.id}`), 200).body).toEqual(
      expect.objectContaining({ body: 'Final text', version: 3 }),
    );

    const denied = await bob.client.patch(`/contributions/${c.id}`, { body: 'Hijacked' });
    expect(denied.status).toBe(403);
    expect(messageOf(denied)).toMatch(/author/i);
    expect((await bob.client.get(`/contributions/${c.id}/history`)).status).toBe(403);
    // a moderator may read the history but not rewrite the text
    expect(expectStatus(await moderator.client.get(`/contributions/${c.id}/history`), 200).body).toHaveLength(2);
    expect((await moderator.client.patch(`/contributions/${c.id}`, { body: 'Moderated words' })).status).toBe(403);
    expect(expectStatus(await bob.client.get(`/contributions/${c.id}`), 200).body.body).toBe('Final text');

    // the edit is an event in the space's log
    const events = expectStatus(await bob.client.get(`/spaces/${spaceId}/events?afterSeq=0`), 200).body;
    expect(events.items.map((e: any) => e.type)).toEqual([
      'contribution.published',
      'contribution.updated',
      'contribution.updated',
    ]);
  });

  it('soft deletes: the author’s text goes, replies stay; a moderator may delete anyone’s; others may not', async () => {
    const spaceId = await space();
    const parent = await post(alice, spaceId, 'Text I will regret');
    const reply = await post(bob, spaceId, 'A reply that stays', { parentId: parent.id });
    const other = await post(carol, spaceId, 'Off-topic rant');

    expect((await bob.client.delete(`/contributions/${parent.id}`)).status).toBe(403);
    const deleted = expectStatus(await alice.client.delete(`/contributions/${parent.id}`), 200).body;
    expect(deleted).toEqual(expect.objectContaining({ id: parent.id, status: 'deleted', body: null, bodyHtml: null }));
    expect(JSON.stringify(deleted)).not.toContain('regret');

    const forBob = expectStatus(await bob.client.get(`/contributions/${parent.id}`), 200).body;
    expect(forBob).toEqual(expect.objectContaining({ status: 'deleted', body: null, bodyHtml: null, text: null }));
    // even the author and moderators do not get a deleted text back
    expect(expectStatus(await moderator.client.get(`/contributions/${parent.id}`), 200).body.body).toBeNull();

    const listed = await eventually(
      async () => {
        const items = await listingWith(carol.client, spaceId, [parent.id, reply.id, other.id]);
        return items.find((c: any) => c.id === parent.id).status === 'deleted' && items;
      },
      5000,
      'the deletion in the listing',
    );
    expect(JSON.stringify(listed)).not.toContain('regret');
    expect(listed.find((c: any) => c.id === reply.id)).toEqual(
      expect.objectContaining({ parentId: parent.id, body: 'A reply that stays', status: 'published' }),
    );

    // a moderator deletes someone else's contribution
    const byModerator = expectStatus(await moderator.client.delete(`/contributions/${other.id}`), 200).body;
    expect(byModerator).toEqual(expect.objectContaining({ status: 'deleted', body: null }));
    // deleting twice is a conflict, not a 500
    expect((await alice.client.delete(`/contributions/${parent.id}`)).status).toBe(409);
    // a deleted contribution cannot be edited
    expect((await alice.client.patch(`/contributions/${parent.id}`, { body: 'Resurrected' })).status).toBe(409);

    // the log has the deletes, and no event carries the deleted text
    const events = expectStatus(await carol.client.get(`/spaces/${spaceId}/events?afterSeq=0`), 200).body;
    expect(events.items.map((e: any) => e.type)).toEqual([
      'contribution.published',
      'contribution.published',
      'contribution.published',
      'contribution.deleted',
      'contribution.deleted',
    ]);
    expect(JSON.stringify(events)).not.toContain('regret');
    expect(JSON.stringify(events)).not.toContain('Off-topic rant');
  });

  it('refuses posts into a closed or archived space with 409 and a message', async () => {
    const spaceId = await space();
    const before = await post(alice, spaceId, 'Posted while open');
    expectStatus(await org.client.patch(`/spaces/${spaceId}`, { status: 'closed' }), 200, 'close space');
    const refused = await alice.client.post(`/spaces/${spaceId}/contributions`, { body: 'Too late?' });
    expect(refused.status).toBe(409);
    expect(messageOf(refused)).toMatch(/closed/);
    const reply = await bob.client.post(`/spaces/${spaceId}/contributions`, {
      body: 'Late reply',
      parentId: before.id,
    });
    expect(reply.status).toBe(409);
    // the earlier contribution is still readable
    expect(expectStatus(await bob.client.get(`/contributions/${before.id}`), 200).body.body).toBe('Posted while open');
    expectStatus(await org.client.patch(`/spaces/${spaceId}`, { status: 'archived' }), 200, 'archive space');
    const archived = await alice.client.post(`/spaces/${spaceId}/contributions`, { body: 'Still too late' });
    expect(archived.status).toBe(409);
    expect(messageOf(archived)).toMatch(/archived/);
  });

  it('validates the body: 20,000 characters at most, not blank; stored exactly as written', async () => {
    const spaceId = await space();
    const tooLong = await alice.client.post(`/spaces/${spaceId}/contributions`, { body: 'a'.repeat(20_001) });
    expect([400, 413]).toContain(tooLong.status);
    expect(messageOf(tooLong)).toMatch(/20,000|20000|characters|too large/i);

    const longest = 'é'.repeat(19_999) + '!';
    const ok = await post(alice, spaceId, longest);
    expect(ok.body).toBe(longest);

    for (const body of ['', '   ', '\n\t \n']) {
      const blank = await alice.client.post(`/spaces/${spaceId}/contributions`, { body });
      expect(blank.status).toBe(400);
      expect(messageOf(blank)).toMatch(/body/);
    }
    for (const body of [undefined, 42, null, ['x']]) {
      expect((await alice.client.post(`/spaces/${spaceId}/contributions`, { body })).status).toBe(400);
    }
    // an edit is held to the same rules
    expect((await alice.client.patch(`/contributions/${ok.id}`, { body: ' ' })).status).toBe(400);
    expect([400, 413]).toContain(
      (await alice.client.patch(`/contributions/${ok.id}`, { body: 'b'.repeat(20_001) })).status,
    );

    const exact = '  Leading spaces, trailing newline\r\n\n> quote\n\n\u202eRTL override 🙂 \u200d\ufeff';
    const stored = await post(bob, spaceId, exact);
    expect(expectStatus(await carol.client.get(`/contributions/${stored.id}`), 200).body.body).toBe(exact);
    // a NUL character cannot be stored as text: refused as bad input, never a 500
    expect((await bob.client.post(`/spaces/${spaceId}/contributions`, { body: 'nul \u0000 byte' })).status).toBe(400);
  });

  it('refuses a reply to a contribution of another space (404) and to one that does not exist', async () => {
    const spaceA = await space();
    const spaceB = await space();
    const inB = await post(bob, spaceB, 'I live in space B');
    const res = await alice.client.post(`/spaces/${spaceA}/contributions`, {
      body: 'Cross-space reply',
      parentId: inB.id,
    });
    expect(res.status).toBe(404);
    expect(messageOf(res)).toMatch(/not found/i);
    const missing = await alice.client.post(`/spaces/${spaceA}/contributions`, {
      body: 'Reply to nothing',
      parentId: '00000000-0000-4000-8000-000000000000',
    });
    expect(missing.status).toBe(404);
    expect(
      (await alice.client.post(`/spaces/${spaceA}/contributions`, { body: 'Bad parent', parentId: 'nope' })).status,
    ).toBe(400);
    // nothing was written into space A
    expect(expectStatus(await alice.client.get(`/spaces/${spaceA}/events?afterSeq=0`), 200).body.items).toEqual([]);
  });

  it('keeps seqs consecutive with no gaps when 100 posts arrive at once from several members', async () => {
    const spaceId = await space();
    const authors = [alice, bob, carol, moderator];
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        authors[i % authors.length].client.post(`/spaces/${spaceId}/contributions`, { body: `Burst ${i}` }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(100).fill(201));
    const seqs = results.map((r) => r.body.seq).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));

    const events = expectStatus(await bob.client.get(`/spaces/${spaceId}/events?afterSeq=0`), 200).body;
    expect(events.items.map((e: any) => e.seq)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(events.lastSeq).toBe(100);
    expect(events.nextCursor).toBeNull();
    // every event is the publication of the contribution that got that seq, exactly as its
    // author got it back: its texts and html included, its seq filled in
    const bySeq = new Map(results.map((r) => [r.body.seq, r.body]));
    for (const e of events.items) {
      expect(e).toEqual(expect.objectContaining({ type: 'contribution.published', spaceId }));
      expect(e.payload.contribution).toEqual(bySeq.get(e.seq));
      const { body, text, bodyHtml } = e.payload.contribution;
      expect([body, text, bodyHtml]).toEqual([expect.stringMatching(/^Burst \d+$/), body, `<p>${body}</p>`]);
    }
    // paging the log with afterSeq
    const tail = expectStatus(await bob.client.get(`/spaces/${spaceId}/events?afterSeq=90&limit=5`), 200).body;
    expect(tail.items.map((e: any) => e.seq)).toEqual([91, 92, 93, 94, 95]);
    expect(tail.nextCursor).toBe('95');
    expect((await bob.client.get(`/spaces/${spaceId}/events?afterSeq=-1`)).status).toBe(400);
  });

  it('holds a participant’s post in a pre-moderated space as pending: no seq, hidden from other members, visible to its author', async () => {
    const spaceId = await space({ moderation: 'pre' });
    const pending = expectStatus(
      await alice.client.post(`/spaces/${spaceId}/contributions`, { body: 'Please approve me' }),
      201,
    ).body;
    expect(pending).toEqual(
      expect.objectContaining({ status: 'pending', seq: null, body: 'Please approve me', authorId: alice.id }),
    );

    // its author sees it
    expect(expectStatus(await alice.client.get(`/contributions/${pending.id}`), 200).body).toEqual(
      expect.objectContaining({ status: 'pending', seq: null }),
    );
    const mine = expectStatus(await alice.client.get(`/spaces/${spaceId}/contributions?status=pending`), 200).body;
    expect(mine.items.map((c: any) => c.id)).toEqual([pending.id]);

    // a moderator's post is published at once; other members see that one only
    const byModerator = await post(moderator, spaceId, 'Welcome, everyone');
    expect(byModerator).toEqual(expect.objectContaining({ status: 'published', seq: 1 }));
    const forBob = await listingWith(bob.client, spaceId, [byModerator.id]);
    expect(forBob.map((c: any) => c.id)).toEqual([byModerator.id]);
    expect(JSON.stringify(forBob)).not.toContain('Please approve me');
    expect((await bob.client.get(`/contributions/${pending.id}`)).status).toBe(404);
    expect(
      expectStatus(await bob.client.get(`/spaces/${spaceId}/contributions?status=pending`), 200).body.items,
    ).toEqual([]);
    // the moderator sees it waiting
    const forModerator = expectStatus(await moderator.client.get(`/spaces/${spaceId}/contributions`), 200).body;
    expect(forModerator.items.map((c: any) => c.id)).toContain(pending.id);
    // no event was published for it
    const events = expectStatus(await bob.client.get(`/spaces/${spaceId}/events?afterSeq=0`), 200).body;
    expect(events.items.map((e: any) => e.payload.contribution?.id)).toEqual([byModerator.id]);
  });

  it('shows a hidden contribution’s text to its author and moderators only, whoever listed the space first', async () => {
    const spaceId = await space();
    const hidden = await post(bob, spaceId, 'Words a moderator hid');
    const visible = await post(carol, spaceId, 'Ordinary words');
    // the moderation API belongs to another capability: hide it the way it will, in the database
    await api.app.get(DataSource).query(`UPDATE contributions SET status = 'hidden' WHERE id = $1`, [hidden.id]);

    // the author reads the listing first (so any shared page would be made for them)...
    const forAuthor = expectStatus(await bob.client.get(`/spaces/${spaceId}/contributions`), 200).body.items;
    expect(forAuthor.find((c: any) => c.id === hidden.id)).toEqual(
      expect.objectContaining({ status: 'hidden', body: 'Words a moderator hid' }),
    );
    // ...other members still do not get the text
    for (const reader of [alice, carol]) {
      const items = expectStatus(await reader.client.get(`/spaces/${spaceId}/contributions`), 200).body.items;
      expect(items.find((c: any) => c.id === hidden.id)).toEqual(
        expect.objectContaining({ status: 'hidden', body: null, bodyHtml: null }),
      );
      expect(items.find((c: any) => c.id === visible.id).body).toBe('Ordinary words');
      expect(JSON.stringify(items)).not.toContain('moderator hid');
      expect(expectStatus(await reader.client.get(`/contributions/${hidden.id}`), 200).body.body).toBeNull();
    }
    // and the author still gets it after others filled the page
    const again = expectStatus(await bob.client.get(`/spaces/${spaceId}/contributions`), 200).body.items;
    expect(again.find((c: any) => c.id === hidden.id).body).toBe('Words a moderator hid');
    const forModerator = expectStatus(await moderator.client.get(`/spaces/${spaceId}/contributions`), 200).body.items;
    expect(forModerator.find((c: any) => c.id === hidden.id).body).toBe('Words a moderator hid');
  });

  it('keeps non-members out of a space’s contributions and events', async () => {
    const spaceId = await space();
    const c = await post(alice, spaceId, 'Members only');
    const stranger = await registerUser(api.url, { tag: 'stranger' });
    expect((await stranger.client.get(`/spaces/${spaceId}/contributions`)).status).toBe(403);
    expect((await stranger.client.get(`/spaces/${spaceId}/events?afterSeq=0`)).status).toBe(403);
    expect((await stranger.client.post(`/spaces/${spaceId}/contributions`, { body: 'Let me in' })).status).toBe(403);
    expect((await stranger.client.get(`/contributions/${c.id}`)).status).toBe(403);
    expect((await new Client(api.url).get(`/spaces/${spaceId}/contributions`)).status).toBe(401);
  });
});
