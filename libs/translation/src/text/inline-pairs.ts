import { KeepPart, Segment, withPlaceholders } from './segment';

/**
 * Inline Markdown that wraps words: emphasis (`**`, `*`, `_`, `~~` …) and link labels
 * (`[` … `](target)`). Their markers are kept parts; an engine returns them in order but
 * places them by its own word order, so "**stable contracts**" may come back as
 * "**précisons des contrats stables**". {@link placePairs} moves each pair back around
 * the translation of the words it wrapped.
 */
export interface InlinePair {
  open: KeepPart;
  close: KeepPart;
  /** The wrapped words, as a segment of their own (translated apart to find them again). */
  inner: Segment;
}

const EMPHASIS = /^(?:\*{1,3}|_{1,3}|~~)$/;

/** The pairs of a segment whose wrapped words are plain text (nested markup is left where the engine puts it). */
export function inlinePairs(segment: Segment): InlinePair[] {
  const pairs: InlinePair[] = [];
  const open = new Map<string, number>();
  segment.forEach((part, i) => {
    if (part.kind !== 'keep') return;
    const kind = EMPHASIS.test(part.text)
      ? part.text
      : part.text === '[' || part.text === '!['
        ? '['
        : part.text.startsWith('](')
          ? '['
          : null;
    if (!kind) return;
    const closing = part.text.startsWith('](') || (kind !== '[' && open.has(kind));
    if (!closing) {
      open.set(kind, i);
      return;
    }
    const start = open.get(kind);
    if (start === undefined) return;
    open.delete(kind);
    const inner = segment.slice(start + 1, i);
    if (inner.length === 1 && inner[0].kind === 'text' && /\p{L}/u.test(inner[0].text))
      pairs.push({ open: segment[start] as KeepPart, close: part, inner });
  });
  return pairs;
}

/**
 * Puts each pair's markers around the translation of its words when that translation is
 * found once in the output (case aside); otherwise leaves them where the engine put them.
 * Either way no marker is left with white space on its inner side ("** word**" is not
 * Markdown): the space moves outside.
 */
export function placePairs(output: Segment, pairs: InlinePair[], innerTranslations: string[]): Segment {
  let segment = output;
  pairs.forEach((pair, i) => (segment = placePair(segment, pair, innerTranslations[i]?.trim() ?? '')));
  return segment;
}

function placePair(segment: Segment, pair: InlinePair, inner: string): Segment {
  const keeps = segment.filter((p): p is KeepPart => p.kind === 'keep');
  const openAt = keeps.indexOf(pair.open);
  const closeAt = keeps.indexOf(pair.close);
  if (openAt < 0 || closeAt < 0 || openAt > closeAt) return segment;
  const { value, restore } = withPlaceholders(segment);
  const open = String.fromCharCode(0xe000 + openAt);
  const close = String.fromCharCode(0xe000 + closeAt);
  const found = inner ? findOnce(value.replace(open, '').replace(close, ''), inner) : -1;
  let placed = value;
  if (found >= 0) {
    const bare = value.replace(open, '').replace(close, '');
    placed =
      bare.slice(0, found) + open + bare.slice(found, found + inner.length) + close + bare.slice(found + inner.length);
  }
  // white space inside a marker goes outside it
  placed = placed
    .replace(new RegExp(`${open}(\\s+)`, 'u'), `$1${open}`)
    .replace(new RegExp(`(\\s+)${close}`, 'u'), `${close}$1`);
  return restore(placed);
}

/** Where `needle` occurs exactly once in `value` as whole words, case aside; -1 otherwise. */
function findOnce(value: string, needle: string): number {
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])${needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`,
    'giu',
  );
  const matches = [...value.matchAll(pattern)];
  return matches.length === 1 ? matches[0].index! : -1;
}
