import { Parser } from 'htmlparser2';
import { XSS_PAYLOADS } from './fixtures/xss-payloads';
import { organiser, registerUser, startTestApi, TestApi, TestUser } from './support/test-api';
import { createConsultation, createRoundtable, createSpace, expectStatus } from './support/world';

/** The elements and attributes a contribution's HTML may contain (the renderer's allow-list, restated). */
const ALLOWED: Record<string, readonly string[]> = {
  p: [],
  br: [],
  strong: [],
  em: [],
  del: [],
  s: [],
  code: [],
  pre: [],
  blockquote: [],
  ul: [],
  ol: ['start'],
  li: [],
  a: ['href', 'title', 'rel', 'target'],
  h3: [],
  h4: [],
  h5: [],
  h6: [],
  hr: [],
  table: [],
  thead: [],
  tbody: [],
  tr: [],
  th: [],
  td: [],
};
const SAFE_SCHEMES = ['http', 'https', 'mailto'];
const NEVER_RAW =
  /<\s*\/?\s*(script|iframe|svg|math|object|embed|style|img|base|meta|link|form|input|frame|frameset|video|audio|source|details|marquee|body|noscript|textarea|applet)\b/i;

/**
 * Every problem a browser could turn into script: elements and attributes outside the
 * allow-list, event handlers, URLs with a scheme other than http(s)/mailto (after entity
 * decoding and the whitespace and control characters browsers ignore), comments, CDATA,
 * processing instructions, and the raw tag names that must never appear.
 */
function problemsIn(html: string): string[] {
  const problems: string[] = [];
  if (NEVER_RAW.test(html)) problems.push(`raw dangerous tag: ${NEVER_RAW.exec(html)![0]}`);
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        const allowed = ALLOWED[name];
        if (!allowed) {
          problems.push(`element <${name}>`);
          return;
        }
        for (const [attr, value] of Object.entries(attribs)) {
          if (/^on/i.test(attr)) problems.push(`event handler ${attr} on <${name}>`);
          if (!allowed.includes(attr)) problems.push(`attribute ${attr} on <${name}>`);
          if (attr === 'href' || attr === 'src') {
            // browsers drop these before reading a scheme
            const url = value.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
            const scheme = /^([a-z][a-z0-9+.-]*):/.exec(url)?.[1];
            if (scheme && !SAFE_SCHEMES.includes(scheme)) problems.push(`${attr} with scheme ${scheme}: ${value}`);
            if (url.startsWith('//') || url.startsWith('\\')) problems.push(`${attr} to another host: ${value}`);
          }
          if (attr === 'target' && value !== '_blank') problems.push(`target=${value}`);
        }
        if (name === 'a') {
          const rel = (attribs.rel ?? '').split(/\s+/);
          if (!rel.includes('nofollow') || !rel.includes('noopener'))
            problems.push(`link without rel=nofollow noopener: ${attribs.rel}`);
        }
      },
      oncomment: (c) => problems.push(`comment <!--${c}-->`),
      oncdatastart: () => problems.push('CDATA section'),
      onprocessinginstruction: (name) => problems.push(`processing instruction ${name}`),
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeCDATA: true },
  );
  parser.write(html);
  parser.end();
  return problems;
}

describe('XSS: contributions render to HTML that cannot run script, and keep their text exactly', () => {
  let api: TestApi;
  let author: TestUser;
  let reader: TestUser;
  let spaceId: string;

  beforeAll(async () => {
    // posting limits off: the corpus holds near-duplicates (case variants) posted by one member
    api = await startTestApi({
      POSTS_PER_MINUTE: '100000',
      POST_MIN_INTERVAL_MS: '0',
      DUPLICATE_POST_WINDOW_SECONDS: '0',
    });
    const org = await organiser(api);
    [author, reader] = await Promise.all([
      registerUser(api.url, { tag: 'xss-author' }),
      registerUser(api.url, { tag: 'xss-reader' }),
    ]);
    const consultation = await createConsultation(org.client);
    const roundtable = await createRoundtable(org.client, consultation.id);
    spaceId = (await createSpace(org.client, roundtable.id)).id;
    for (const u of [author, reader]) expectStatus(await u.client.post(`/spaces/${spaceId}/members`), 201, 'join');
  });
  afterAll(() => api?.close());

  it('has a corpus of at least 50 distinct payloads', () => {
    expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(50);
    expect(new Set(XSS_PAYLOADS.map((p) => p.body)).size).toBe(XSS_PAYLOADS.length);
    expect(new Set(XSS_PAYLOADS.map((p) => p.name)).size).toBe(XSS_PAYLOADS.length);
  });

  it('flags unsafe HTML (the checker itself works)', () => {
    expect(
      problemsIn('<p>fine <a href="https://example.org" rel="nofollow noopener" target="_blank">x</a></p>'),
    ).toEqual([]);
    expect(problemsIn('<p>&lt;script&gt;alert(1)&lt;/script&gt; onerror=alert(1)</p>')).toEqual([]);
    expect(problemsIn('<script>alert(1)</script>')).not.toEqual([]);
    expect(problemsIn('<p onclick="x">a</p>')).toContain('event handler onclick on <p>');
    expect(problemsIn('<a href="&#106;avascript:alert(1)" rel="nofollow noopener">x</a>').join()).toMatch(
      /scheme javascript/,
    );
    expect(problemsIn('<a href=" java\tscript:x" rel="nofollow noopener">x</a>').join()).toMatch(/scheme javascript/);
    expect(problemsIn('<a href="data:text/html,x" rel="nofollow noopener">x</a>').join()).toMatch(/scheme data/);
    expect(problemsIn('<img src=x>').join()).toMatch(/element <img>/);
    expect(problemsIn('<svg></svg>').join()).toMatch(/svg/);
    expect(problemsIn('<!-- x -->').join()).toMatch(/comment/);
  });

  it('posts every payload and reads it back: body byte-identical, bodyHtml inert (POST, GET, listing, event log)', async () => {
    const posted = await Promise.all(
      XSS_PAYLOADS.map(async (p) => ({
        payload: p,
        res: await author.client.post(`/spaces/${spaceId}/contributions`, { body: p.body }),
      })),
    );
    const failures: string[] = [];
    const byId = new Map<string, (typeof XSS_PAYLOADS)[number]>();
    for (const { payload, res } of posted) {
      if (res.status !== 201) {
        failures.push(`${payload.name}: POST answered ${res.status} ${JSON.stringify(res.body)}`);
        continue;
      }
      byId.set(res.body.id, payload);
      checkOne(payload, res.body, 'POST', failures);
    }

    for (const [id, payload] of byId) {
      const read = await reader.client.get(`/contributions/${id}`);
      if (read.status !== 200) failures.push(`${payload.name}: GET answered ${read.status}`);
      else checkOne(payload, read.body, 'GET', failures);
    }

    const listing: any[] = [];
    let cursor: string | null = null;
    do {
      const page: any = expectStatus(
        await reader.client.get(
          `/spaces/${spaceId}/contributions?limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        ),
        200,
      ).body;
      listing.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    const events = expectStatus(await reader.client.get(`/spaces/${spaceId}/events?afterSeq=0`), 200).body.items;
    for (const [id, payload] of byId) {
      const listed = listing.find((c: any) => c.id === id);
      if (!listed) failures.push(`${payload.name}: not in the listing`);
      else checkOne(payload, listed, 'listing', failures);
      const event = events.find((e: any) => e.payload.contribution?.id === id);
      if (!event) failures.push(`${payload.name}: no event`);
      else checkOne(payload, event.payload.contribution, 'event', failures);
    }
    expect(failures).toEqual([]);
    expect(byId.size).toBe(XSS_PAYLOADS.length);
  });

  it('renders payloads safely when they arrive through an edit too', async () => {
    const first = expectStatus(
      await author.client.post(`/spaces/${spaceId}/contributions`, { body: 'harmless at first' }),
      201,
    ).body;
    const failures: string[] = [];
    for (const payload of XSS_PAYLOADS.filter((_, i) => i % 5 === 0)) {
      const res = await author.client.patch(`/contributions/${first.id}`, { body: payload.body });
      if (res.status !== 200) failures.push(`${payload.name}: PATCH answered ${res.status}`);
      else checkOne(payload, res.body, 'PATCH', failures);
    }
    expect(failures).toEqual([]);
  });

  it('keeps the useful formatting around the payloads', async () => {
    const res = expectStatus(
      await author.client.post(`/spaces/${spaceId}/contributions`, {
        body: '**Budget** first: see [the plan](https://example.org/plan) <script>x()</script>',
      }),
      201,
    ).body;
    expect(res.bodyHtml).toBe(
      '<p><strong>Budget</strong> first: see <a href="https://example.org/plan" rel="nofollow noopener noreferrer ugc" target="_blank">the plan</a> &lt;script&gt;x()&lt;/script&gt;</p>',
    );
  });
});

function checkOne(payload: { name: string; body: string }, c: any, where: string, failures: string[]): void {
  if (typeof c.body !== 'string' || !Buffer.from(c.body, 'utf8').equals(Buffer.from(payload.body, 'utf8'))) {
    failures.push(`${payload.name} (${where}): body changed: ${JSON.stringify(c.body)}`);
  }
  if (typeof c.bodyHtml !== 'string' || c.bodyHtml.length === 0) {
    failures.push(`${payload.name} (${where}): no bodyHtml`);
    return;
  }
  for (const problem of problemsIn(c.bodyHtml))
    failures.push(`${payload.name} (${where}): ${problem} in ${JSON.stringify(c.bodyHtml)}`);
}
