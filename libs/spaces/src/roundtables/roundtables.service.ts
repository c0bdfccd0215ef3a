import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { QueryFailedError, Repository } from 'typeorm';
import { COMMON_MESSAGES, DomainError, fill, Localised, NOT_FOUND } from '@roundtable/core';
import { AccessService } from '@roundtable/identity';
import { pickLanguages } from '../shared/multilingual-text.dto';
import { ConsultationEntity } from '../consultations/consultation.entity';
import { SpaceEntity } from '../spaces/space.entity';
import { alignedTranslations, nextObjectiveTexts, ObjectiveTexts } from './objective-texts';
import { CreateRoundtableDto, UpdateRoundtableDto } from './roundtable.dto';
import { RoundtableRolesRepository } from './roundtable-roles.repository';
import { RoundtableEntity } from './roundtable.entity';
import { SPACES_MESSAGES as M } from '../spaces-messages';

@Injectable()
export class RoundtablesService {
  constructor(
    @InjectRepository(RoundtableEntity) private readonly roundtables: Repository<RoundtableEntity>,
    @InjectRepository(ConsultationEntity) private readonly consultations: Repository<ConsultationEntity>,
    @InjectRepository(SpaceEntity) private readonly spaces: Repository<SpaceEntity>,
    private readonly roles: RoundtableRolesRepository,
    private readonly access: AccessService,
  ) {}

  async create(consultationId: string, input: CreateRoundtableDto): Promise<RoundtableEntity> {
    if (!(await this.consultations.existsBy({ id: consultationId })))
      throw DomainError.notFound(NOT_FOUND.consultation);
    try {
      return await this.roundtables.save(
        this.roundtables.create({
          consultationId,
          number: input.number,
          title: pickLanguages(input.title),
          ...objectiveColumns(nextObjectiveTexts({ objectives: [], translations: [] }, input)),
        }),
      );
    } catch (err) {
      throw uniqueViolation(err, fill(M.roundtableExists, { number: input.number ?? '' }));
    }
  }

  async get(id: string): Promise<RoundtableEntity> {
    const found = await this.roundtables.findOneBy({ id });
    if (!found) throw DomainError.notFound(NOT_FOUND.roundtable);
    return found;
  }

  /** Changes what was given; the languages of a title given replace those languages only. */
  async update(id: string, input: UpdateRoundtableDto): Promise<RoundtableEntity> {
    for (const field of ['number', 'title', 'objectives', 'objectiveTranslations'] as const) {
      if (input[field] === null) throw DomainError.badRequest(fill(COMMON_MESSAGES.nullValue, { field }), 'null_value');
    }
    const current = await this.get(id);
    const changes: Partial<RoundtableEntity> = {};
    if (input.number !== undefined) changes.number = input.number;
    if (input.title) changes.title = { ...current.title, ...pickLanguages(input.title) };
    if (input.objectives || input.objectiveTranslations) {
      Object.assign(
        changes,
        objectiveColumns(
          nextObjectiveTexts(
            {
              objectives: current.objectives,
              translations: alignedTranslations(current.objectives, current.objectiveTranslations),
            },
            input,
          ),
        ),
      );
    }
    if (Object.keys(changes).length > 0) {
      try {
        await this.roundtables.update({ id }, changes);
      } catch (err) {
        throw uniqueViolation(err, fill(M.roundtableExists, { number: input.number ?? '' }));
      }
    }
    return this.get(id);
  }

  spacesOf(roundtableId: string): Promise<SpaceEntity[]> {
    return this.spaces.find({ where: { roundtableId }, order: { number: 'ASC' } });
  }

  async assignRole(roundtableId: string, userId: string, role: 'moderator' | 'rapporteur' | 'none'): Promise<void> {
    await this.get(roundtableId);
    if (role === 'none') {
      await this.roles.remove(roundtableId, userId);
      await this.access.changed(userId);
      return;
    }
    try {
      await this.roles.assign(roundtableId, userId, role);
    } catch (err) {
      throw uniqueViolation(err, NOT_FOUND.user);
    }
    await this.access.changed(userId);
  }
}

const objectiveColumns = (o: ObjectiveTexts) => ({ objectives: o.objectives, objectiveTranslations: o.translations });

/** Maps a unique or foreign-key violation to a clear 409/404 saying `message`; rethrows anything else. */
export function uniqueViolation(err: unknown, message: Localised): Error {
  const code = err instanceof QueryFailedError ? (err.driverError as { code?: string }).code : undefined;
  if (code === '23505') return DomainError.conflict(message, 'duplicate');
  if (code === '23503') return DomainError.notFound(message);
  return err as Error;
}
