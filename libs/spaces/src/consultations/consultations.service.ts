import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import {
  AppConfig,
  COMMON_MESSAGES,
  decodeCursor,
  DomainError,
  encodeCursor,
  fill,
  keysetPage,
  NOT_FOUND,
} from '@roundtable/core';
import { pickLanguages } from '../shared/multilingual-text.dto';
import { RoundtableEntity } from '../roundtables/roundtable.entity';
import { ConsultationEntity } from './consultation.entity';
import { ConsultationDto, CreateConsultationDto, UpdateConsultationDto } from './consultation.dto';

@Injectable()
export class ConsultationsService {
  constructor(
    @InjectRepository(ConsultationEntity) private readonly consultations: Repository<ConsultationEntity>,
    @InjectRepository(RoundtableEntity) private readonly roundtables: Repository<RoundtableEntity>,
    private readonly config: AppConfig,
  ) {}

  /** The consultation as the API shows it, with its effective digest schedule. */
  view(c: ConsultationEntity, roundtables?: ConsultationDto['roundtables']): ConsultationDto {
    return ConsultationDto.from(c, { day: this.config.DIGEST_DAY, hour: this.config.DIGEST_HOUR }, roundtables);
  }

  create(input: CreateConsultationDto, createdBy: string | null): Promise<ConsultationEntity> {
    return this.consultations.save(
      this.consultations.create({
        title: pickLanguages(input.title),
        description: pickLanguages(input.description),
        timezone: input.timezone,
        digestDay: input.digestDay ?? null,
        digestHour: input.digestHour ?? null,
        createdBy,
      }),
    );
  }

  /**
   * Changes what was given: the languages of a title or description given replace those
   * languages only; `digestDay` / `digestHour` null go back to the platform default. The
   * worker's digest schedule follows at its next sync (DIGEST_SCHEDULE_SYNC_SECONDS).
   */
  async update(id: string, input: UpdateConsultationDto): Promise<ConsultationEntity> {
    if (input.title === null || input.timezone === null)
      throw DomainError.badRequest(
        fill(COMMON_MESSAGES.nullValue, { field: input.title === null ? 'title' : 'timezone' }),
        'null_value',
      );
    const current = await this.get(id);
    const changes: Partial<ConsultationEntity> = {};
    if (input.title) changes.title = { ...current.title, ...pickLanguages(input.title) };
    if (input.description) changes.description = { ...current.description, ...pickLanguages(input.description) };
    if (input.timezone) changes.timezone = input.timezone;
    if (input.digestDay !== undefined) changes.digestDay = input.digestDay;
    if (input.digestHour !== undefined) changes.digestHour = input.digestHour;
    if (Object.keys(changes).length > 0) await this.consultations.update({ id }, changes);
    return this.get(id);
  }

  /** Newest first; the cursor is the ISO creation time and id of the last item seen. */
  async list(limit: number, cursor?: string): Promise<{ items: ConsultationEntity[]; nextCursor: string | null }> {
    const qb = this.consultations
      .createQueryBuilder('c')
      .orderBy('c.created_at', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .take(limit + 1);
    if (cursor) {
      const [at, id] = decodeCursor(cursor);
      qb.where('(c.created_at, c.id) < (:at, :id)', { at, id });
    }
    const page = keysetPage(await qb.getMany(), limit, (last) => encodeCursor(last.createdAt.toISOString(), last.id));
    return { items: page.rows, nextCursor: page.nextCursor };
  }

  async get(id: string): Promise<ConsultationEntity> {
    const found = await this.consultations.findOneBy({ id });
    if (!found) throw DomainError.notFound(NOT_FOUND.consultation);
    return found;
  }

  roundtablesOf(consultationId: string): Promise<RoundtableEntity[]> {
    return this.roundtables.find({ where: { consultationId }, order: { number: 'ASC' } });
  }
}
