/**
 * chrF (Popović 2015) as sacreBLEU computes it: character n-grams of order 1–6 with
 * white space removed, precision and recall per order, F-beta with beta = 2. Corpus
 * scores add up the statistics of every sentence first. By default, orders that neither
 * side has are left out of the average (sacreBLEU's default); `epsSmoothing` averages
 * F over all orders instead (sacreBLEU's `eps_smoothing=True`).
 */
export interface ChrfOptions {
  charOrder?: number;
  beta?: number;
  epsSmoothing?: boolean;
  /** Keep white space in the n-grams (default: removed). */
  whitespace?: boolean;
}

type Stats = Array<[hyp: number, ref: number, match: number]>;

const EPS = 1e-16;

export function corpusChrf(hypotheses: string[], references: string[], options: ChrfOptions = {}): number {
  if (hypotheses.length !== references.length) throw new Error('chrF needs as many references as hypotheses');
  const order = options.charOrder ?? 6;
  const total: Stats = Array.from({ length: order }, () => [0, 0, 0]);
  hypotheses.forEach((h, i) => {
    sentenceStats(h, references[i], order, options.whitespace ?? false).forEach(([a, b, c], n) => {
      total[n][0] += a;
      total[n][1] += b;
      total[n][2] += c;
    });
  });
  return fScore(total, options.beta ?? 2, options.epsSmoothing ?? false);
}

export function sentenceChrf(hypothesis: string, reference: string, options: ChrfOptions = {}): number {
  return corpusChrf([hypothesis], [reference], options);
}

function sentenceStats(hypothesis: string, reference: string, order: number, whitespace: boolean): Stats {
  const prep = (s: string) => [...(whitespace ? s : s.replace(/\s+/g, ''))];
  const hyp = prep(hypothesis);
  const ref = prep(reference);
  const stats: Stats = [];
  for (let n = 1; n <= order; n++) {
    const h = ngrams(hyp, n);
    const r = ngrams(ref, n);
    let match = 0;
    for (const [gram, count] of h) match += Math.min(count, r.get(gram) ?? 0);
    stats.push([Math.max(0, hyp.length - n + 1), Math.max(0, ref.length - n + 1), match]);
  }
  return stats;
}

function ngrams(chars: string[], n: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + n <= chars.length; i++) {
    const gram = chars.slice(i, i + n).join('');
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return counts;
}

function fScore(stats: Stats, beta: number, epsSmoothing: boolean): number {
  const factor = beta * beta;
  let sumF = 0;
  let precision = 0;
  let recall = 0;
  let effective = 0;
  for (const [hyp, ref, match] of stats) {
    const p = hyp > 0 ? match / hyp : EPS;
    const r = ref > 0 ? match / ref : EPS;
    const denominator = factor * p + r;
    sumF += denominator > 0 ? ((1 + factor) * p * r) / denominator : EPS;
    if (hyp > 0 && ref > 0) {
      precision += p;
      recall += r;
      effective += 1;
    }
  }
  if (epsSmoothing) return (100 * sumF) / stats.length;
  if (effective === 0) return 0;
  precision /= effective;
  recall /= effective;
  if (precision + recall === 0) return 0;
  return (100 * (1 + factor) * precision * recall) / (factor * precision + recall);
}
