/**
 * Splits a contribution into sentences, language-agnostically enough for EN/FR/ES:
 * paragraphs and list items first (newlines, bullets, "1." / "(a)" markers), then
 * sentence ends (. ! ? … followed by a space and a capital, a digit, an opening mark or
 * ¿ ¡), skipping the common abbreviations of the three languages.
 */
const ABBREVIATIONS = new Set([
  'e.g',
  'i.e',
  'etc',
  'vs',
  'cf',
  'no',
  'nos',
  'para',
  'paras',
  'art',
  'p',
  'pp',
  'mr',
  'mrs',
  'ms',
  'dr',
  'st',
  'u.s',
  'u.n',
  'al',
  'ex',
  'env',
  'mme',
  'mlle',
  'm',
  'sr',
  'sra',
  'sres',
  'dra',
  'núm',
  'pág',
  'ej',
  'op',
  'doc',
  'fig',
  'vol',
  'ed',
  'eds',
  'inc',
  'ltd',
  'obj',
  'objs',
  'art',
  'arts',
  'sec',
  'ch',
  'approx',
  'min',
  'max',
  'est',
  'dept',
  'gov',
  'govt',
  'intl',
  'nat',
  'reg',
]);

const LIST_MARKER = /^\s*(?:[•·▪◦●*\-–—]+|\(?\d{1,2}[.)]|\(?[a-z][.)]|\(?[ivx]{1,4}\))\s+/i;

export function splitSentences(text: string): string[] {
  const out: string[] = [];
  for (const rawLine of text.replace(/\r\n?/g, '\n').split(/\n+|\s[•·▪●]\s/)) {
    const line = rawLine.replace(LIST_MARKER, '').replace(/\s+/g, ' ').trim();
    if (!line) continue;
    out.push(...splitLine(line));
  }
  return out.filter((s) => /\p{L}/u.test(s));
}

function splitLine(line: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  const end = /([.!?…]+)(["'”’»)\]]*)\s+(?=["'“‘«(¿¡]?[\p{Lu}\d])/gu;
  let match: RegExpExecArray | null;
  while ((match = end.exec(line))) {
    const before = line.slice(start, match.index);
    const lastWord = /([\p{L}.]+)$/u.exec(before)?.[1]?.toLowerCase() ?? '';
    // "e.g. Spain", "para. 35", single initials ("J. Bingham") are not sentence ends
    if (
      match[1] === '.' &&
      (ABBREVIATIONS.has(lastWord) || ABBREVIATIONS.has(lastWord.replace(/\.$/, '')) || /^\p{L}$/u.test(lastWord))
    )
      continue;
    sentences.push(line.slice(start, match.index + match[1].length + match[2].length).trim());
    start = match.index + match[0].length;
  }
  const rest = line.slice(start).trim();
  if (rest) sentences.push(rest);
  return sentences;
}
