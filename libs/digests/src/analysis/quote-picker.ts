import { quotable } from './central-sentence';
import type { AnalysedContribution, Quote, Theme } from './theme.types';

const MAX_QUOTE = 400;
const COURTESY = /\b(thank|thanks|merci|gracias)\b/i;

interface Scored {
  contribution: AnalysedContribution;
  text: string;
  score: number;
}

/**
 * The sentences that best represent a theme, quoted as written: those that carry the
 * theme (or a phrase folded into it), preferring ones that also touch other themes and
 * read as a statement of reasonable length. At most one per author; different
 * constituencies first, so the quotes show who converges.
 */
export function pickQuotes(
  theme: Pick<Theme, 'key' | 'variants'>,
  contributions: AnalysedContribution[],
  allThemeKeys: Set<string>,
  limit: number,
): Quote[] {
  const own = new Set([theme.key, ...theme.variants]);
  const bestByAuthor = new Map<string, Scored>();
  for (const contribution of contributions) {
    for (const sentence of contribution.sentences) {
      if (!sentence.keys.some((k) => own.has(k))) continue;
      const text = sentence.text.trim();
      if (text.length > MAX_QUOTE || text.length < 25 || !quotable(text)) continue;
      const others = new Set(sentence.keys.filter((k) => allThemeKeys.has(k) && !own.has(k))).size;
      let score = 2 + 0.5 * Math.min(others, 3);
      score += text.length >= 60 && text.length <= 240 ? 1 : 0.4;
      if (text.endsWith('?')) score -= 1;
      if (COURTESY.test(text)) score -= 1;
      // a quote ends on its own sentence boundary
      if (!/[.!?…]["'”’»)]*$/.test(text)) score -= 0.5;
      const current = bestByAuthor.get(contribution.authorId);
      if (!current || score > current.score || (score === current.score && text.length < current.text.length)) {
        bestByAuthor.set(contribution.authorId, { contribution, text, score });
      }
    }
  }
  const ranked = [...bestByAuthor.values()].sort(
    (a, b) => b.score - a.score || (a.contribution.id < b.contribution.id ? -1 : 1),
  );
  const chosen: Scored[] = [];
  const constituencies = new Set<string>();
  for (const s of ranked) {
    if (chosen.length >= limit) break;
    if (constituencies.has(s.contribution.constituency)) continue;
    chosen.push(s);
    constituencies.add(s.contribution.constituency);
  }
  for (const s of ranked) {
    if (chosen.length >= limit) break;
    if (!chosen.includes(s)) chosen.push(s);
  }
  return chosen.map(({ contribution: c, text }) => ({
    contributionId: c.id,
    text,
    language: c.language,
    authorName: c.authorName,
    organisation: c.organisation,
    constituency: c.constituency,
  }));
}
