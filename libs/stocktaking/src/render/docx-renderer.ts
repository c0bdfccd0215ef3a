import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  ParagraphChild,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { Block, DocItem, SummaryDocument } from './summary-document';

const HEADING = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: 'BBBBBB' };

/** A Word document of the same blocks: headings, statements with hyperlinked sources, quotes, the annex table. */
export async function renderDocx(doc: SummaryDocument): Promise<Buffer> {
  const children: Array<Paragraph | Table> = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(doc.title)] }),
  ];
  let list = 0;
  for (const block of doc.blocks) {
    if (block.type === 'list' && block.ordered) list += 1;
    children.push(...renderBlock(block, `numbered-${list}`));
  }
  const numbered = Array.from({ length: list }, (_, i) => ({
    reference: `numbered-${i + 1}`,
    levels: [
      {
        level: 0,
        format: LevelFormat.DECIMAL,
        text: '%1.',
        alignment: AlignmentType.START,
        style: { paragraph: { indent: { left: 420, hanging: 300 } } },
      },
    ],
  }));
  const document = new Document({
    title: doc.title,
    styles: { default: { document: { run: { font: 'Calibri', size: 22 } } } },
    numbering: { config: numbered },
    sections: [{ children }],
  });
  return Packer.toBuffer(document);
}

function renderBlock(block: Block, numbering: string): Array<Paragraph | Table> {
  switch (block.type) {
    case 'heading':
      return [new Paragraph({ heading: HEADING[block.level], children: [new TextRun(block.text)] })];
    case 'paragraph':
      return [
        new Paragraph({
          children: [
            new TextRun({ text: block.text, italics: !!block.note, color: block.note ? '555555' : undefined }),
          ],
        }),
      ];
    case 'list':
      return block.items.flatMap((item) => renderItem(item, block.ordered ? numbering : null));
    case 'table':
      return [
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: [block.header, ...block.rows].map(
            (cells, r) =>
              new TableRow({
                tableHeader: r === 0,
                children: cells.map(
                  (c, i) =>
                    new TableCell({
                      borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER },
                      children: [
                        new Paragraph({
                          alignment: i === 0 ? AlignmentType.LEFT : AlignmentType.RIGHT,
                          children: [new TextRun({ text: c, bold: r === 0 || r === block.rows.length })],
                        }),
                      ],
                    }),
                ),
              }),
          ),
        }),
        new Paragraph({ children: [] }),
      ];
  }
}

function renderItem(item: DocItem, numbering: string | null): Paragraph[] {
  const runs: ParagraphChild[] = [new TextRun(item.text)];
  item.sources.forEach((s, i) => {
    runs.push(new TextRun({ text: i === 0 ? ' [' : ', ', size: 18 }));
    runs.push(
      new ExternalHyperlink({
        link: s.url,
        children: [new TextRun({ text: String(s.n), style: 'Hyperlink', size: 18 })],
      }),
    );
  });
  if (item.sources.length)
    runs.push(new TextRun({ text: `${item.moreSources ? ` +${item.moreSources}` : ''}]`, size: 18 }));
  const paragraphs = [
    new Paragraph({
      children: runs,
      ...(numbering ? { numbering: { reference: numbering, level: 0 } } : { bullet: { level: 0 } }),
    }),
  ];
  for (const q of item.quotes) {
    paragraphs.push(
      new Paragraph({
        indent: { left: 900 },
        children: [
          new TextRun({ text: `“${q.text}”`, italics: true }),
          new TextRun({ text: ` — ${q.attribution}`, color: '555555', size: 18 }),
        ],
      }),
    );
  }
  return paragraphs;
}
