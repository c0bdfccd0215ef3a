import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { COMMON_MESSAGES, DomainError, fill, NOT_FOUND } from '@roundtable/core';
import { UpdateMeDto } from './update-me.dto';
import { AccessCache } from '../access/access-cache';
import { UserEntity } from './user.entity';

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly access: AccessCache,
  ) {}

  async get(id: string): Promise<UserEntity> {
    const user = await this.users.findOneBy({ id });
    if (!user) throw DomainError.notFound(NOT_FOUND.user);
    return user;
  }

  async findByEmail(email: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ email: normaliseEmail(email) });
  }

  async update(id: string, changes: UpdateMeDto): Promise<UserEntity> {
    // PATCH lets optional fields through as null; only organisation and country may be cleared
    for (const field of ['displayName', 'constituency', 'preferredLanguage', 'digest'] as const) {
      if (changes[field] === null)
        throw DomainError.badRequest(fill(COMMON_MESSAGES.nullValue, { field }), 'null_value');
    }
    const user = await this.get(id);
    Object.assign(user, changes);
    if (changes.digest === 'weekly' && user.digestPausedAt) {
      // turning the digest on again is how a member says their address works now
      user.digestPausedAt = null;
      user.digestBounces = 0;
    }
    const saved = await this.users.save(user);
    await this.access.changed(id);
    return saved;
  }

  /** `by`: the organiser confirming the member's organisation and constituency; null withdraws the confirmation. */
  async confirmAffiliation(id: string, by: string | null): Promise<void> {
    const result = await this.users.update(
      { id },
      by
        ? { affiliationVerifiedAt: new Date(), affiliationVerifiedBy: by }
        : { affiliationVerifiedAt: null, affiliationVerifiedBy: null },
    );
    if (!result.affected) throw DomainError.notFound(NOT_FOUND.user);
    await this.access.changed(id);
  }
}

/** Emails are compared trimmed and lower-cased. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
