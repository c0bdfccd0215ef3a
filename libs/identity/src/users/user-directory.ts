import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccountPageDto } from './account-summary.dto';
import { matchesEveryPattern, nameCursor, namePatterns, readNameCursor } from './name-search';
import { keysetPage } from '@roundtable/core';

interface AccountRow {
  id: string;
  display_name: string;
  email: string;
  organisation: string | null;
  constituency: AccountPageDto['items'][number]['constituency'];
  country: string | null;
  is_organiser: boolean;
  created_at: Date;
  search_name: string;
}

/**
 * Every account that can sign in, found by a part of its name, organisation or email, for
 * organisers who give roles. Deleted and imported (placeholder) accounts cannot sign in and
 * are left out. Pages in name order (`users_search_name_idx`).
 */
@Injectable()
export class UserDirectory {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async search(q: string | undefined, limit = 50, cursor?: string): Promise<AccountPageDto> {
    const after = readNameCursor(cursor);
    const rows: AccountRow[] = await this.db.query(
      `SELECT u.id, u.display_name, u.email, u.organisation, u.constituency, u.country, u.is_organiser, u.created_at, u.search_name
       FROM users u
       WHERE u.password_hash IS NOT NULL AND u.email IS NOT NULL AND ${matchesEveryPattern('u', 1, true)}
         AND ($2::text IS NULL OR (u.search_name, u.id) > ($2::text, $3::uuid))
       ORDER BY u.search_name, u.id LIMIT $4`,
      [namePatterns(q), after?.name ?? null, after?.id ?? null, limit + 1],
    );
    const page = keysetPage(rows, limit, (last) => nameCursor(last.search_name, last.id));
    return {
      items: page.rows.map((r) => ({
        userId: r.id,
        displayName: r.display_name,
        email: r.email,
        organisation: r.organisation,
        constituency: r.constituency,
        country: r.country,
        isOrganiser: r.is_organiser,
        createdAt: r.created_at.toISOString(),
      })),
      nextCursor: page.nextCursor,
    };
  }
}
