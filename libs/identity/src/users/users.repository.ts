import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Constituency, Language } from '@roundtable/core';

/** An account made for the author of an imported discussion: no email, no password, so nobody can sign in as it. */
export interface PlaceholderAccount {
  /** the author's reference in the source, found again on the next import */
  ref: string;
  name: string;
  organisation: string | null;
  constituency: Constituency;
  country: string | null;
  preferredLanguage: Language;
}

/**
 * Writes to `users` that other libs need (identity owns the table): placeholder accounts
 * for imports (exchange), an invited address counted as verified (invitations), the run of
 * bounced digest emails (member digests). Identity's own services write the rest.
 */
@Injectable()
export class UsersRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Creates the accounts not there yet (by external reference); returns how many were created. */
  async insertPlaceholders(accounts: PlaceholderAccount[]): Promise<number> {
    if (accounts.length === 0) return 0;
    const inserted: Array<{ id: string }> = await this.db.query(
      `INSERT INTO users (display_name, organisation, constituency, country, preferred_language, external_ref)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])
       ON CONFLICT (external_ref) WHERE external_ref IS NOT NULL DO NOTHING
       RETURNING id`,
      [
        accounts.map((a) => a.name),
        accounts.map((a) => a.organisation),
        accounts.map((a) => a.constituency),
        accounts.map((a) => a.country),
        accounts.map((a) => a.preferredLanguage),
        accounts.map((a) => a.ref),
      ],
    );
    return inserted.length;
  }

  /**
   * An invitation link reached the invited address and an organiser chose to invite it:
   * when the account is that address, its email and its affiliation count as verified.
   */
  async verifyInvitedAddress(manager: EntityManager, userId: string, email: string): Promise<void> {
    await manager.query(
      `UPDATE users SET email_verified_at = coalesce(email_verified_at, now()), affiliation_verified_at = coalesce(affiliation_verified_at, now())
       WHERE id = $1 AND email = $2`,
      [userId, email],
    );
  }

  /** A digest reached the member: any run of bounces ends. */
  async clearDigestBounces(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(`UPDATE users SET digest_bounces = 0 WHERE id = $1 AND digest_bounces <> 0`, [userId]);
  }

  /** A digest bounced for good: one more in the run, and the digest pauses at `pauseAfter` in a row. */
  async countDigestBounce(
    manager: EntityManager,
    userId: string,
    pauseAfter: number,
  ): Promise<{ bounces: number; paused: boolean }> {
    const result: unknown[] = await manager.query(
      `UPDATE users SET digest_bounces = digest_bounces + 1,
              digest_paused_at = CASE WHEN digest_bounces + 1 >= $2 THEN coalesce(digest_paused_at, now()) ELSE digest_paused_at END
       WHERE id = $1
       RETURNING digest_bounces, digest_paused_at`,
      [userId, pauseAfter],
    );
    // TypeORM answers an UPDATE with [rows, count]
    const rows = (Array.isArray(result[0]) ? result[0] : result) as Array<{
      digest_bounces: number;
      digest_paused_at: Date | null;
    }>;
    return { bounces: rows[0]?.digest_bounces ?? 0, paused: !!rows[0]?.digest_paused_at };
  }
}
