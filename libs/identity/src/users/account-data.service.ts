import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError } from '@roundtable/core';
import { AccessCache } from '../access/access-cache';
import { PasswordHasher } from '../auth/password-hasher';
import { AccountErasure } from './account-erasure';
import { AccountExportDto } from './account-export.dto';
import { DeletedAccountDto } from './delete-me.dto';
import { UserDto } from './user.dto';
import { UsersService } from './users.service';
import { IDENTITY_MESSAGES as M } from '../identity-messages';

/** The name shown for the contributions of a deleted account. */
export const DELETED_MEMBER_NAME = 'Deleted member';

/** Tables exported or handled explicitly; others with a `user_id` column are exported generically. */
const HANDLED = new Set([
  'users',
  'memberships',
  'roundtable_roles',
  'contributions',
  'contribution_edits',
  'schema_migrations',
]);
/** Columns never exported, whatever table they are in. */
const SECRET_COLUMN = /(password|hash|token|secret)/i;
const MAX_ROWS_PER_TABLE = 10_000;

/**
 * A member's own data: the audit of everything held about them (`GET /me/export`) and
 * account deletion (`DELETE /me`). Deletion anonymises rather than erases: the
 * contributions stay in their threads (replies keep their context) under "Deleted
 * member"; the email, password, organisation and country go; memberships and roles end.
 */
@Injectable()
export class AccountDataService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly users: UsersService,
    private readonly hasher: PasswordHasher,
    private readonly access: AccessCache,
    private readonly erasure: AccountErasure,
  ) {}

  async export(userId: string): Promise<AccountExportDto> {
    const profile = UserDto.from(await this.users.get(userId));
    const [memberships, roundtableRoles, contributions] = await Promise.all([
      this.db.query(
        `SELECT space_id AS "spaceId", role, joined_at AS "joinedAt" FROM memberships WHERE user_id = $1 ORDER BY joined_at`,
        [userId],
      ),
      this.db.query(`SELECT roundtable_id AS "roundtableId", role FROM roundtable_roles WHERE user_id = $1`, [userId]),
      // served by contributions_author_idx (author_id, created_at)
      this.db.query(
        `SELECT c.id, c.space_id AS "spaceId", c.parent_id AS "parentId", c.status, c.language, c.body, c.version,
                c.created_at AS "createdAt", c.updated_at AS "updatedAt", c.edited_at AS "editedAt",
                coalesce((SELECT json_agg(json_build_object('version', e.version, 'body', e.body, 'replacedAt', e.replaced_at) ORDER BY e.version)
                          FROM contribution_edits e WHERE e.contribution_id = c.id), '[]'::json) AS "earlierVersions"
         FROM contributions c WHERE c.author_id = $1 ORDER BY c.created_at`,
        [userId],
      ),
    ]);
    return {
      exportedAt: new Date().toISOString(),
      profile,
      memberships,
      roundtableRoles,
      contributions,
      other: await this.otherRecords(userId),
    };
  }

  async delete(userId: string, password: string): Promise<DeletedAccountDto> {
    const user = await this.users.get(userId);
    if (!(await this.hasher.verify(user.passwordHash, password))) {
      throw new DomainError(HttpStatus.FORBIDDEN, 'wrong_password', M.deletionWrongPassword);
    }
    if (user.isOrganiser) {
      throw DomainError.conflict(M.organiserCannotDelete, 'organiser_account');
    }
    const kept = await this.db.transaction(async (manager) => {
      await manager.query(
        `UPDATE users SET email = NULL, password_hash = NULL, display_name = $2, organisation = NULL, country = NULL,
                          digest = 'off', external_ref = NULL, totp_secret = NULL, totp_pending_secret = NULL, totp_enabled_at = NULL,
                          recovery_code_hashes = '{}', updated_at = now()
         WHERE id = $1`,
        [userId, DELETED_MEMBER_NAME],
      );
      // every signed-in device ends with the account; what the log and sessions knew of its devices goes
      await manager.query(`DELETE FROM sessions WHERE user_id = $1`, [userId]);
      await manager.query(`DELETE FROM security_events WHERE user_id = $1`, [userId]);
      await manager.query(`DELETE FROM account_emails WHERE user_id = $1`, [userId]);
      // memberships, roles and the event log's copies of the name: their owners erase them (AccountErasure)
      await this.erasure.erase(manager, userId, DELETED_MEMBER_NAME);
      const [{ n }] = await manager.query(`SELECT count(*)::int AS n FROM contributions WHERE author_id = $1`, [
        userId,
      ]);
      return n as number;
    });
    // every api process forgets the principal at once: the member's tokens stop working
    await this.access.changed(userId);
    return { id: userId, shownAs: DELETED_MEMBER_NAME, contributionsKept: kept };
  }

  /** Rows of other capabilities' tables that carry this member's `user_id` (flags, sanctions, digests…). */
  private async otherRecords(userId: string): Promise<Record<string, Array<Record<string, unknown>>>> {
    const columns: Array<{ table: string; column: string }> = await this.db.query(
      `SELECT c.table_name AS table, c.column_name AS column
       FROM information_schema.columns c JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
       WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE' ORDER BY c.table_name, c.ordinal_position`,
    );
    const tables = new Map<string, string[]>();
    for (const { table, column } of columns) tables.set(table, [...(tables.get(table) ?? []), column]);
    const out: Record<string, Array<Record<string, unknown>>> = {};
    for (const [table, cols] of tables) {
      if (HANDLED.has(table) || !cols.includes('user_id')) continue;
      const shown = cols.filter((c) => !SECRET_COLUMN.test(c));
      const list = shown.map((c) => `"${c.replace(/"/g, '""')}"`).join(', ');
      const rows = await this.db.query(
        `SELECT ${list} FROM "${table.replace(/"/g, '""')}" WHERE user_id = $1 LIMIT ${MAX_ROWS_PER_TABLE}`,
        [userId],
      );
      if (rows.length > 0) out[table] = rows;
    }
    return out;
  }
}
