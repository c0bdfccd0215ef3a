import { TranslationError, retryableStatus } from './translation-provider';

/**
 * POSTs JSON and returns the parsed answer; failures become {@link TranslationError}s
 * that say whether a retry may help (network errors, timeouts, 408/429/456/5xx) or not
 * (any other 4xx, e.g. an unsupported language pair).
 */
export async function postJson<T>(
  provider: string,
  url: string,
  body: unknown,
  headers: Record<string, string>,
  signal: AbortSignal,
): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
      body: JSON.stringify(body),
      signal,
    });
  } catch (err) {
    const reason = signal.aborted ? 'timed out' : (err as Error).message;
    throw new TranslationError(`${provider} at ${new URL(url).origin} ${reason}`, true);
  }
  const raw = await res.text().catch(() => '');
  if (!res.ok) {
    let detail = raw.slice(0, 300);
    try {
      const parsed = JSON.parse(raw);
      detail = parsed.error ?? parsed.message ?? detail;
    } catch {
      // not JSON: keep the text
    }
    throw new TranslationError(`${provider} answered ${res.status}: ${detail}`, retryableStatus(res.status));
  }
  try {
    return JSON.parse(raw) as T;
  } catch {
    throw new TranslationError(`${provider} answered something that is not JSON: ${raw.slice(0, 200)}`, true);
  }
}

/** Splits items into batches of at most `maxItems` and about `maxChars` characters. */
export function batches<T>(items: T[], size: (item: T) => number, maxItems: number, maxChars: number): T[][] {
  const out: T[][] = [];
  let current: T[] = [];
  let chars = 0;
  for (const item of items) {
    const n = size(item);
    if (current.length > 0 && (current.length >= maxItems || chars + n > maxChars)) {
      out.push(current);
      current = [];
      chars = 0;
    }
    current.push(item);
    chars += n;
  }
  if (current.length) out.push(current);
  return out;
}
