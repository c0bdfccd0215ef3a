import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { FastifyReply } from 'fastify';

const gzipAsync = promisify(gzip);

/** Below this size a response is sent as it is: compressing it would save less than it costs. */
const COMPRESS_FROM_BYTES = 1024;

/**
 * A JSON response body made once and sent many times: its UTF-8 bytes, its weak ETag and,
 * when a client first accepts it, its gzip form (compressed off the event loop, then kept).
 * A cached page is encoded, hashed and compressed once, not once per reader.
 */
export class JsonBody {
  readonly bytes: Buffer;
  readonly etag: string;
  private gzipped?: Promise<Buffer>;

  constructor(json: string) {
    this.bytes = Buffer.from(json, 'utf8');
    this.etag = `W/"${createHash('sha1').update(this.bytes).digest('base64url')}"`;
  }

  /**
   * Sends the body with its ETag: 304 and no body when `If-None-Match` names it; gzip when
   * the client accepts it (every browser and `fetch` does) and the body is worth compressing.
   */
  async send(reply: FastifyReply, headers: { ifNoneMatch?: string; acceptEncoding?: string }): Promise<void> {
    void reply.header('etag', this.etag).header('cache-control', 'private, no-cache').header('vary', 'accept-encoding');
    if (matches(headers.ifNoneMatch, this.etag)) {
      await reply.status(304).send();
      return;
    }
    void reply.status(200).header('content-type', 'application/json; charset=utf-8');
    if (this.bytes.length >= COMPRESS_FROM_BYTES && acceptsGzip(headers.acceptEncoding)) {
      this.gzipped ??= gzipAsync(this.bytes);
      await reply.header('content-encoding', 'gzip').send(await this.gzipped);
      return;
    }
    await reply.send(this.bytes);
  }
}

/** Whether an If-None-Match header names this (weak) ETag; `*` matches any. */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const strong = etag.slice(2);
  return ifNoneMatch.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t === etag || t === strong;
  });
}

/** Whether an Accept-Encoding header accepts gzip (`gzip` or `*`, unless given q=0). */
export function acceptsGzip(acceptEncoding: string | undefined): boolean {
  if (!acceptEncoding) return false;
  return acceptEncoding.split(',').some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    if (coding.trim() !== 'gzip' && coding.trim() !== '*') return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return !q || Number(q.slice(2)) > 0;
  });
}
