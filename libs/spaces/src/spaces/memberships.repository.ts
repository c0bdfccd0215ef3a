import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { SPACE_ROLES } from '@roundtable/identity';
import type { SpaceRole } from '@roundtable/identity';
import { MembershipEntity } from './membership.entity';

/** Membership roles ordered weakest first, for "never lower a role someone already holds". */
export const RANKED_SPACE_ROLES = `ARRAY['${SPACE_ROLES.join("','")}']`;

/** A member of an import: moderators of the source discussion become moderators here. */
export interface ImportedMember {
  userId: string;
  moderator: boolean;
}

/**
 * The one place that writes `memberships` (who belongs to which question, with which role).
 * Other libs reach it through `@roundtable/spaces`; a method that takes a `manager` writes
 * in the caller's transaction. Callers drop the member's cached access afterwards.
 */
@Injectable()
export class MembershipsRepository {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectRepository(MembershipEntity) private readonly memberships: Repository<MembershipEntity>,
  ) {}

  find(spaceId: string, userId: string): Promise<MembershipEntity> {
    return this.memberships.findOneByOrFail({ spaceId, userId });
  }

  /** Joins as a participant; a member already there keeps the role held. */
  async join(spaceId: string, userId: string): Promise<void> {
    await this.db.query(
      `INSERT INTO memberships (space_id, user_id, role) VALUES ($1, $2, 'participant') ON CONFLICT DO NOTHING`,
      [spaceId, userId],
    );
  }

  /** Sets the role, whatever it was. */
  async assign(spaceId: string, userId: string, role: SpaceRole): Promise<void> {
    await this.db.query(
      `INSERT INTO memberships (space_id, user_id, role) VALUES ($1, $2, $3) ON CONFLICT (space_id, user_id) DO UPDATE SET role = excluded.role`,
      [spaceId, userId, role],
    );
  }

  /** Gives the role in each space, never lowering a role the account already holds there (an accepted invitation). */
  async grantAtLeast(manager: EntityManager, spaceIds: string[], userId: string, role: SpaceRole): Promise<void> {
    if (spaceIds.length === 0) return;
    await manager.query(
      `INSERT INTO memberships (space_id, user_id, role) SELECT s, $2, $3 FROM unnest($1::uuid[]) AS s
       ON CONFLICT (space_id, user_id) DO UPDATE SET role = excluded.role
       WHERE array_position(${RANKED_SPACE_ROLES}, memberships.role) < array_position(${RANKED_SPACE_ROLES}, excluded.role)`,
      [spaceIds, userId, role],
    );
  }

  /**
   * Makes every imported author a member of the space; authors flagged as moderators get
   * the moderator role. An existing role is never lowered. Returns how many memberships were new.
   */
  async addImported(spaceId: string, members: ImportedMember[]): Promise<number> {
    if (members.length === 0) return 0;
    const rows: Array<{ inserted: boolean }> = await this.db.query(
      `INSERT INTO memberships (space_id, user_id, role)
       SELECT $1, m.user_id, m.role FROM unnest($2::uuid[], $3::text[]) AS m(user_id, role)
       ON CONFLICT (space_id, user_id) DO UPDATE SET role = 'moderator'
         WHERE memberships.role = 'participant' AND EXCLUDED.role = 'moderator'
       RETURNING (xmax = 0) AS inserted`,
      [spaceId, members.map((m) => m.userId), members.map((m) => (m.moderator ? 'moderator' : 'participant'))],
    );
    return rows.filter((r) => r.inserted).length;
  }

  /** A deleted account's memberships end (AccountErasure). */
  async eraseAccount(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(`DELETE FROM memberships WHERE user_id = $1`, [userId]);
  }
}
