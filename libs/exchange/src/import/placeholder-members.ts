import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Principal } from '@roundtable/identity';
import type { PlannedAuthor } from './import-plan';

/**
 * The accounts and memberships an import needs. Authors of an imported discussion get
 * placeholder accounts: no email and no password (so nobody can sign in as them), found
 * again by their external reference on the next import.
 */
@Injectable()
export class PlaceholderMembers {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Creates the missing accounts; returns every author's account and how many were created. */
  async ensureAccounts(authors: PlannedAuthor[]): Promise<{ byRef: Map<string, Principal>; created: number }> {
    if (authors.length === 0) return { byRef: new Map(), created: 0 };
    const inserted: Array<{ id: string }> = await this.db.query(
      `INSERT INTO users (display_name, organisation, constituency, country, preferred_language, external_ref)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])
       ON CONFLICT (external_ref) WHERE external_ref IS NOT NULL DO NOTHING
       RETURNING id`,
      [
        authors.map((a) => a.name),
        authors.map((a) => a.organisation),
        authors.map((a) => a.constituency),
        authors.map((a) => a.country),
        authors.map((a) => a.preferredLanguage),
        authors.map((a) => a.ref),
      ],
    );
    const rows: Array<{ id: string; external_ref: string; display_name: string; organisation: string | null; constituency: Principal['constituency']; country: string | null; preferred_language: Principal['preferredLanguage'] }> =
      await this.db.query(
        `SELECT id, external_ref, display_name, organisation, constituency, country, preferred_language
         FROM users WHERE external_ref = ANY($1::text[])`,
        [authors.map((a) => a.ref)],
      );
    const byRef = new Map<string, Principal>(
      rows.map((r) => [
        r.external_ref,
        {
          id: r.id,
          displayName: r.display_name,
          organisation: r.organisation,
          constituency: r.constituency,
          country: r.country,
          preferredLanguage: r.preferred_language,
          isOrganiser: false,
          emailVerified: true,
          twoFactor: false,
        },
      ]),
    );
    return { byRef, created: inserted.length };
  }

  /**
   * Makes every author a member of the space; authors flagged as moderators there get the
   * moderator role. An existing role is never lowered. Returns how many memberships were new.
   * (Placeholder accounts cannot sign in, so no cached access needs dropping.)
   */
  async ensureMemberships(spaceId: string, members: Array<{ userId: string; moderator: boolean }>): Promise<number> {
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
}
