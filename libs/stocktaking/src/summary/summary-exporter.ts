import { Injectable } from '@nestjs/common';
import type { Language } from '@roundtable/core';
import type { RequestAccess } from '@roundtable/identity';
import { renderHtml } from '../render/html-renderer';
import { renderMarkdown } from '../render/markdown-renderer';
import { StocktakingService } from './stocktaking.service';
import type { ExportFormat } from './summary.dto';
import { SummaryView } from './summary-view';

// pdfkit and docx weigh ~35 MB of an api process's memory: they are loaded on the first
// such export, not at boot
const TYPES: Record<ExportFormat, string> = {
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

export interface ExportedFile {
  body: Buffer;
  type: string;
  filename: string;
}

/** A summary as a file: one document model, four renderers, so every format says the same. */
@Injectable()
export class SummaryExporter {
  constructor(
    private readonly summaries: StocktakingService,
    private readonly view: SummaryView,
  ) {}

  async export(id: string, access: RequestAccess, format: ExportFormat, lang: Language): Promise<ExportedFile> {
    const shown = await this.summaries.shown(id, access, lang);
    const doc = await this.view.document(shown);
    const body =
      format === 'md'
        ? Buffer.from(renderMarkdown(doc), 'utf8')
        : format === 'html'
          ? Buffer.from(renderHtml(doc), 'utf8')
          : format === 'pdf'
            ? await (await import('../render/pdf-renderer')).renderPdf(doc)
            : await (await import('../render/docx-renderer')).renderDocx(doc);
    const day = shown.record.period_end.toISOString().slice(0, 10);
    return { body, type: TYPES[format], filename: `stocktaking-${day}-v${shown.version}-${lang}.${format}` };
  }
}
