import 'reflect-metadata';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig } from '@roundtable/core';
import { createApiApp } from '../../apps/api/src/create-api-app';

export interface TestApi {
  url: string;
  app: NestFastifyApplication;
  close(): Promise<void>;
}

/** Starts the real api (Fastify, PostgreSQL, Redis) in this process on a free port. */
export async function startTestApi(env: Record<string, string> = {}): Promise<TestApi> {
  // tests stand in for clients behind a proxy: X-Forwarded-For tells them apart
  const config = loadConfig({
    ...process.env,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
    TRUST_PROXY: 'true',
    ...env,
  });
  const app = await createApiApp(config);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, app, close: () => app.close() };
}

export interface Reply<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** A small JSON client bound to one base URL and, optionally, a token. */
export class Client {
  constructor(
    readonly base: string,
    readonly token?: string,
  ) {}

  as(token: string | undefined): Client {
    return new Client(this.base, token);
  }

  async request<T = any>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Reply<T>> {
    const res = await fetch(
      `${this.base}${path.startsWith('/api') || path.startsWith('/health') ? '' : '/api/v1'}${path}`,
      {
        method,
        headers: {
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
          ...headers,
        },
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      },
    );
    const text = await res.text();
    let parsed: any = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, body: parsed, headers: res.headers };
  }

  get<T = any>(path: string) {
    return this.request<T>('GET', path);
  }
  post<T = any>(path: string, body?: unknown) {
    return this.request<T>('POST', path, body ?? {});
  }
  patch<T = any>(path: string, body: unknown) {
    return this.request<T>('PATCH', path, body);
  }
  put<T = any>(path: string, body: unknown) {
    return this.request<T>('PUT', path, body);
  }
  delete<T = any>(path: string) {
    return this.request<T>('DELETE', path);
  }
}

let counter = 0;
export function uniqueEmail(tag = 'user'): string {
  counter += 1;
  return `${tag}-${process.pid}-${Date.now()}-${counter}@example.org`;
}

export interface TestUser {
  id: string;
  email: string;
  password: string;
  token: string;
  client: Client;
}

export async function registerUser(base: string, overrides: Record<string, unknown> = {}): Promise<TestUser> {
  const email = uniqueEmail(String(overrides.tag ?? 'user'));
  const password = 'correct-horse-7';
  const { tag: _tag, ...profile } = overrides;
  const res = await new Client(base).post('/auth/register', {
    email,
    password,
    displayName: 'Test Person',
    constituency: 'civil_society',
    preferredLanguage: 'en',
    ...profile,
  });
  if (res.status !== 201) throw new Error(`register failed: ${res.status} ${JSON.stringify(res.body)}`);
  return {
    id: res.body.user.id,
    email,
    password,
    token: res.body.accessToken,
    client: new Client(base, res.body.accessToken),
  };
}

/** An organiser account, made the way operators do it: from configuration at boot (ensureOrganiser). */
export async function organiser(api: TestApi): Promise<TestUser> {
  const { AuthService } = await import('@roundtable/identity');
  const email = uniqueEmail('organiser');
  const password = 'organiser-pass-9';
  await api.app.get(AuthService).ensureOrganiser(email, password);
  const res = await new Client(api.url).post('/auth/login', { email, password });
  return {
    id: res.body.user.id,
    email,
    password,
    token: res.body.accessToken,
    client: new Client(api.url, res.body.accessToken),
  };
}

/** Polls until `check` returns a truthy value or the deadline passes. */
export async function eventually<T>(
  check: () => Promise<T | undefined | null | false> | T | undefined | null | false,
  timeoutMs = 10_000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value) return value as T;
    } catch (err) {
      last = err;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${(last as Error).message}` : ''}`);
}
