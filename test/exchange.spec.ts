import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { ExportService } from '@roundtable/exchange';
import { parseCsv } from './support/csv';
import { Client, organiser, registerUser, startTestApi, TestApi, TestUser } from './support/test-api';
import {
  createConsultation,
  createRoundtable,
  createSpace,
  expectErrorShape,
  expectStatus,
  messageOf,
} from './support/world';

/**
 * Import and export (issue 4, acceptance 7): the Hub discussion in `../shared/data` is
 * imported with its spaces, threads and dates; a second import adds nothing; a JSON
 * export imports again into another roundtable unchanged; CSV has one row per
 * contribution and neutralises formula cells.
 */
const HUB_FILE = process.env.RT_HUB_DATA ?? join(__dirname, '../../shared/data/hub-roundtable1.json');

interface HubContribution {
  id: number;
  postedAt: string;
  author: string;
  moderator: boolean;
  inReplyTo: string | null;
  body: string;
}
interface HubSpace {
  number: number;
  prompt: { en: string; fr: string; es: string };
  contributions: HubContribution[];
}

/**
 * The Hub's "In reply to by <author>" links that point at another contribution of the same
 * space (every other contribution answers the question itself): found by reading the
 * data. Contribution 40 replies to Paul Tacon, who wrote nothing earlier in that space,
 * so it starts a thread of its own; 41 (Paul Tacon, replying to Fambaye Ndoye) answers it.
 */
const REPLY_LINKS: Record<number, number> = { 12: 11, 27: 26, 41: 40 };

async function download(client: Client, path: string): Promise<{ status: number; text: string; headers: Headers }> {
  const res = await fetch(`${client.base}/api/v1${path}`, {
    headers: client.token ? { authorization: `Bearer ${client.token}` } : {},
  });
  return { status: res.status, text: await res.text(), headers: res.headers };
}

/** Every contribution of a space, as the organiser reads it (oldest first). */
async function allContributions(client: Client, spaceId: string): Promise<any[]> {
  const items: any[] = [];
  let cursor: string | null = null;
  do {
    const page: any = expectStatus(
      await client.get(
        `/spaces/${spaceId}/contributions?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      ),
      200,
      'list',
    ).body;
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

describe('import and export of discussions', () => {
  let api: TestApi;
  let org: TestUser;
  let hub: { source: string; spaces: HubSpace[] };
  let consultationId: string;
  let roundtableId: string;
  /** space number → space id after the first import */
  const spaceIds = new Map<number, string>();

  beforeAll(async () => {
    if (!existsSync(HUB_FILE))
      throw new Error(
        `${HUB_FILE} is missing: the import tests read the Hub discussion from ../shared/data (or RT_HUB_DATA)`,
      );
    hub = JSON.parse(readFileSync(HUB_FILE, 'utf8'));
    api = await startTestApi({ POST_MIN_INTERVAL_MS: '0', POSTS_PER_MINUTE: '100000' });
    org = await organiser(api);
    consultationId = (await createConsultation(org.client, 'Imported Hub discussions')).id;
    roundtableId = (await createRoundtable(org.client, consultationId)).id;
  });
  afterAll(() => api?.close());

  it('imports the Hub discussion: 4 spaces with EN/FR/ES prompts, 49 contributions with their reply links, authors and dates', async () => {
    const res = expectStatus(await org.client.post(`/roundtables/${roundtableId}/import`, hub), 201, 'import').body;
    expect(res).toMatchObject({ spaces: 4, contributions: 49, skipped: 0 });
    const authors = new Set(hub.spaces.flatMap((s) => s.contributions.map((c) => c.author)));
    expect(res.members).toBe(authors.size);
    expect(res.memberships).toBe(
      hub.spaces.reduce((n, s) => n + new Set(s.contributions.map((c) => c.author)).size, 0),
    );
    expect(res.spaceIds).toHaveLength(4);
    expect(res.unresolvedReplies).toEqual([{ spaceNumber: 1, id: 40, inReplyTo: 'Paul Tacon' }]);
    for (const s of res.spaceIds) spaceIds.set(s.number, s.id);

    const roundtable = expectStatus(await org.client.get(`/roundtables/${roundtableId}`), 200).body;
    expect(roundtable.spaces.map((s: any) => s.number).sort()).toEqual([1, 2, 3, 4]);
    for (const space of hub.spaces) {
      const read = roundtable.spaces.find((s: any) => s.number === space.number);
      expect(read.id).toBe(spaceIds.get(space.number));
      expect(read.prompt).toEqual({ en: space.prompt.en, fr: space.prompt.fr, es: space.prompt.es });
    }

    let total = 0;
    for (const space of hub.spaces) {
      const items = await allContributions(org.client, spaceIds.get(space.number)!);
      expect(items).toHaveLength(space.contributions.length);
      total += items.length;
      const byBody = new Map(items.map((c) => [c.body, c]));
      const fileIdOf = new Map<string, number>();
      for (const c of space.contributions) {
        const read = byBody.get(c.body);
        expect(read).toBeDefined(); // stored exactly as written
        fileIdOf.set(read.id, c.id);
        expect(read.createdAt.slice(0, 10)).toBe(c.postedAt);
        expect(read.author.displayName).toBe(c.author);
        expect(read.status).toBe('published');
      }
      for (const c of space.contributions) {
        const read = byBody.get(c.body);
        const parent = read.parentId ? fileIdOf.get(read.parentId) : null;
        expect([c.id, parent ?? null]).toEqual([c.id, REPLY_LINKS[c.id] ?? null]);
        if (read.parentId)
          expect(Date.parse(read.createdAt)).toBeGreaterThan(
            Date.parse(byBody.get(space.contributions.find((x) => x.id === parent)!.body).createdAt),
          );
        // an author flagged as moderator in this space wears the badge
        const moderates = space.contributions.some((x) => x.author === c.author && x.moderator);
        expect([c.id, read.author.isModerator]).toEqual([c.id, moderates]);
      }
      // every imported contribution wrote its event: the space's log has one per contribution
      const events = expectStatus(
        await org.client.get(`/spaces/${spaceIds.get(space.number)}/events?afterSeq=0`),
        200,
      ).body;
      expect(events.lastSeq).toBe(space.contributions.length);
      expect(events.items.map((e: any) => e.type)).toEqual(space.contributions.map(() => 'contribution.published'));
    }
    expect(total).toBe(49);

    // authors are placeholder accounts nobody can sign in to
    const db = api.app.get(DataSource);
    const placeholders = await db.query(
      `SELECT display_name, email, password_hash, constituency, preferred_language FROM users WHERE display_name = ANY($1) AND external_ref LIKE 'import:author:%'`,
      [[...authors]],
    );
    expect(placeholders).toHaveLength(authors.size);
    for (const p of placeholders)
      expect(p).toMatchObject({ email: null, password_hash: null, constituency: 'other', preferred_language: 'en' });
  });

  it('imports the same file a second time without changing anything', async () => {
    const again = expectStatus(
      await org.client.post(`/roundtables/${roundtableId}/import`, hub),
      201,
      'second import',
    ).body;
    expect(again).toMatchObject({ spaces: 0, contributions: 0, members: 0, memberships: 0 });
    expect(new Map(again.spaceIds.map((s: any) => [s.number, s.id]))).toEqual(spaceIds);
    for (const space of hub.spaces) {
      expect(await allContributions(org.client, spaceIds.get(space.number)!)).toHaveLength(space.contributions.length);
    }
  });

  it('exports JSON that imports again into another roundtable with the same bodies, threads and dates', async () => {
    const exported: any[] = [];
    for (const space of hub.spaces) {
      const file = await download(org.client, `/spaces/${spaceIds.get(space.number)}/export?format=json`);
      expect(file.status).toBe(200);
      expect(file.headers.get('content-type')).toMatch(/^application\/json/);
      expect(file.headers.get('content-disposition')).toMatch(
        new RegExp(`^attachment; filename="roundtable-\\d+-question-${space.number}-\\d{4}-\\d{2}-\\d{2}\\.json"$`),
      );
      const doc = JSON.parse(file.text);
      expect(doc.spaces).toHaveLength(1);
      expect(doc.spaces[0]).toMatchObject({ number: space.number, prompt: space.prompt });
      expect(doc.spaces[0].contributions).toHaveLength(space.contributions.length);
      const first = doc.spaces[0].contributions[0];
      expect(first).toEqual(
        expect.objectContaining({
          id: expect.any(String),
          postedAt: expect.any(String),
          author: expect.any(String),
          constituency: 'other',
          status: 'published',
          translations: {},
        }),
      );
      // created order
      const dates = doc.spaces[0].contributions.map((c: any) => Date.parse(c.postedAt));
      expect([...dates].sort((a, b) => a - b)).toEqual(dates);
      exported.push(...doc.spaces);
    }

    // into the same roundtable: the contributions are recognised, nothing is added
    const same = expectStatus(
      await org.client.post(`/roundtables/${roundtableId}/import`, { spaces: exported }),
      201,
      'export into the same roundtable',
    ).body;
    expect(same).toMatchObject({ spaces: 0, contributions: 0 });

    const other = (await createRoundtable(org.client, consultationId)).id;
    const res = expectStatus(
      await org.client.post(`/roundtables/${other}/import`, { source: 'round trip', spaces: exported }),
      201,
      'import the export',
    ).body;
    expect(res).toMatchObject({ spaces: 4, contributions: 49, members: 0, skipped: 0, unresolvedReplies: [] });

    for (const space of hub.spaces) {
      const before = await allContributions(org.client, spaceIds.get(space.number)!);
      const after = await allContributions(org.client, res.spaceIds.find((s: any) => s.number === space.number).id);
      const shape = (items: any[]) => {
        const bodyOf = new Map(items.map((c) => [c.id, c.body]));
        return items
          .map((c) => ({
            body: c.body,
            parent: c.parentId ? bodyOf.get(c.parentId) : null,
            createdAt: c.createdAt,
            author: c.author.displayName,
            moderator: c.author.isModerator,
          }))
          .sort((a, b) => a.body.localeCompare(b.body));
      };
      expect(shape(after)).toEqual(shape(before));
    }
  });

  it('runs two simultaneous imports of one file one after the other, so the file is imported once', async () => {
    const target = (await createRoundtable(org.client, consultationId)).id;
    const [a, b] = await Promise.all([
      org.client.post(`/roundtables/${target}/import`, hub),
      org.client.post(`/roundtables/${target}/import`, hub),
    ]);
    expectStatus(a, 201, 'first of two');
    expectStatus(b, 201, 'second of two');
    expect(a.body.spaces + b.body.spaces).toBe(4);
    expect(a.body.contributions + b.body.contributions).toBe(49);
    expect(Math.min(a.body.contributions, b.body.contributions)).toBe(0);
  });

  it('reads a space for export page by page: each contribution once, in created order', async () => {
    const exports = api.app.get(ExportService);
    const ids = async (pageSize: number) => {
      const out: string[] = [];
      for await (const c of exports.contributions(spaceIds.get(1)!, { withModeratedText: true, pageSize }))
        out.push(c.id);
      return out;
    };
    const paged = await ids(5);
    expect(paged).toHaveLength(hub.spaces.find((s) => s.number === 1)!.contributions.length);
    expect(new Set(paged).size).toBe(paged.length);
    expect(paged).toEqual(await ids(1000));
  });

  describe('CSV export', () => {
    const FORMULAS = [
      '=HYPERLINK("http://evil.example","click")',
      '+SUM(1,2)',
      '-2+3',
      '@cmd',
      '\tleading tab',
      '\rleading return',
    ];
    let spaceId: string;
    let ids: string[];

    beforeAll(async () => {
      spaceId = (
        await createSpace(org.client, roundtableId, {
          number: 500,
          prompt: { en: 'Spreadsheets?', fr: 'Tableurs ?', es: '¿Hojas de cálculo?' },
        })
      ).id;
      ids = [];
      for (const body of [...FORMULAS, 'Plain, with "quotes",\nnew lines and émojis 🌍']) {
        ids.push(
          expectStatus(await org.client.post(`/spaces/${spaceId}/contributions`, { body, language: 'en' }), 201, 'post')
            .body.id,
        );
      }
      ids.push(
        expectStatus(
          await org.client.post(`/spaces/${spaceId}/contributions`, { body: '=reply to the first', parentId: ids[0] }),
          201,
          'reply',
        ).body.id,
      );
      ids.push(
        expectStatus(await org.client.post(`/spaces/${spaceId}/contributions`, { body: 'To be deleted' }), 201, 'post')
          .body.id,
      );
      expectStatus(await org.client.delete(`/contributions/${ids[ids.length - 1]}`), 200, 'delete');
    });

    it('has a header and one row per contribution, and neutralises cells beginning with =, +, -, @, tab or CR', async () => {
      const file = await download(org.client, `/spaces/${spaceId}/export?format=csv`);
      expect(file.status).toBe(200);
      expect(file.headers.get('content-type')).toMatch(/^text\/csv/);
      expect(file.headers.get('content-disposition')).toMatch(
        /^attachment; filename="roundtable-\d+-question-\d+-\d{4}-\d{2}-\d{2}\.csv"$/,
      );
      const text = file.text.replace(/^\uFEFF/, '');
      const [header, ...rows] = parseCsv(text);
      expect(header).toEqual(
        expect.arrayContaining([
          'id',
          'parent_id',
          'created_at',
          'status',
          'language',
          'author',
          'organisation',
          'constituency',
          'country',
          'body',
          'translation_en',
          'translation_fr',
          'translation_es',
        ]),
      );
      expect(rows).toHaveLength(ids.length);
      const col = (name: string) => header.indexOf(name);
      expect(rows.map((r) => r[col('id')])).toEqual(ids);
      for (const row of rows) expect(row).toHaveLength(header.length);

      const bodies = rows.map((r) => r[col('body')]);
      FORMULAS.forEach((formula, i) => expect(bodies[i]).toBe(`'${formula}`));
      expect(bodies[FORMULAS.length]).toBe('Plain, with "quotes",\nnew lines and émojis 🌍');
      expect(bodies[FORMULAS.length + 1]).toBe("'=reply to the first");
      expect(rows[FORMULAS.length + 1][col('parent_id')]).toBe(ids[0]);
      // deleted text is not exported
      expect(rows[ids.length - 1][col('status')]).toBe('deleted');
      expect(bodies[ids.length - 1]).toBe('');
      // no cell of any row can start a formula
      for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    });

    it('has one row per contribution for an imported Hub space', async () => {
      const space = hub.spaces.find((s) => s.number === 1)!;
      const file = await download(org.client, `/spaces/${spaceIds.get(1)}/export?format=csv`);
      const [header, ...rows] = parseCsv(file.text.replace(/^\uFEFF/, ''));
      expect(rows).toHaveLength(space.contributions.length);
      const body = header.indexOf('body');
      const expected = new Set(space.contributions.map((c) => (/^[=+\-@\t\r]/.test(c.body) ? `'${c.body}` : c.body)));
      expect(new Set(rows.map((r) => r[body]))).toEqual(expected);
    });

    it('exports an empty space as a header-only CSV and an empty JSON list', async () => {
      const empty = (await createSpace(org.client, roundtableId, { number: 501 })).id;
      const csv = parseCsv(
        (await download(org.client, `/spaces/${empty}/export?format=csv`)).text.replace(/^\uFEFF/, ''),
      );
      expect(csv).toHaveLength(1);
      expect(csv[0][0]).toBe('id');
      const doc = JSON.parse((await download(org.client, `/spaces/${empty}/export?format=json`)).text);
      expect(doc.spaces[0].contributions).toEqual([]);
    });

    it('leaves deleted text out of the JSON export too', async () => {
      const doc = JSON.parse((await download(org.client, `/spaces/${spaceId}/export`)).text);
      const deleted = doc.spaces[0].contributions.find((c: any) => c.id === ids[ids.length - 1]);
      expect(deleted.status).toBe('deleted');
      expect(deleted).not.toHaveProperty('body');
      expect(doc.spaces[0].contributions.find((c: any) => c.id === ids[0]).body).toBe(FORMULAS[0]); // JSON keeps the text as written
    });
  });

  describe('who may import and export', () => {
    let participant: TestUser;
    let moderator: TestUser;

    beforeAll(async () => {
      participant = await registerUser(api.url, { tag: 'exchange-participant' });
      moderator = await registerUser(api.url, { tag: 'exchange-moderator' });
      expectStatus(await participant.client.post(`/spaces/${spaceIds.get(1)}/members`), 201, 'join');
      expectStatus(
        await org.client.put(`/spaces/${spaceIds.get(1)}/roles/${moderator.id}`, { role: 'moderator' }),
        200,
        'make moderator',
      );
    });

    it('refuses a participant export and import with 403', async () => {
      for (const format of ['json', 'csv']) {
        const res = await participant.client.get(`/spaces/${spaceIds.get(1)}/export?format=${format}`);
        expectErrorShape(res, 403);
      }
      expectErrorShape(await participant.client.post(`/roundtables/${roundtableId}/import`, hub), 403);
      expectErrorShape(await moderator.client.post(`/roundtables/${roundtableId}/import`, hub), 403);
      expectErrorShape(await new Client(api.url).get(`/spaces/${spaceIds.get(1)}/export`), 401);
    });

    it('lets the space moderator export, but not another space', async () => {
      const file = await download(moderator.client, `/spaces/${spaceIds.get(1)}/export?format=csv`);
      expect(file.status).toBe(200);
      expectErrorShape(await moderator.client.get(`/spaces/${spaceIds.get(2)}/export`), 403);
    });
  });

  describe('bad input', () => {
    it('says which field of the file is wrong (400)', async () => {
      const broken = JSON.parse(JSON.stringify(hub));
      broken.spaces[1].contributions[2].postedAt = 'yesterday';
      delete broken.spaces[0].contributions[0].author;
      const res = await org.client.post(`/roundtables/${roundtableId}/import`, broken);
      expectErrorShape(res, 400);
      expect(messageOf(res)).toContain('spaces.1.contributions.2.postedAt');
      expect(messageOf(res)).toContain('spaces.0.contributions.0.author');
    });

    it('refuses an empty body, an unknown field, duplicate ids, unknown parents and an unknown roundtable', async () => {
      expectErrorShape(await org.client.post(`/roundtables/${roundtableId}/import`, {}), 400);
      const oneSpace = (contributions: unknown[]) => ({
        spaces: [{ number: 77, prompt: { en: 'Q?' }, contributions }],
      });
      const c = (id: number, extra: Record<string, unknown> = {}) => ({
        id,
        postedAt: '2024-01-02',
        author: 'A. Person',
        moderator: false,
        inReplyTo: null,
        body: `Text ${id}`,
        ...extra,
      });

      const unknown = await org.client.post(`/roundtables/${roundtableId}/import`, oneSpace([c(1, { mood: 'happy' })]));
      expectErrorShape(unknown, 400);
      expect(messageOf(unknown)).toContain('mood');

      const dup = await org.client.post(`/roundtables/${roundtableId}/import`, oneSpace([c(1), c(1)]));
      expectErrorShape(dup, 400);
      expect(messageOf(dup)).toContain('appears twice');

      const orphan = await org.client.post(`/roundtables/${roundtableId}/import`, oneSpace([c(1, { parentId: 9 })]));
      expectErrorShape(orphan, 400);
      expect(messageOf(orphan)).toContain('parentId 9');

      const cycle = await org.client.post(
        `/roundtables/${roundtableId}/import`,
        oneSpace([c(1, { parentId: 2 }), c(2, { parentId: 1 })]),
      );
      expectErrorShape(cycle, 400);
      expect(messageOf(cycle)).toContain('cycle');

      expectErrorShape(await org.client.post(`/roundtables/00000000-0000-4000-8000-000000000000/import`, hub), 404);
      expectErrorShape(await org.client.get(`/spaces/${spaceIds.get(1)}/export?format=xml`), 400);
      // nothing of the refused files was written
      const roundtable = expectStatus(await org.client.get(`/roundtables/${roundtableId}`), 200).body;
      expect(roundtable.spaces.map((s: any) => s.number)).not.toContain(77);
    });
  });
});
