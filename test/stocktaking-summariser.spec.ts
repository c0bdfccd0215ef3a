import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { buildStocktakingWorld, POSTING_ENV, publishDigests, StocktakingWorld } from './support/stocktaking-world';
import { startTestApi, TestApi } from './support/test-api';
import { expectStatus } from './support/world';

/**
 * The optional summariser: an OpenAI-compatible chat completions endpoint (here a local
 * HTTP server) rewords the extractive statements; figures never come from it.
 */
describe('stocktaking with an OpenAI-compatible summariser', () => {
  let server: Server;
  let api: TestApi;
  let w: StocktakingWorld;
  const requests: Array<{ path: string; auth: string | undefined; body: any }> = [];

  const read = (req: IncomingMessage) =>
    new Promise<string>((resolve) => {
      let data = '';
      req.on('data', (c) => (data += c));
      req.on('end', () => resolve(data));
    });

  beforeAll(async () => {
    server = createServer(async (req, res) => {
      const body = JSON.parse(await read(req));
      requests.push({ path: req.url ?? '', auth: req.headers.authorization, body });
      const { statements } = JSON.parse(body.messages.find((m: any) => m.role === 'user').content);
      // key emphases come back reworded with their own figures; points of convergence with an invented one
      const reworded = statements.map((s: { id: string; text: string }) => ({
        id: s.id,
        text: s.id.startsWith('keyEmphases/')
          ? `As the rapporteur puts it — ${s.text}`
          : `${s.text} Some 99 delegations agreed.`,
      }));
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          id: 'cmpl-1',
          object: 'chat.completion',
          choices: [
            {
              index: 0,
              message: { role: 'assistant', content: JSON.stringify({ statements: reworded }) },
              finish_reason: 'stop',
            },
          ],
        }),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    api = await startTestApi({
      ...POSTING_ENV,
      SUMMARISER: 'openai',
      SUMMARISER_URL: `http://127.0.0.1:${port}/v1`,
      SUMMARISER_MODEL: 'summary-model-test',
      SUMMARISER_API_KEY: 'sk-local-test-key',
    });
    w = await buildStocktakingWorld(api);
    await publishDigests(w);
  }, 90_000);
  afterAll(async () => {
    await api?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('uses the endpoint’s wording when it keeps the figures, and the extractive wording when it invents one', async () => {
    const summary = expectStatus(
      await w.rapporteur.client.post(`/roundtables/${w.roundtableId}/stocktaking`, {
        periodStart: w.periodStart,
        periodEnd: w.periodEnd,
      }),
      201,
    ).body;
    expect(summary.summariser).toBe('openai');
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({
      path: '/v1/chat/completions',
      auth: 'Bearer sk-local-test-key',
      body: { model: 'summary-model-test' },
    });
    // what was sent: statements only, never the participation figures
    expect(JSON.stringify(requests[0].body)).not.toContain('participants took part');

    // the world has themes raised by several constituencies: both sections have items to check
    expect(summary.sections.keyEmphases.length).toBeGreaterThan(0);
    expect(summary.sections.convergence.length).toBeGreaterThan(0);
    for (const item of summary.sections.keyEmphases) {
      expect(item.statement).toMatch(/^As the rapporteur puts it — /);
      expect(item.sources.length).toBeGreaterThanOrEqual(2);
    }
    for (const item of summary.sections.convergence) {
      expect(item.phrased).toBeNull();
      expect(item.statement).not.toContain('99');
    }
    expect(summary.participation.sentence).toMatch(/^16 participants took part: /);
  });
});
