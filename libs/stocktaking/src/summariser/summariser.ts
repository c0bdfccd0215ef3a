/** A statement of the draft as the extractive engine worded it (English), to be reworded. */
export interface DraftStatement {
  id: string;
  text: string;
}

/**
 * Words the statements of a stocktaking draft. The built-in extractive engine keeps the
 * catalogue's sentences (figures, constituencies, theme labels from the discussion); a
 * language-model provider may reword them. Either way figures come from the database:
 * a rewording that brings a number the statement did not have is refused.
 */
export interface Summariser {
  readonly name: string;
  /** Rewordings by statement id; statements left out keep the extractive wording. */
  rephrase(statements: DraftStatement[]): Promise<Map<string, string>>;
}

/** Injection token of the configured {@link Summariser}. */
export const SUMMARISER = Symbol('SUMMARISER');

/** The numbers in a text ("49", "3.5", "1,200"), normalised. */
export function numbersIn(text: string): string[] {
  return (text.match(/\d+(?:[.,]\d+)*/g) ?? []).map((n) => n.replace(/,/g, ''));
}

/** Whether a rewording keeps to the statement's facts: no number it did not have, a sane length. */
export function acceptableRewording(original: string, rewording: string): boolean {
  const text = rewording.trim();
  if (!text || text.length > Math.max(400, original.length * 3)) return false;
  const allowed = new Set(numbersIn(original));
  return numbersIn(text).every((n) => allowed.has(n));
}
