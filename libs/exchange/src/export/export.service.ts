import { Readable, pipeline } from 'node:stream';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { stringify } from 'csv-stringify';
import { DataSource } from 'typeorm';
import { DomainError, LANGUAGES, NOT_FOUND } from '@roundtable/core';
import type { Multilingual } from '@roundtable/core';
import { neutraliseCell } from '@roundtable/core';
import { EXPORT_PAGE_SQL, ExportedContribution, ExportRow, toExported } from './export-rows';

export type ExportFormat = 'json' | 'csv';

export interface ExportOptions {
  /** Moderators and organisers also get the text of hidden, pending and rejected contributions. */
  withModeratedText: boolean;
  /** Rows read per query; the export never holds more than one page in memory. */
  pageSize?: number;
}

/** What names the file and heads the JSON export. */
export interface ExportedSpace {
  spaceId: string;
  number: number;
  prompt: Multilingual;
  moderation: 'pre' | 'post';
  roundtableNumber: number;
  members: number;
}

export interface ExportFile {
  fileName: string;
  contentType: string;
  stream: Readable;
}

const CSV_COLUMNS = [
  { key: 'id', header: 'id' },
  { key: 'parentId', header: 'parent_id' },
  { key: 'rootId', header: 'root_id' },
  { key: 'postedAt', header: 'created_at' },
  { key: 'status', header: 'status' },
  { key: 'language', header: 'language' },
  { key: 'author', header: 'author' },
  { key: 'organisation', header: 'organisation' },
  { key: 'constituency', header: 'constituency' },
  { key: 'country', header: 'country' },
  { key: 'moderator', header: 'moderator' },
  { key: 'inReplyTo', header: 'in_reply_to' },
  { key: 'editedAt', header: 'edited_at' },
  { key: 'body', header: 'body' },
  ...LANGUAGES.map((lang) => ({ key: `translation_${lang}`, header: `translation_${lang}` })),
];

/**
 * Streams every contribution of a space, in created order, as JSON (the import format, so
 * it can be imported again) or CSV (one row per contribution, formula-injection safe).
 * Rows are read a page at a time, so a large space never sits in memory.
 */
@Injectable()
export class ExportService {
  private readonly logger = new Logger(ExportService.name);

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async export(spaceId: string, format: ExportFormat, options: ExportOptions): Promise<ExportFile> {
    const space = await this.describe(spaceId);
    const date = new Date().toISOString().slice(0, 10);
    const fileName = `roundtable-${space.roundtableNumber}-question-${space.number}-${date}.${format}`;
    const stream = format === 'csv' ? this.csv(space, options) : this.json(space, options);
    return {
      fileName,
      contentType: format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
      stream,
    };
  }

  async describe(spaceId: string): Promise<ExportedSpace> {
    const rows = await this.db.query(
      `SELECT s.id, s.number, s.prompt, s.moderation, r.number AS roundtable_number,
              (SELECT count(*)::int FROM memberships m WHERE m.space_id = s.id) AS members
       FROM spaces s JOIN roundtables r ON r.id = s.roundtable_id WHERE s.id = $1`,
      [spaceId],
    );
    if (rows.length === 0) throw DomainError.notFound(NOT_FOUND.space);
    const r = rows[0];
    return {
      spaceId: r.id,
      number: r.number,
      prompt: r.prompt,
      moderation: r.moderation,
      roundtableNumber: r.roundtable_number,
      members: r.members,
    };
  }

  /** Every contribution of the space in created order, one page per query. */
  async *contributions(spaceId: string, options: ExportOptions): AsyncGenerator<ExportedContribution> {
    const pageSize = options.pageSize ?? 500;
    let after: { key: string; id: string } | null = null;
    for (;;) {
      const rows: ExportRow[] = await this.db.query(EXPORT_PAGE_SQL, [
        spaceId,
        after?.key ?? null,
        after?.id ?? null,
        pageSize,
      ]);
      for (const row of rows) yield toExported(row, options.withModeratedText);
      if (rows.length < pageSize) return;
      const last = rows[rows.length - 1];
      after = { key: last.created_key, id: last.id };
    }
  }

  /** `{ source, exportedAt, spaces: [{ number, prompt, moderation, members, contributions: [...] }] }`, written as it is read. */
  private json(space: ExportedSpace, options: ExportOptions): Readable {
    const contributions = this.contributions(space.spaceId, options);
    async function* chunks(): AsyncGenerator<string> {
      const head = {
        source: `Roundtable export of roundtable ${space.roundtableNumber}, question ${space.number} (space ${space.spaceId})`,
        exportedAt: new Date().toISOString(),
      };
      const spaceHead = {
        number: space.number,
        prompt: space.prompt,
        moderation: space.moderation,
        members: space.members,
      };
      yield `${JSON.stringify(head).slice(0, -1)},"spaces":[${JSON.stringify(spaceHead).slice(0, -1)},"contributions":[`;
      let first = true;
      for await (const c of contributions) {
        yield `${first ? '\n' : ',\n'}${JSON.stringify(c)}`;
        first = false;
      }
      yield '\n]}]}\n';
    }
    return this.guarded(Readable.from(chunks(), { objectMode: false }), space);
  }

  /** A header row, then one row per contribution; every text cell is neutralised against formula injection. */
  private csv(space: ExportedSpace, options: ExportOptions): Readable {
    const contributions = this.contributions(space.spaceId, options);
    async function* records(): AsyncGenerator<Record<string, unknown>> {
      for await (const c of contributions) {
        const record: Record<string, unknown> = { ...c, body: c.body ?? '' };
        for (const lang of LANGUAGES) record[`translation_${lang}`] = c.translations[lang]?.text ?? '';
        yield record;
      }
    }
    const stringifier = stringify({
      header: true,
      bom: true, // so spreadsheets open the UTF-8 text (accents, emoji) as UTF-8
      columns: CSV_COLUMNS,
      cast: {
        string: (value) => neutraliseCell(value),
        boolean: (value) => (value ? 'true' : 'false'),
      },
    });
    return this.guarded(
      pipeline(Readable.from(records()), stringifier, () => undefined),
      space,
    );
  }

  /** A failure after the headers went out can only cut the download short; it is logged, never thrown. */
  private guarded(stream: Readable, space: ExportedSpace): Readable {
    stream.on('error', (err) =>
      this.logger.error(`export of space ${space.spaceId} failed mid-stream: ${err.message}`),
    );
    return stream;
  }
}
