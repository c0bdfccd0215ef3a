import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import {
  COMMON_MESSAGES,
  DomainError,
  fill,
  NOT_FOUND,
  QueueRegistry,
  requestPromptTranslation,
} from '@roundtable/core';
import { AccessService } from '@roundtable/identity';
import type { SpaceRole } from '@roundtable/identity';
import { pickLanguages } from '../shared/multilingual-text.dto';
import { RoundtableEntity } from '../roundtables/roundtable.entity';
import { uniqueViolation } from '../roundtables/roundtables.service';
import { MembershipEntity } from './membership.entity';
import { MembershipsRepository } from './memberships.repository';
import { CreateSpaceDto, UpdateSpaceDto } from './space.dto';
import { SpaceEntity } from './space.entity';
import { assertSpaceTransition } from './space-status';
import { SPACES_MESSAGES as M } from '../spaces-messages';

@Injectable()
export class SpacesService {
  constructor(
    @InjectRepository(SpaceEntity) private readonly spaces: Repository<SpaceEntity>,
    @InjectRepository(RoundtableEntity) private readonly roundtables: Repository<RoundtableEntity>,
    private readonly memberships: MembershipsRepository,
    private readonly access: AccessService,
    private readonly queues: QueueRegistry,
  ) {}

  async create(roundtableId: string, input: CreateSpaceDto, externalRef: string | null = null): Promise<SpaceEntity> {
    if (!(await this.roundtables.existsBy({ id: roundtableId }))) throw DomainError.notFound(NOT_FOUND.roundtable);
    assertDates(input.opensAt, input.closesAt);
    let saved: SpaceEntity;
    try {
      saved = await this.spaces.save(
        this.spaces.create({
          roundtableId,
          number: input.number,
          prompt: pickLanguages(input.prompt),
          moderation: input.moderation,
          status: input.status ?? 'open',
          opensAt: input.opensAt ? new Date(input.opensAt) : null,
          closesAt: input.closesAt ? new Date(input.closesAt) : null,
          externalRef,
        }),
      );
    } catch (err) {
      throw uniqueViolation(err, fill(M.questionExists, { number: input.number ?? '' }));
    }
    // the worker fills in the languages the prompt lacks (the translation sweeper catches a miss)
    void requestPromptTranslation(this.queues, saved.id, saved.prompt);
    return saved;
  }

  async get(id: string): Promise<SpaceEntity> {
    const found = await this.spaces.findOneBy({ id });
    if (!found) throw DomainError.notFound(NOT_FOUND.space);
    return found;
  }

  async update(id: string, input: UpdateSpaceDto): Promise<SpaceEntity> {
    // PATCH lets optional fields through as null; these columns cannot be cleared
    for (const field of ['number', 'prompt', 'moderation', 'status'] as const) {
      if (input[field] === null) throw DomainError.badRequest(fill(COMMON_MESSAGES.nullValue, { field }), 'null_value');
    }
    const space = await this.get(id);
    if (input.status) assertSpaceTransition(space.status, input.status);
    const opensAt = input.opensAt ?? space.opensAt?.toISOString();
    const closesAt = input.closesAt ?? space.closesAt?.toISOString();
    assertDates(opensAt, closesAt);
    // only the columns asked for are written, so a concurrent seq bump is never overwritten
    const changes: Partial<SpaceEntity> = {};
    if (input.number !== undefined) changes.number = input.number;
    if (input.prompt) changes.prompt = { ...space.prompt, ...pickLanguages(input.prompt) };
    if (input.moderation) changes.moderation = input.moderation;
    if (input.status) changes.status = input.status;
    if (input.opensAt) changes.opensAt = new Date(input.opensAt);
    if (input.closesAt) changes.closesAt = new Date(input.closesAt);
    if (Object.keys(changes).length > 0) {
      try {
        await this.spaces.update({ id }, changes);
        await this.access.spaceChanged(id);
        if (changes.prompt) void requestPromptTranslation(this.queues, id, changes.prompt);
      } catch (err) {
        throw uniqueViolation(err, fill(M.questionExists, { number: input.number ?? '' }));
      }
    }
    return this.get(id);
  }

  /** Joins the caller to a space as a participant; joining again keeps the role held. */
  async join(spaceId: string, userId: string): Promise<MembershipEntity> {
    const space = await this.get(spaceId);
    if (space.status === 'archived') throw DomainError.conflict(M.archived, 'space_archived');
    await this.memberships.join(spaceId, userId);
    await this.access.changed(userId);
    return this.memberships.find(spaceId, userId);
  }

  async assignRole(spaceId: string, userId: string, role: SpaceRole): Promise<MembershipEntity> {
    await this.get(spaceId);
    try {
      await this.memberships.assign(spaceId, userId, role);
    } catch (err) {
      throw uniqueViolation(err, NOT_FOUND.user);
    }
    await this.access.changed(userId);
    return this.memberships.find(spaceId, userId);
  }
}

function assertDates(opensAt?: string | null, closesAt?: string | null): void {
  if (opensAt && closesAt && new Date(closesAt) <= new Date(opensAt)) {
    throw DomainError.badRequest(M.closesBeforeOpens, 'bad_dates');
  }
}
