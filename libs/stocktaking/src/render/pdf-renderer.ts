import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import type { Block, DocItem, SummaryDocument } from './summary-document';

/** DejaVu (Debian's fonts-dejavu-core) covers every script a name may be written in; Helvetica is the fallback. */
const DEJAVU = {
  regular: '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  bold: '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf',
  italic: '/usr/share/fonts/truetype/dejavu/DejaVuSans-Oblique.ttf',
};
const INK = '#1b1b1b';
const MUTED = '#555555';
const LINK = '#1a4f8b';

type Pdf = InstanceType<typeof PDFDocument>;

/** A4 PDF of the document: headings, statements with their source links, quotes, the annex table, page numbers. */
export function renderPdf(doc: SummaryDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const pdf = new PDFDocument({
      size: 'A4',
      margins: { top: 60, bottom: 64, left: 64, right: 64 },
      bufferPages: true,
      info: { Title: doc.title },
      lang: doc.lang,
    });
    const chunks: Buffer[] = [];
    pdf.on('data', (c: Buffer) => chunks.push(c));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
    const unicode = Object.values(DEJAVU).every((f) => existsSync(f));
    const fonts = unicode
      ? { regular: 'body', bold: 'body-bold', italic: 'body-italic' }
      : { regular: 'Helvetica', bold: 'Helvetica-Bold', italic: 'Helvetica-Oblique' };
    if (unicode) {
      pdf.registerFont('body', DEJAVU.regular);
      pdf.registerFont('body-bold', DEJAVU.bold);
      pdf.registerFont('body-italic', DEJAVU.italic);
    }
    const text = unicode ? (t: string) => t : winAnsi;
    const width = pdf.page.width - pdf.page.margins.left - pdf.page.margins.right;

    pdf.font(fonts.bold).fontSize(18).fillColor(INK).text(text(doc.title), { width });
    pdf.moveDown(0.6);
    for (const block of doc.blocks) renderBlock(pdf, block, fonts, text, width);

    const range = pdf.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i += 1) {
      pdf.switchToPage(i);
      const bottom = pdf.page.margins.bottom;
      pdf.page.margins.bottom = 0; // writing in the margin must not open a new page
      pdf
        .font(fonts.regular)
        .fontSize(8)
        .fillColor(MUTED)
        .text(`${i + 1} / ${range.count}`, pdf.page.margins.left, pdf.page.height - 40, { width, align: 'center' });
      pdf.page.margins.bottom = bottom;
    }
    pdf.end();
  });
}

interface Fonts {
  regular: string;
  bold: string;
  italic: string;
}

function renderBlock(pdf: Pdf, block: Block, fonts: Fonts, text: (t: string) => string, width: number): void {
  const left = pdf.page.margins.left;
  switch (block.type) {
    case 'heading': {
      const size = block.level === 2 ? 14 : 11.5;
      if (pdf.y > pdf.page.height - pdf.page.margins.bottom - 80) pdf.addPage();
      pdf.moveDown(block.level === 2 ? 0.8 : 0.4);
      pdf.font(fonts.bold).fontSize(size).fillColor(INK).text(text(block.text), left, pdf.y, { width });
      pdf.moveDown(0.3);
      return;
    }
    case 'paragraph':
      pdf
        .font(block.note ? fonts.italic : fonts.regular)
        .fontSize(block.note ? 9.5 : 10.5)
        .fillColor(block.note ? MUTED : INK)
        .text(text(block.text), left, pdf.y, { width, lineGap: 2 });
      pdf.moveDown(0.4);
      return;
    case 'list':
      block.items.forEach((item, i) => renderItem(pdf, item, block.ordered ? `${i + 1}.` : '•', fonts, text, width));
      pdf.moveDown(0.3);
      return;
    case 'table':
      renderTable(pdf, block.header, block.rows, fonts, text, width);
      return;
  }
}

function renderItem(
  pdf: Pdf,
  item: DocItem,
  marker: string,
  fonts: Fonts,
  text: (t: string) => string,
  width: number,
): void {
  const left = pdf.page.margins.left;
  const indent = 16;
  if (pdf.y > pdf.page.height - pdf.page.margins.bottom - 30) pdf.addPage();
  const y = pdf.y;
  pdf.font(fonts.regular).fontSize(10.5).fillColor(INK).text(marker, left, y, { width: indent, lineBreak: false });
  const body = text(item.text);
  if (item.sources.length === 0) {
    pdf.text(body, left + indent, y, { width: width - indent, lineGap: 2 });
  } else {
    pdf.text(`${body} `, left + indent, y, { width: width - indent, lineGap: 2, continued: true });
    pdf.fillColor(LINK).fontSize(8.5);
    item.sources.forEach((s, i) => {
      const last = i === item.sources.length - 1 && !item.moreSources;
      pdf.text(`[${s.n}]`, { link: s.url, underline: false, continued: !last });
      if (!last) pdf.text(' ', { link: null, continued: true });
    });
    if (item.moreSources) pdf.text(`(+${item.moreSources})`, { link: null, continued: false });
    pdf.fillColor(INK).fontSize(10.5);
  }
  for (const q of item.quotes) {
    pdf.moveDown(0.15);
    const qx = left + indent + 12;
    const top = pdf.y;
    pdf
      .font(fonts.italic)
      .fontSize(9.5)
      .fillColor('#333333')
      .text(text(`“${q.text}”`), qx, pdf.y, { width: width - indent - 12, lineGap: 1.5 });
    pdf
      .font(fonts.regular)
      .fontSize(8.5)
      .fillColor(MUTED)
      .text(text(`— ${q.attribution}`), qx, pdf.y, { width: width - indent - 12 });
    // a quote that ran onto a new page is marked from that page's top
    const from = pdf.y < top ? pdf.page.margins.top : top;
    pdf
      .save()
      .moveTo(qx - 6, from)
      .lineTo(qx - 6, pdf.y)
      .lineWidth(1.5)
      .strokeColor('#99bbbb')
      .stroke()
      .restore();
  }
  pdf.fillColor(INK);
  pdf.moveDown(0.35);
}

function renderTable(
  pdf: Pdf,
  header: string[],
  rows: string[][],
  fonts: Fonts,
  text: (t: string) => string,
  width: number,
): void {
  const left = pdf.page.margins.left;
  // each figure column is as wide as its header's longest word; the question column takes the rest
  pdf.font(fonts.bold).fontSize(7.5);
  const needed = header.map((h) =>
    Math.max(
      34,
      ...text(h)
        .split(/\s+/)
        .map((w) => pdf.widthOfString(w) + 12),
    ),
  );
  const first = Math.max(60, width - needed.slice(1).reduce((a, b) => a + b, 0));
  const scale = Math.min(1, width / (first + needed.slice(1).reduce((a, b) => a + b, 0)));
  const widths = header.map((_, i) => (i === 0 ? first : needed[i]) * scale);
  const drawRow = (cells: string[], bold: boolean, heading = false) => {
    // the header is set smaller so that "government" or "Moderators" fits a narrow column unbroken
    pdf.font(bold ? fonts.bold : fonts.regular).fontSize(heading ? 7.5 : 8.5);
    const height = Math.max(...cells.map((c, i) => pdf.heightOfString(text(c), { width: widths[i] - 8 }))) + 8;
    if (pdf.y + height > pdf.page.height - pdf.page.margins.bottom) pdf.addPage();
    const top = pdf.y;
    let x = left;
    cells.forEach((c, i) => {
      pdf.fillColor(INK).text(text(c), x + 4, top + 4, { width: widths[i] - 8, align: i === 0 ? 'left' : 'right' });
      x += widths[i];
    });
    pdf.save().rect(left, top, width, height).lineWidth(0.5).strokeColor('#bbbbbb').stroke().restore();
    pdf.x = left;
    pdf.y = top + height;
  };
  drawRow(header, true, true);
  rows.forEach((r, i) => drawRow(r, i === rows.length - 1));
  pdf.moveDown(0.5);
}

/** The standard PDF fonts only have Windows-1252 glyphs: anything else becomes its closest ASCII, or "?". */
function winAnsi(text: string): string {
  return text.replace(
    /[^\u0000-\u00ff€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]/g,
    (ch) => ch.normalize('NFKD').replace(/[^\u0000-\u007f]/g, '') || '?',
  );
}
