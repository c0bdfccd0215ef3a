import { request } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { ROOT, startWebStack, WebStack } from './support/web';

/**
 * How the api delivers the web app: the build's Brotli and gzip copies to clients that
 * accept them (the same bytes once decompressed), the raw file to the others, hashed
 * assets cached for a year, the page itself revalidated on every visit.
 */
describe('web app delivery', () => {
  let stack: WebStack;
  let script: string;
  const DIST = join(ROOT, 'apps', 'web', 'dist');

  beforeAll(async () => {
    stack = await startWebStack();
    const html = readFileSync(join(DIST, 'index.html'), 'utf8');
    script = /<script[^>]+src="(\/assets\/[^"]+\.js)"/.exec(html)![1];
  }, 90_000);

  afterAll(async () => {
    await stack?.stop();
  });

  /** A raw GET (Node's fetch would decompress the body and hide the encoding). */
  function get(
    path: string,
    acceptEncoding?: string,
  ): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
    return new Promise((resolve, reject) => {
      const req = request(
        `${stack.url}${path}`,
        { headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
          );
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end();
    });
  }

  it('sends the entry script Brotli-compressed to a browser that accepts it, the same bytes once decompressed, cached for a year', async () => {
    const raw = readFileSync(join(DIST, script));
    const res = await get(script, 'gzip, deflate, br, zstd');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(String(res.headers.vary).toLowerCase()).toContain('accept-encoding');
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.body.length).toBeLessThan(raw.length / 2);
    expect(brotliDecompressSync(res.body).equals(raw)).toBe(true);
  });

  it('sends gzip to a client that accepts only gzip, and the raw file to one that accepts nothing', async () => {
    const raw = readFileSync(join(DIST, script));
    const gz = await get(script, 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).equals(raw)).toBe(true);

    const plain = await get(script);
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(String(plain.headers.vary).toLowerCase()).toContain('accept-encoding');
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(plain.body.equals(raw)).toBe(true);
  });

  it('makes browsers revalidate the page itself, at / and at any page address of the app', async () => {
    const html = readFileSync(join(DIST, 'index.html'));
    for (const path of ['/', '/spaces/3f0c1f0e-0000-4000-8000-000000000000', '/login']) {
      const res = await get(path, 'br');
      expect(res.status).toBe(200);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.headers['content-type']).toMatch(/text\/html/);
      const body = res.headers['content-encoding'] === 'br' ? brotliDecompressSync(res.body) : res.body;
      expect(body.equals(html)).toBe(true);
    }
  });

  it('keeps a missing asset a 404', async () => {
    const res = await get('/assets/nothing-here-12345678.js', 'br');
    expect(res.status).toBe(404);
  });
});
