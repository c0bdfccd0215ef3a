import type { Block, DocItem, SummaryDocument } from './summary-document';

/** Markdown: the document as a rapporteur would paste it; statements end with their numbered source links. */
export function renderMarkdown(doc: SummaryDocument): string {
  const out: string[] = [`# ${inline(doc.title)}`, ''];
  for (const block of doc.blocks) out.push(...renderBlock(block), '');
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}

function renderBlock(block: Block): string[] {
  switch (block.type) {
    case 'heading':
      return [`${'#'.repeat(block.level)} ${inline(block.text)}`];
    case 'paragraph':
      return [block.note ? `*${inline(block.text)}*` : inline(block.text)];
    case 'list':
      return block.items.flatMap((item, i) => renderItem(item, block.ordered ? `${i + 1}.` : '-'));
    case 'table': {
      const row = (cells: string[]) => `| ${cells.map((c) => inline(c).replace(/\|/g, '\\|')).join(' | ')} |`;
      return [
        row(block.header),
        `|${block.header.map((_, i) => (i === 0 ? ' --- ' : ' ---: ')).join('|')}|`,
        ...block.rows.map(row),
      ];
    }
  }
}

function renderItem(item: DocItem, marker: string): string[] {
  const links = item.sources.map((s) => `[${s.n}](${s.url})`).join(', ');
  const more = item.moreSources ? ` (+${item.moreSources})` : '';
  const lines = [`${marker} ${inline(item.text)}${links ? ` ${links}${more}` : ''}`];
  for (const q of item.quotes) lines.push(`    > “${inline(q.text)}” — ${inline(q.attribution)}`);
  return lines;
}

/** Text as Markdown shows it: no accidental markup from user words. */
function inline(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/([\\`*_[\]<>#])/g, '\\$1')
    .trim();
}
