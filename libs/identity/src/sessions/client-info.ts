/** Who is asking, as a session and the security log record it. */
export interface ClientInfo {
  /** The browser or program (User-Agent, trimmed). */
  device: string;
  ip: string | null;
}

export function clientInfo(userAgent: string | undefined, ip: string | undefined): ClientInfo {
  return { device: (userAgent ?? '').slice(0, 300), ip: ip ?? null };
}
