import { Injectable } from '@nestjs/common';
import { parse, serialize } from 'cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppConfig, DomainError } from '@roundtable/core';
import { IDENTITY_MESSAGES as M } from '../identity-messages';

export const REFRESH_COOKIE = 'rt_refresh';
/** Sent only to the routes that need it: refresh and sign-out. */
const COOKIE_PATH = '/api/v1/auth';

/**
 * The refresh token's cookie: HttpOnly (no script reads it), SameSite=Strict (no other
 * site's page sends it), Secure whenever the app is served over https (APP_URL), scoped
 * to `/api/v1/auth`. Routes that act on it accept only same-origin requests.
 */
@Injectable()
export class RefreshCookie {
  private readonly secure: boolean;
  private readonly origins: Set<string>;

  constructor(config: AppConfig) {
    this.secure = new URL(config.APP_URL).protocol === 'https:';
    this.origins = new Set([
      new URL(config.APP_URL).origin,
      ...config.ALLOWED_ORIGINS.map((o) => o.replace(/\/+$/, '')),
    ]);
  }

  set(reply: FastifyReply, token: string, expires: Date): void {
    void reply.header(
      'set-cookie',
      serialize(REFRESH_COOKIE, token, {
        httpOnly: true,
        secure: this.secure,
        sameSite: 'strict',
        path: COOKIE_PATH,
        expires,
      }),
    );
  }

  clear(reply: FastifyReply): void {
    void reply.header(
      'set-cookie',
      serialize(REFRESH_COOKIE, '', {
        httpOnly: true,
        secure: this.secure,
        sameSite: 'strict',
        path: COOKIE_PATH,
        expires: new Date(0),
      }),
    );
  }

  read(request: FastifyRequest): string | undefined {
    const header = request.headers.cookie;
    return header ? parse(header)[REFRESH_COOKIE] : undefined;
  }

  /**
   * A cookie-authenticated POST must come from the app's own pages: the browser's
   * `Sec-Fetch-Site: same-origin`, or an `Origin` the api serves. 403 otherwise (CSRF).
   */
  assertSameOrigin(request: FastifyRequest): void {
    const site = request.headers['sec-fetch-site'];
    const origin = request.headers.origin;
    if (site === 'same-origin' || (typeof origin === 'string' && this.origins.has(origin))) return;
    throw DomainError.forbidden(M.crossOrigin, 'cross_origin');
  }
}
