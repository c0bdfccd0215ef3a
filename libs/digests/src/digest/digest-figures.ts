import type { DigestFigures, DigestRow, DiscussedThread } from './digest.types';

const EXCERPT = 220;

/** Activity figures of a space's contributions in a period; moderators counted apart from participants. */
export function digestFigures(rows: DigestRow[]): DigestFigures {
  const figures: DigestFigures = {
    contributions: rows.length,
    threads: 0,
    replies: 0,
    participants: 0,
    moderators: 0,
    moderatorContributions: 0,
    byConstituency: {},
    byLanguage: {},
    byCountry: {},
  };
  const participants = new Map<string, DigestRow>();
  const moderators = new Set<string>();
  for (const r of rows) {
    if (r.parentId) figures.replies += 1;
    else figures.threads += 1;
    if (r.language) figures.byLanguage[r.language] = (figures.byLanguage[r.language] ?? 0) + 1;
    if (r.byModerator) {
      figures.moderatorContributions += 1;
      moderators.add(r.authorId);
      continue;
    }
    const c = (figures.byConstituency[r.constituency] ??= { contributions: 0, participants: 0 });
    c.contributions += 1;
    if (!participants.has(r.authorId)) {
      participants.set(r.authorId, r);
      c.participants += 1;
    }
    if (r.country) figures.byCountry[r.country] = (figures.byCountry[r.country] ?? 0) + 1;
  }
  figures.participants = participants.size;
  figures.moderators = moderators.size;
  return figures;
}

/**
 * The threads with most replies in the period (ties: the older thread first). `roots`
 * holds thread starters posted before the period, so their excerpt can be shown.
 */
export function mostDiscussed(rows: DigestRow[], roots: Map<string, DigestRow>, limit = 5): DiscussedThread[] {
  const byRoot = new Map<string, { replies: number; repliers: Set<string> }>();
  for (const r of rows) {
    if (!r.parentId) continue;
    const t = byRoot.get(r.rootId) ?? { replies: 0, repliers: new Set<string>() };
    t.replies += 1;
    t.repliers.add(r.authorId);
    byRoot.set(r.rootId, t);
  }
  const own = new Map(rows.map((r) => [r.id, r]));
  return [...byRoot]
    .map(([rootId, t]) => ({ root: own.get(rootId) ?? roots.get(rootId), ...t }))
    .filter((t): t is { root: DigestRow; replies: number; repliers: Set<string> } => !!t.root)
    .sort((a, b) => b.replies - a.replies || a.root.createdAt.getTime() - b.root.createdAt.getTime())
    .slice(0, limit)
    .map((t) => ({
      contributionId: t.root.id,
      excerpt: excerpt(t.root.body),
      authorName: t.root.authorName,
      constituency: t.root.constituency,
      replies: t.replies,
      repliers: t.repliers.size,
    }));
}

export function excerpt(text: string, max = EXCERPT): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 30)).trimEnd()}…`;
}
