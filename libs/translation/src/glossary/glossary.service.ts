import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { COMMON_MESSAGES, DomainError, fill, LANGUAGE_NAMES, NOT_FOUND } from '@roundtable/core';
import { Glossary } from './glossary';
import { CreateGlossaryTermDto, GlossaryTermDto, UpdateGlossaryTermDto } from './glossary-term.dto';
import { TRANSLATION_MESSAGES as M } from '../translation-messages';

interface TermRow {
  id: string;
  en: string;
  fr: string;
  es: string;
  note: string | null;
  updated_at: Date;
}

/**
 * The domain glossary (migrants, GCM, Member States, regular pathways, civil society…),
 * edited by organisers. Translation processes read it through {@link current}, which
 * checks a cheap stamp (count and latest change) and recompiles only after an edit, so an
 * edit applies to the next translation in every worker.
 */
@Injectable()
export class GlossaryService {
  private cached?: { stamp: string; glossary: Glossary };

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async current(): Promise<Glossary> {
    const [{ stamp }] = await this.db.query(
      `SELECT count(*) || '|' || coalesce(max(updated_at)::text, '') AS stamp FROM glossary_terms`,
    );
    if (this.cached?.stamp !== stamp) {
      const rows: TermRow[] = await this.db.query(`SELECT id, en, fr, es FROM glossary_terms ORDER BY created_at, id`);
      this.cached = { stamp, glossary: new Glossary(rows.map(({ id, en, fr, es }) => ({ id, en, fr, es }))) };
    }
    return this.cached!.glossary;
  }

  async list(): Promise<GlossaryTermDto[]> {
    const rows: TermRow[] = await this.db.query(
      `SELECT id, en, fr, es, note, updated_at FROM glossary_terms ORDER BY lower(en), id`,
    );
    return rows.map(toDto);
  }

  async create(input: CreateGlossaryTermDto): Promise<GlossaryTermDto> {
    try {
      const [row] = await this.db.query(
        `INSERT INTO glossary_terms (en, fr, es, note) VALUES ($1, $2, $3, $4) RETURNING id, en, fr, es, note, updated_at`,
        [input.en.trim(), input.fr.trim(), input.es.trim(), input.note ?? null],
      );
      return toDto(row);
    } catch (err) {
      throw duplicate(err);
    }
  }

  async update(id: string, input: UpdateGlossaryTermDto): Promise<GlossaryTermDto> {
    for (const field of ['en', 'fr', 'es'] as const) {
      if (input[field] === null) throw DomainError.badRequest(fill(COMMON_MESSAGES.nullValue, { field }), 'null_value');
    }
    try {
      const [rows] = await this.db.query(
        `UPDATE glossary_terms SET en = coalesce($2, en), fr = coalesce($3, fr), es = coalesce($4, es),
                note = CASE WHEN $5 THEN $6 ELSE note END, updated_at = clock_timestamp()
         WHERE id = $1 RETURNING id, en, fr, es, note, updated_at`,
        [
          id,
          input.en?.trim() ?? null,
          input.fr?.trim() ?? null,
          input.es?.trim() ?? null,
          input.note !== undefined,
          input.note ?? null,
        ],
      );
      if (!rows?.length) throw DomainError.notFound(NOT_FOUND.glossaryTerm);
      return toDto(rows[0]);
    } catch (err) {
      throw duplicate(err);
    }
  }

  async remove(id: string): Promise<void> {
    const [, deleted] = await this.db.query(`DELETE FROM glossary_terms WHERE id = $1`, [id]);
    if (!deleted) throw DomainError.notFound(NOT_FOUND.glossaryTerm);
  }
}

function toDto(row: TermRow): GlossaryTermDto {
  return { id: row.id, en: row.en, fr: row.fr, es: row.es, note: row.note, updatedAt: row.updated_at.toISOString() };
}

function duplicate(err: unknown): unknown {
  const e = err as { code?: string; constraint?: string };
  if (e?.code === '23505') {
    const language = /glossary_terms_(en|fr|es)_key/.exec(e.constraint ?? '')?.[1] as
      keyof typeof LANGUAGE_NAMES | undefined;
    const named = language ? LANGUAGE_NAMES[language] : LANGUAGE_NAMES.en;
    return DomainError.conflict(fill(M.duplicateTerm, { language: named }), 'duplicate_term');
  }
  return err;
}
