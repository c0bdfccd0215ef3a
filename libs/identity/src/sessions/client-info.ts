import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

/** Who is asking, as a session and the security log record it. */
export interface ClientInfo {
  /** The browser or program (User-Agent, trimmed). */
  device: string;
  ip: string | null;
}

export function clientInfo(userAgent: string | undefined, ip: string | undefined): ClientInfo {
  return { device: (userAgent ?? '').slice(0, 300), ip: ip ?? null };
}

/** The request's client: its User-Agent and address (behind TRUST_PROXY, the forwarded one). */
export const RequestClient = createParamDecorator((_: unknown, ctx: ExecutionContext): ClientInfo => {
  const request = ctx.switchToHttp().getRequest<FastifyRequest>();
  return clientInfo(request.headers['user-agent'], request.ip);
});
