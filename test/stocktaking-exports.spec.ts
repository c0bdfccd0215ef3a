import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { CATALOGUES } from '@roundtable/stocktaking';
import { buildStocktakingWorld, POSTING_ENV, publishDigests, StocktakingWorld } from './support/stocktaking-world';
import { RunningProcess, startWorker } from './support/processes';
import { eventually, startTestApi, TestApi } from './support/test-api';
import { expectErrorShape, expectStatus } from './support/world';

/** Whitespace as one space, typographic variants as pdftotext and Word give them back. */
const flat = (text: string) =>
  text
    .replace(/\u00ad/g, '')
    .replace(/\s+/g, ' ')
    .trim();

async function download(
  w: StocktakingWorld,
  id: string,
  format: string,
  lang = 'en',
): Promise<{ type: string; disposition: string; body: Buffer }> {
  const res = await fetch(`${w.rapporteur.client.base}/api/v1/stocktaking/${id}/export?format=${format}&lang=${lang}`, {
    headers: { authorization: `Bearer ${w.rapporteur.token}` },
  });
  expect(res.status).toBe(200);
  const body = Buffer.from(await res.arrayBuffer());
  // RT_KEEP_EXPORTS=<dir> keeps the files, to look at them
  if (process.env.RT_KEEP_EXPORTS) writeFileSync(join(process.env.RT_KEEP_EXPORTS, `summary-${lang}.${format}`), body);
  return {
    type: res.headers.get('content-type') ?? '',
    disposition: res.headers.get('content-disposition') ?? '',
    body,
  };
}

function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'rt-pdf-'));
  writeFileSync(join(dir, 'summary.pdf'), pdf);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'summary.pdf'), '-'], { encoding: 'utf8' });
}

/** What the Markdown says, as checks: its headings, its statements (without the source links) and its figures. */
function markdownFacts(md: string): { headings: string[]; statements: string[]; figures: string[] } {
  const lines = md.split('\n');
  const unescape = (s: string) => s.replace(/\\([\\`*_[\]<>#|])/g, '$1');
  const headings = lines.filter((l) => /^#{1,3} /.test(l)).map((l) => unescape(l.replace(/^#+ /, '')));
  const statements = lines
    .filter((l) => /^(- |\d+\. )/.test(l))
    .map((l) =>
      unescape(
        l
          .replace(/^(- |\d+\. )/, '')
          .replace(/ ?\[\d+\]\([^)]*\),?/g, '')
          .replace(/ \(\+\d+\)$/, ''),
      ).trim(),
    )
    .filter((s) => s.length > 0 && !s.startsWith('['));
  const figures = [...new Set(md.replace(/\]\([^)]*\)/g, ']').match(/\b\d+\b/g) ?? [])];
  return { headings, statements, figures };
}

const UNADDRESSED = 'Objective 4: Give every migrant proof of identity and adequate civil documentation.';

/** Any export as plain text: Markdown without its escapes and links, HTML without tags, PDF through pdftotext, DOCX through mammoth. */
async function exportText(
  w: StocktakingWorld,
  id: string,
  format: 'md' | 'html' | 'pdf' | 'docx',
  lang: string,
): Promise<string> {
  const { body } = await download(w, id, format, lang);
  if (format === 'pdf') return flat(pdfText(body));
  if (format === 'docx') return flat((await mammoth.extractRawText({ buffer: body })).value);
  const text = body.toString('utf8');
  if (format === 'md') return flat(text.replace(/\]\([^)]*\)/g, ']').replace(/\\([\\`*_[\]<>#|])/g, '$1'));
  return flat(
    text
      .replace(/<style[\s\S]*?<\/style>/, '')
      .replace(/<[^>]+>/g, ' ')
      .replace(/&#39;/g, "'")
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&'),
  );
}

describe('stocktaking exports: Markdown, HTML, PDF and DOCX say the same', () => {
  let api: TestApi;
  let w: StocktakingWorld;
  let summaryId: string;
  let md: string;
  // translates the published summary into French and Spanish, as in production
  let worker: RunningProcess | undefined;

  beforeAll(async () => {
    [api, worker] = await Promise.all([startTestApi(POSTING_ENV), startWorker()]);
    w = await buildStocktakingWorld(api);
    // an objective the discussion never takes up, to be listed under gaps
    expectStatus(
      await w.organiser.client.patch(`/roundtables/${w.roundtableId}`, { objectives: [UNADDRESSED] }),
      200,
      'objectives',
    );
    await publishDigests(w, async (digest, client) => {
      // each moderator marks their first key point as a priority
      const keyPoints = digest.keyPoints.map((k: any, i: number) => ({ id: k.id, text: k.text, priority: i === 0 }));
      expectStatus(await client.patch(`/digests/${digest.id}`, { keyPoints }), 200, 'mark a priority');
    });
    summaryId = expectStatus(
      await w.rapporteur.client.post(`/roundtables/${w.roundtableId}/stocktaking`, {
        periodStart: w.periodStart,
        periodEnd: w.periodEnd,
      }),
      201,
    ).body.id;
    expectStatus(await w.rapporteur.client.post(`/stocktaking/${summaryId}/publish`), 200);
    const file = await download(w, summaryId, 'md');
    expect(file.type).toMatch(/^text\/markdown/);
    expect(file.disposition).toMatch(/attachment; filename="stocktaking-.*\.md"/);
    md = file.body.toString('utf8');
  }, 180_000);
  afterAll(async () => {
    await worker?.stop();
    await api?.close();
  });

  it('the Markdown has the sections of a stocktaking summary, with statements linked to their contributions', () => {
    for (const heading of [
      '## Participation',
      '## Key emphases',
      '## Points of convergence across constituencies',
      '## Priorities for action',
      '## Gaps',
      '## Annex: contributions by question and constituency',
      '## Sources',
    ]) {
      expect(md).toContain(heading);
    }
    expect(md).toContain('16 participants took part: 4 representatives of 3 States');
    const links = md.match(/\]\(http[^)]+\/contributions\/[0-9a-f-]{36}\)/g) ?? [];
    expect(links.length).toBeGreaterThan(5);
    for (const link of links) expect(Object.values(w.ids)).toContain(link.slice(-37, -1));
  });

  it('the PDF, read back with pdftotext, has the same sections, statements and figures', async () => {
    const file = await download(w, summaryId, 'pdf');
    expect(file.type).toBe('application/pdf');
    expect(file.body.subarray(0, 5).toString()).toBe('%PDF-');
    const text = flat(pdfText(file.body));
    const facts = markdownFacts(md);
    expect(facts.statements.length).toBeGreaterThan(8);
    const missing = [
      ...facts.headings.filter((h) => !text.includes(flat(h))),
      ...facts.statements.filter((s) => !text.includes(flat(s))),
      ...facts.figures.filter((n) => !new RegExp(`\\b${n}\\b`).test(text)),
    ];
    expect(missing).toEqual([]);
  });

  it('the DOCX, read back with mammoth, has the same sections, statements and figures', async () => {
    const file = await download(w, summaryId, 'docx');
    expect(file.type).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const text = flat((await mammoth.extractRawText({ buffer: file.body })).value);
    const facts = markdownFacts(md);
    const missing = [
      ...facts.headings.filter((h) => !text.includes(flat(h))),
      ...facts.statements.filter((s) => !text.includes(flat(s))),
      ...facts.figures.filter((n) => !new RegExp(`\\b${n}\\b`).test(text)),
    ];
    expect(missing).toEqual([]);
  });

  it('the HTML page has the same headings and statements, escaped, with links to the contributions', async () => {
    const file = await download(w, summaryId, 'html');
    expect(file.type).toMatch(/^text\/html/);
    const html = file.body.toString('utf8');
    const text = flat(
      html
        .replace(/<style[\s\S]*?<\/style>/, '')
        .replace(/<[^>]+>/g, ' ')
        .replace(/&#39;/g, "'")
        .replace(/&quot;/g, '"')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&'),
    );
    const facts = markdownFacts(md);
    expect([...facts.headings, ...facts.statements].filter((s) => !text.includes(flat(s)))).toEqual([]);
    expect(html).not.toMatch(/<script/i);
    expect(html).toMatch(/<a href="http[^"]+\/contributions\/[0-9a-f-]{36}">/);
  });

  it('every format in English, French and Spanish carries the priorities, the gaps (the objective nobody took up, the topic of one constituency), and the regions', async () => {
    const missing: string[] = [];
    for (const lang of ['en', 'fr', 'es'] as const) {
      // the exports and the view read the same wording: the worker's translation into `lang` first
      const view = await eventually(
        async () => {
          const body = expectStatus(await w.rapporteur.client.get(`/stocktaking/${summaryId}?lang=${lang}`), 200).body;
          return !body.translation || body.translation.status !== 'pending' ? body : undefined;
        },
        90_000,
        `the ${lang} translation of the summary`,
      );
      expect(view.translation?.status ?? 'original').toBe(lang === 'en' ? 'original' : 'done');
      const s = view.sections;
      const objective = s.gaps.find((i: any) => i.kind === 'objective');
      const single = s.gaps.find((i: any) => i.kind === 'single-constituency');
      expect([objective?.objective, single?.constituencies.length]).toEqual([4, 1]);
      expect(s.priorities.length).toBeGreaterThan(0);
      expect(view.participation.regionsSentence).toBeTruthy();
      const cat = CATALOGUES[lang];
      const expected = [
        cat.headings.priorities,
        cat.headings.gaps,
        view.participation.regionsSentence,
        objective.statement,
        single.statement,
        ...s.priorities.map((i: any) => i.statement),
      ];
      for (const format of ['md', 'html', 'pdf', 'docx'] as const) {
        const text = await exportText(w, summaryId, format, lang);
        for (const e of expected) if (!text.includes(flat(e))) missing.push(`${lang} ${format}: ${e}`);
      }
    }
    expect(missing).toEqual([]);
  }, 300_000);

  it('exports in French with the catalogue’s wording, and refuses an unknown format', async () => {
    const text = flat(pdfText((await download(w, summaryId, 'pdf', 'fr')).body));
    expect(text).toContain('16 participants ont pris part : 4 représentants de 3 États');
    expect(text).toContain('Points de convergence entre groupes');
    const bad = await w.rapporteur.client.get(`/stocktaking/${summaryId}/export?format=odt`);
    expectErrorShape(bad, 400);
  });
});
