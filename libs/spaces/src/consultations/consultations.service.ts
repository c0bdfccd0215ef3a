import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { DomainError } from '@roundtable/core';
import { pickLanguages } from '../shared/multilingual-text.dto';
import { RoundtableEntity } from '../roundtables/roundtable.entity';
import { ConsultationEntity } from './consultation.entity';
import { CreateConsultationDto } from './consultation.dto';

@Injectable()
export class ConsultationsService {
  constructor(
    @InjectRepository(ConsultationEntity) private readonly consultations: Repository<ConsultationEntity>,
    @InjectRepository(RoundtableEntity) private readonly roundtables: Repository<RoundtableEntity>,
  ) {}

  create(input: CreateConsultationDto, createdBy: string | null): Promise<ConsultationEntity> {
    return this.consultations.save(
      this.consultations.create({
        title: pickLanguages(input.title),
        description: pickLanguages(input.description),
        timezone: input.timezone,
        createdBy,
      }),
    );
  }

  /** Newest first; the cursor is the ISO creation time and id of the last item seen. */
  async list(limit: number, cursor?: string): Promise<{ items: ConsultationEntity[]; nextCursor: string | null }> {
    const qb = this.consultations.createQueryBuilder('c').orderBy('c.created_at', 'DESC').addOrderBy('c.id', 'DESC').take(limit + 1);
    if (cursor) {
      const [at, id] = decodeCursor(cursor);
      qb.where('(c.created_at, c.id) < (:at, :id)', { at, id });
    }
    const rows = await qb.getMany();
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return { items, nextCursor: rows.length > limit && last ? encodeCursor(last.createdAt.toISOString(), last.id) : null };
  }

  async get(id: string): Promise<ConsultationEntity> {
    const found = await this.consultations.findOneBy({ id });
    if (!found) throw DomainError.notFound('Consultation');
    return found;
  }

  roundtablesOf(consultationId: string): Promise<RoundtableEntity[]> {
    return this.roundtables.find({ where: { consultationId }, order: { number: 'ASC' } });
  }
}

export function encodeCursor(...parts: string[]): string {
  return Buffer.from(JSON.stringify(parts)).toString('base64url');
}

export function decodeCursor(cursor: string): string[] {
  try {
    const parts = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parts) && parts.every((p) => typeof p === 'string')) return parts;
  } catch {
    // fall through to the error below
  }
  throw DomainError.badRequest('cursor is not valid; pass the nextCursor of a previous page', 'bad_cursor');
}
