import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';

/**
 * The access token lives in memory only: a page load gets one from the refresh cookie
 * (HttpOnly, so no script here can read the long-lived credential), and an answer 401
 * renews it once and retries. Tabs renew one at a time (Web Locks), since a refresh
 * token presented twice ends the session.
 */
let token: string | null = null;
let renewing: Promise<AuthAnswer | null> | null = null;

interface AuthAnswer {
  accessToken: string;
  user: unknown;
}

export function getToken(): string | null {
  return token;
}

export function setToken(value: string | null): void {
  token = value;
}

/** A fresh access token from the refresh cookie (null when this device is not signed in). */
export function renewSession(): Promise<AuthAnswer | null> {
  renewing ??= withLock(async () => {
    const res = await fetch('/api/v1/auth/refresh', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { accept: 'application/json', ...languageHeaders() },
    }).catch(() => null);
    if (!res?.ok) return null;
    const answer = (await res.json()) as AuthAnswer;
    token = answer.accessToken;
    return answer;
  }).finally(() => {
    renewing = null;
  });
  return renewing;
}

function withLock<T>(run: () => Promise<T>): Promise<T> {
  const locks = (navigator as Navigator & { locks?: { request(name: string, cb: () => Promise<T>): Promise<T> } })
    .locks;
  return locks ? locks.request('rt-session-refresh', run) : run();
}

/** Signs this device out on the server (its session and cookie), then forgets the token. */
export async function endSession(): Promise<void> {
  await fetch('/api/v1/auth/logout', { method: 'POST', credentials: 'same-origin' }).catch(() => undefined);
  token = null;
}

/** An API answer other than 2xx, with the server's message (validation lists joined). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** The api's error code (`two_factor_required`, `email_unverified` …) when it gives one. */
    readonly code?: string,
  ) {
    super(message);
  }
}

const retries = new WeakMap<Request, Request>();

/**
 * The interface's language (i18n keeps it on <html lang>), sent as Accept-Language so the
 * api's error messages read in the language the page is shown in.
 */
function languageHeaders(): Record<string, string> {
  const lang = document.documentElement.lang;
  return lang ? { 'accept-language': lang } : {};
}

const auth: Middleware = {
  onRequest({ request }) {
    for (const [name, value] of Object.entries(languageHeaders())) request.headers.set(name, value);
    if (token) request.headers.set('authorization', `Bearer ${token}`);
    if (token && !request.url.includes('/api/v1/auth/')) retries.set(request, request.clone());
    return request;
  },
  async onResponse({ request, response }) {
    const again = retries.get(request);
    if (response.status !== 401 || !again) return response;
    // the access token expired (or the session ended): renew once, then ask again
    if (!(await renewSession())) return response;
    again.headers.set('authorization', `Bearer ${token}`);
    return fetch(again);
  },
};

/** How often, at most, a read is asked again while the service says it is briefly unavailable. */
const UNAVAILABLE_RETRIES = 3;

/**
 * A read answered 503 (the api could not reach its database or Redis for a moment, and
 * says when to come back in Retry-After) is asked again after that wait, at most 5 s and
 * a few times, so a busy moment does not leave the page empty. Writes are never repeated:
 * the person decides whether to send again.
 */
const readsOutlastBriefOutages: Middleware = {
  async onResponse({ request, response }) {
    if (request.method !== 'GET') return response;
    let answer = response;
    for (let attempt = 1; answer.status === 503 && attempt <= UNAVAILABLE_RETRIES; attempt++) {
      const seconds = Math.min(Math.max(Number(answer.headers.get('retry-after')) || 1, 0.5), 5);
      await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
      const again = new Request(request);
      if (token) again.headers.set('authorization', `Bearer ${token}`);
      answer = await fetch(again);
    }
    return answer;
  },
};

/** The typed client: paths, parameters and bodies from schema.d.ts (npm run web:api-types). */
export const api = createClient<paths>({ baseUrl: '' });
api.use(auth, readsOutlastBriefOutages);

type Answer = { data?: unknown; error?: unknown; response: Response };

/**
 * Awaits an openapi-fetch call and returns its data as T (most routes do not document
 * their response yet, see types.ts), or throws an ApiError carrying the server's message.
 */
export async function call<T>(pending: Promise<Answer>): Promise<T> {
  let answer: Answer;
  try {
    answer = await pending;
  } catch {
    throw new ApiError(0, 'network');
  }
  const { data, error, response } = answer;
  if (!response.ok) {
    const body = error as { message?: string | string[]; code?: string } | undefined;
    const message = Array.isArray(body?.message) ? body!.message.join(' · ') : (body?.message ?? response.statusText);
    if (response.status === 401 && token) {
      setToken(null);
      window.dispatchEvent(new Event('rt:signed-out'));
    }
    throw new ApiError(response.status, String(message), body?.code);
  }
  return data as T;
}

/** Downloads a file the API serves behind the bearer token (exports). */
export async function download(url: string, fallbackName: string): Promise<void> {
  let res = await fetch(url, {
    headers: { ...languageHeaders(), ...(token ? { authorization: `Bearer ${token}` } : {}) },
  });
  if (res.status === 401 && (await renewSession()))
    res = await fetch(url, { headers: { ...languageHeaders(), authorization: `Bearer ${token}` } });
  if (!res.ok) {
    const body = await res.json().catch(() => ({}) as { message?: string });
    throw new ApiError(res.status, String(body.message ?? res.statusText));
  }
  const name = /filename="?([^";]+)"?/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? fallbackName;
  const blob = await res.blob();
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
