import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { UsersRepository } from '@roundtable/identity';
import type { Principal } from '@roundtable/identity';
import { MembershipsRepository } from '@roundtable/spaces';
import type { PlannedAuthor } from './import-plan';

/**
 * The accounts and memberships an import needs. Authors of an imported discussion get
 * placeholder accounts: no email and no password (so nobody can sign in as them), found
 * again by their external reference on the next import.
 */
@Injectable()
export class PlaceholderMembers {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly users: UsersRepository,
    private readonly memberships: MembershipsRepository,
  ) {}

  /** Creates the missing accounts; returns every author's account and how many were created. */
  async ensureAccounts(authors: PlannedAuthor[]): Promise<{ byRef: Map<string, Principal>; created: number }> {
    if (authors.length === 0) return { byRef: new Map(), created: 0 };
    const created = await this.users.insertPlaceholders(authors);
    const rows: Array<{
      id: string;
      external_ref: string;
      display_name: string;
      organisation: string | null;
      constituency: Principal['constituency'];
      country: string | null;
      preferred_language: Principal['preferredLanguage'];
    }> = await this.db.query(
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
    return { byRef, created };
  }

  /**
   * Makes every author a member of the space; authors flagged as moderators there get the
   * moderator role. An existing role is never lowered. Returns how many memberships were new.
   * (Placeholder accounts cannot sign in, so no cached access needs dropping.)
   */
  async ensureMemberships(spaceId: string, members: Array<{ userId: string; moderator: boolean }>): Promise<number> {
    return this.memberships.addImported(spaceId, members);
  }
}
