import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';

const TOKEN_KEY = 'rt.token';
let token: string | null = readToken();

function readToken(): string | null {
  try {
    return localStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

export function getToken(): string | null {
  return token;
}

export function setToken(value: string | null): void {
  token = value;
  try {
    if (value) localStorage.setItem(TOKEN_KEY, value);
    else localStorage.removeItem(TOKEN_KEY);
  } catch {
    // private mode: the session lasts as long as the tab
  }
}

/** An API answer other than 2xx, with the server's message (validation lists joined). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const auth: Middleware = {
  onRequest({ request }) {
    if (token) request.headers.set('authorization', `Bearer ${token}`);
    return request;
  },
};

/** The typed client: paths, parameters and bodies from schema.d.ts (npm run web:api-types). */
export const api = createClient<paths>({ baseUrl: '' });
api.use(auth);

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
    const body = error as { message?: string | string[] } | undefined;
    const message = Array.isArray(body?.message) ? body!.message.join(' · ') : body?.message ?? response.statusText;
    if (response.status === 401 && token) {
      setToken(null);
      window.dispatchEvent(new Event('rt:signed-out'));
    }
    throw new ApiError(response.status, String(message));
  }
  return data as T;
}

/** Downloads a file the API serves behind the bearer token (exports). */
export async function download(url: string, fallbackName: string): Promise<void> {
  const res = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
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
