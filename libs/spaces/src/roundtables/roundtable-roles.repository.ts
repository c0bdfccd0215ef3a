import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { RANKED_SPACE_ROLES } from '../spaces/memberships.repository';

export type RoundtableRole = 'moderator' | 'rapporteur';

/**
 * The one place that writes `roundtable_roles` (moderators and rapporteurs of a whole
 * roundtable). Other libs reach it through `@roundtable/spaces`; callers drop the member's
 * cached access afterwards.
 */
@Injectable()
export class RoundtableRolesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async assign(roundtableId: string, userId: string, role: RoundtableRole): Promise<void> {
    await this.db.query(
      `INSERT INTO roundtable_roles (roundtable_id, user_id, role) VALUES ($1, $2, $3)
       ON CONFLICT (roundtable_id, user_id) DO UPDATE SET role = excluded.role`,
      [roundtableId, userId, role],
    );
  }

  async remove(roundtableId: string, userId: string): Promise<void> {
    await this.db.query(`DELETE FROM roundtable_roles WHERE roundtable_id = $1 AND user_id = $2`, [
      roundtableId,
      userId,
    ]);
  }

  /** Gives the role on the roundtable, never lowering one the account already holds (an accepted invitation). */
  async grantAtLeast(
    manager: EntityManager,
    roundtableId: string,
    userId: string,
    role: RoundtableRole,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO roundtable_roles (roundtable_id, user_id, role) VALUES ($1, $2, $3)
       ON CONFLICT (roundtable_id, user_id) DO UPDATE SET role = excluded.role
       WHERE array_position(${RANKED_SPACE_ROLES}, roundtable_roles.role) < array_position(${RANKED_SPACE_ROLES}, excluded.role)`,
      [roundtableId, userId, role],
    );
  }

  /** A deleted account's roles end (AccountErasure). */
  async eraseAccount(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(`DELETE FROM roundtable_roles WHERE user_id = $1`, [userId]);
  }
}
