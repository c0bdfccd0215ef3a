import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError, keysetPage, NOT_FOUND } from '@roundtable/core';
import { matchesEveryPattern, nameCursor, namePatterns, readNameCursor } from '@roundtable/identity';
import type { SpaceRole } from '@roundtable/identity';
import { MemberDto, MemberPageDto } from './member.dto';

interface MemberRow {
  id: string;
  display_name: string;
  organisation: string | null;
  constituency: MemberDto['constituency'];
  country: string | null;
  role: SpaceRole;
  joined_at: Date | null;
  suspended_until: Date | null;
  search_name: string;
}

/**
 * Who is in a space: its members (memberships) and the roundtable's moderators and
 * rapporteurs, each with the stronger of their two roles and any running suspension here,
 * found by a part of their name or organisation. For the space's moderators, who warn,
 * suspend and look people up; it never carries an email.
 *
 * Reads the space's memberships and its roundtable's roles by their primary keys, then the
 * users by theirs; the search filters those rows only, so it needs no index of its own.
 */
@Injectable()
export class MemberDirectory {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async page(
    spaceId: string,
    query: { q?: string; role?: SpaceRole; limit?: number; cursor?: string },
  ): Promise<MemberPageDto> {
    const limit = query.limit ?? 50;
    const after = readNameCursor(query.cursor);
    const [space] = await this.db.query(
      `SELECT s.roundtable_id, r.consultation_id FROM spaces s JOIN roundtables r ON r.id = s.roundtable_id WHERE s.id = $1`,
      [spaceId],
    );
    if (!space) throw DomainError.notFound(NOT_FOUND.space);
    const rows: MemberRow[] = await this.db.query(
      `WITH held AS (
         SELECT m.user_id, m.role, m.joined_at FROM memberships m WHERE m.space_id = $1
         UNION ALL
         SELECT rr.user_id, rr.role, NULL FROM roundtable_roles rr WHERE rr.roundtable_id = $2
       ), members AS (
         SELECT user_id, max(joined_at) AS joined_at,
                (array_agg(role ORDER BY CASE role WHEN 'moderator' THEN 2 WHEN 'rapporteur' THEN 1 ELSE 0 END DESC))[1] AS role
         FROM held GROUP BY user_id
       )
       SELECT u.id, u.display_name, u.organisation, u.constituency, u.country, m.role, m.joined_at, u.search_name,
              (SELECT max(su.until) FROM member_sanctions su
               WHERE su.user_id = u.id AND su.kind = 'suspension' AND su.until > now() AND su.consultation_id = $3
                 AND (su.space_id = $1 OR su.space_id IS NULL)) AS suspended_until
       FROM members m JOIN users u ON u.id = m.user_id
       WHERE ($4::text IS NULL OR m.role = $4) AND ${matchesEveryPattern('u', 5)}
         AND ($6::text IS NULL OR (u.search_name, u.id) > ($6::text, $7::uuid))
       ORDER BY u.search_name, u.id LIMIT $8`,
      [
        spaceId,
        space.roundtable_id,
        space.consultation_id,
        query.role ?? null,
        namePatterns(query.q),
        after?.name ?? null,
        after?.id ?? null,
        limit + 1,
      ],
    );
    const page = keysetPage(rows, limit, (last) => nameCursor(last.search_name, last.id));
    return {
      items: page.rows.map((r) => ({
        userId: r.id,
        displayName: r.display_name,
        organisation: r.organisation,
        constituency: r.constituency,
        country: r.country,
        role: r.role,
        joinedAt: r.joined_at?.toISOString() ?? null,
        suspendedUntil: r.suspended_until?.toISOString() ?? null,
      })),
      nextCursor: page.nextCursor,
    };
  }
}
