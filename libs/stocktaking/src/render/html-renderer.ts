import type { Block, DocItem, SummaryDocument } from './summary-document';

const STYLE = `
body{font-family:Georgia,'Times New Roman',serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b;line-height:1.5}
h1{font-size:1.7rem;margin-bottom:.3rem}h2{font-size:1.25rem;margin-top:2rem;border-bottom:1px solid #ccc;padding-bottom:.2rem}h3{font-size:1.05rem}
.note{color:#555;font-style:italic}.src{font-size:.8em;color:#1a4f8b;margin-left:.3em}.src a{color:#1a4f8b}
blockquote{margin:.4rem 0 .4rem 1rem;padding-left:.8rem;border-left:3px solid #9bb;color:#333}blockquote footer{font-size:.85em;color:#555}
table{border-collapse:collapse;margin-top:.5rem}th,td{border:1px solid #bbb;padding:.25rem .6rem;text-align:right}th:first-child,td:first-child{text-align:left}
`;

/** A standalone HTML page: everything escaped, links to the source contributions. */
export function renderHtml(doc: SummaryDocument): string {
  const body = doc.blocks.map(renderBlock).join('\n');
  return `<!doctype html>
<html lang="${doc.lang}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${esc(doc.title)}</title><style>${STYLE}</style></head>
<body>
<h1>${esc(doc.title)}</h1>
${body}
</body>
</html>
`;
}

function renderBlock(block: Block): string {
  switch (block.type) {
    case 'heading':
      return `<h${block.level}>${esc(block.text)}</h${block.level}>`;
    case 'paragraph':
      return `<p${block.note ? ' class="note"' : ''}>${esc(block.text)}</p>`;
    case 'list': {
      const tag = block.ordered ? 'ol' : 'ul';
      return `<${tag}>\n${block.items.map(renderItem).join('\n')}\n</${tag}>`;
    }
    case 'table':
      return `<table>\n<thead><tr>${block.header.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead>\n<tbody>\n${block.rows
        .map(
          (r) =>
            `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${esc(c)}</th>` : `<td>${esc(c)}</td>`)).join('')}</tr>`,
        )
        .join('\n')}\n</tbody>\n</table>`;
  }
}

function renderItem(item: DocItem): string {
  const links = item.sources.map((s) => `<a href="${esc(s.url)}">${s.n}</a>`).join(', ');
  const more = item.moreSources ? ` (+${item.moreSources})` : '';
  const quotes = item.quotes
    .map((q) => `<blockquote><p>“${esc(q.text)}”</p><footer>— ${esc(q.attribution)}</footer></blockquote>`)
    .join('');
  return `<li>${esc(item.text)}${links ? `<span class="src">[${links}${more}]</span>` : ''}${quotes}</li>`;
}

function esc(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
