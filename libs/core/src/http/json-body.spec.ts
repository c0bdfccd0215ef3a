import { gunzipSync } from 'node:zlib';
import { acceptsGzip, JsonBody } from './json-body';

/** The parts of a Fastify reply that a body uses, recording what was sent. */
function fakeReply() {
  const sent: { status?: number; headers: Record<string, string>; payload?: Buffer } = { headers: {} };
  const reply = {
    header(name: string, value: string) {
      sent.headers[name] = value;
      return reply;
    },
    status(code: number) {
      sent.status = code;
      return reply;
    },
    async send(payload?: Buffer) {
      sent.payload = payload;
      return reply;
    },
  };
  return { reply: reply as never, sent };
}

describe('JsonBody', () => {
  const json = JSON.stringify({ items: Array.from({ length: 50 }, (_, i) => ({ body: `Les villes d’accueil ${i}` })) });

  it('sends the JSON with its ETag, gzipped when the client accepts gzip, and the same ETag either way', async () => {
    const body = new JsonBody(json);
    const plain = fakeReply();
    await body.send(plain.reply, {});
    expect(plain.sent.status).toBe(200);
    expect(plain.sent.payload!.toString('utf8')).toBe(json);
    expect(plain.sent.headers['content-encoding']).toBeUndefined();

    const zipped = fakeReply();
    await body.send(zipped.reply, { acceptEncoding: 'gzip, deflate, br' });
    expect(zipped.sent.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(zipped.sent.payload!).toString('utf8')).toBe(json);
    expect(zipped.sent.payload!.length).toBeLessThan(json.length / 3);
    expect(zipped.sent.headers.etag).toBe(plain.sent.headers.etag);
    expect(zipped.sent.headers.vary).toBe('accept-encoding');
  });

  it('answers 304 with no body when If-None-Match names its ETag, weak or strong', async () => {
    const body = new JsonBody(json);
    for (const tag of [body.etag, body.etag.slice(2), `"other", ${body.etag}`, '*']) {
      const { reply, sent } = fakeReply();
      await body.send(reply, { ifNoneMatch: tag });
      expect([tag, sent.status, sent.payload]).toEqual([tag, 304, undefined]);
    }
    const { reply, sent } = fakeReply();
    await body.send(reply, { ifNoneMatch: '"other"' });
    expect(sent.status).toBe(200);
  });

  it('sends a small body as it is', async () => {
    const { reply, sent } = fakeReply();
    await new JsonBody('{"items":[]}').send(reply, { acceptEncoding: 'gzip' });
    expect(sent.headers['content-encoding']).toBeUndefined();
    expect(sent.payload!.toString()).toBe('{"items":[]}');
  });

  it('reads Accept-Encoding as HTTP defines it', () => {
    expect(acceptsGzip('gzip, deflate, br')).toBe(true);
    expect(acceptsGzip('br;q=1.0, GZIP;q=0.5')).toBe(true);
    expect(acceptsGzip('*')).toBe(true);
    expect(acceptsGzip('gzip;q=0')).toBe(false);
    expect(acceptsGzip('deflate, br')).toBe(false);
    expect(acceptsGzip('identity')).toBe(false);
    expect(acceptsGzip(undefined)).toBe(false);
  });
});
