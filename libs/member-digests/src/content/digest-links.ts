/**
 * Where a digest points to, in the web app (APP_URL). Contribution links open the thread
 * at the contribution (`#c-<id>`, the web app's anchors); `lang=` asks for the thread in
 * the original's language.
 */
export class DigestLinks {
  private readonly base: string;

  constructor(appUrl: string) {
    this.base = appUrl.replace(/\/+$/, '');
  }

  home(): string {
    return `${this.base}/`;
  }

  space(spaceId: string): string {
    return `${this.base}/spaces/${spaceId}`;
  }

  contribution(spaceId: string, contributionId: string): string {
    return `${this.base}/spaces/${spaceId}#c-${contributionId}`;
  }

  original(spaceId: string, contributionId: string, language: string): string {
    return `${this.base}/spaces/${spaceId}?lang=${language}#c-${contributionId}`;
  }

  settings(): string {
    return `${this.base}/settings`;
  }

  moderatorDigest(id: string): string {
    return `${this.base}/digests/${id}`;
  }

  stocktaking(id: string): string {
    return `${this.base}/stocktaking/${id}`;
  }

  /** The RFC 8058 one-click address (the api answers it; `GET` shows a confirmation page). */
  unsubscribe(token: string): string {
    return `${this.base}/api/v1/unsubscribe?token=${encodeURIComponent(token)}`;
  }
}
