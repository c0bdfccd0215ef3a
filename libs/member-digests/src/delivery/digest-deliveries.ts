import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '@roundtable/core';
import { UsersRepository } from '@roundtable/identity';
import { MemberDigestKey, MAX_PERIOD_DAYS } from '../digest-period';
import { queryPrepared } from '../shared/prepared-statements';
import { BOUNCES_BEFORE_PAUSE, Claim, DeliveryStatus } from './delivery-status';

type Key = [string, string, Date];

/**
 * The delivery records of member digests (`member_digest_deliveries`, unique on member and
 * period): claimed before an email is sent and completed after, so a retried, doubled or
 * swept job never sends a second email.
 */
@Injectable()
export class DigestDeliveries {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: AppConfig,
    private readonly users: UsersRepository,
  ) {}

  /**
   * Claims the member's delivery for the period, unless it is settled or another worker
   * holds an unexpired claim. The window starts where the member's last digest (sent, or
   * empty) ended, at most {@link MAX_PERIOD_DAYS} back, and is fixed by the first claim.
   */
  async claim(userId: string, period: MemberDigestKey): Promise<Claim> {
    const key = this.key(userId, period);
    const claimed = await queryPrepared<{ period_start: Date; attempts: number }>(
      this.db,
      'member-digest-claim',
      `WITH prior AS (
         SELECT max(period_end) AS last_end FROM member_digest_deliveries
         WHERE user_id = $1 AND consultation_id = $2 AND period_end < $3 AND status IN ('sent', 'empty')
       )
       INSERT INTO member_digest_deliveries AS d (user_id, consultation_id, period_end, period_start, status, claimed_until)
       SELECT $1, $2, $3, greatest(coalesce(prior.last_end, '-infinity'::timestamptz), $3::timestamptz - make_interval(days => $5)),
              'claimed', now() + make_interval(secs => $4)
       FROM prior
       ON CONFLICT (user_id, consultation_id, period_end) DO UPDATE
         SET status = 'claimed', claimed_until = excluded.claimed_until, attempts = d.attempts + 1, updated_at = now()
         WHERE d.status = 'failed' OR (d.status = 'claimed' AND d.claimed_until < now())
       RETURNING d.period_start, d.attempts`,
      [...key, this.config.DIGEST_CLAIM_TTL_SECONDS, MAX_PERIOD_DAYS],
    );
    if (claimed.length > 0)
      return { kind: 'claimed', periodStart: claimed[0].period_start, attempts: claimed[0].attempts };
    const [row]: Array<{ status: DeliveryStatus; claimed_until: Date | null }> = await this.db.query(
      `SELECT status, claimed_until FROM member_digest_deliveries WHERE user_id = $1 AND consultation_id = $2 AND period_end = $3`,
      key,
    );
    if (!row) throw new Error(`delivery ${key.join('/')} vanished while being claimed`);
    return row.status === 'claimed'
      ? { kind: 'held', until: row.claimed_until! }
      : { kind: 'settled', status: row.status };
  }

  /**
   * Right before sending: renews the claim if it is still the one taken as `attempts`.
   * A job that stalled past its claim's expiry (its lock lost, the event loop starved)
   * finds that another run has claimed the delivery since, and must not send: otherwise
   * both would. Returns the claim's new expiry, or null when it is no longer ours.
   */
  async renew(userId: string, period: MemberDigestKey, attempts: number): Promise<Date | null> {
    const rows: Array<{ claimed_until: Date }> = await queryPrepared(
      this.db,
      'member-digest-renew',
      `UPDATE member_digest_deliveries SET claimed_until = now() + make_interval(secs => $5), updated_at = now()
       WHERE user_id = $1 AND consultation_id = $2 AND period_end = $3 AND status = 'claimed' AND attempts = $4
       RETURNING claimed_until`,
      [...this.key(userId, period), attempts, this.config.DIGEST_CLAIM_TTL_SECONDS],
    );
    return rows[0]?.claimed_until ?? null;
  }

  /** The email went out: settles the delivery and ends any run of bounces, together. */
  async sent(userId: string, period: MemberDigestKey, messageId: string, items: number): Promise<void> {
    await this.db.transaction(async (manager) => {
      const [, settled] = await manager.query(
        `UPDATE member_digest_deliveries SET status = 'sent', claimed_until = NULL, sent_at = now(), updated_at = now(), message_id = $4, items = $5, error = NULL
         WHERE user_id = $1 AND consultation_id = $2 AND period_end = $3 AND status = 'claimed'`,
        [...this.key(userId, period), messageId, items],
      );
      if (settled > 0) await this.users.clearDigestBounces(manager, userId);
    });
  }

  /** Nothing to send (`empty`) or nobody to send it to any more (`skipped`, with why). */
  async settle(
    userId: string,
    period: MemberDigestKey,
    status: 'empty' | 'skipped',
    note: string | null = null,
  ): Promise<void> {
    await this.db.query(
      `UPDATE member_digest_deliveries SET status = $4, claimed_until = NULL, updated_at = now(), error = $5, items = 0
       WHERE user_id = $1 AND consultation_id = $2 AND period_end = $3 AND status = 'claimed'`,
      [...this.key(userId, period), status, note],
    );
  }

  /**
   * The SMTP server refused for good (5xx): the delivery is `bounced`, never retried, and
   * the member's third bounce in a row pauses their digest. Returns whether it is paused now.
   */
  async bounced(userId: string, period: MemberDigestKey, error: string): Promise<{ bounces: number; paused: boolean }> {
    return this.db.transaction(async (manager) => {
      const [, settled] = await manager.query(
        `UPDATE member_digest_deliveries SET status = 'bounced', claimed_until = NULL, updated_at = now(), error = $4
         WHERE user_id = $1 AND consultation_id = $2 AND period_end = $3 AND status = 'claimed'`,
        [...this.key(userId, period), error],
      );
      if (settled === 0) return { bounces: 0, paused: false };
      return this.users.countDigestBounce(manager, userId, BOUNCES_BEFORE_PAUSE);
    });
  }

  /** A transient failure: the claim ends now, so the job's retry (after its backoff) can claim again at once. */
  async release(userId: string, period: MemberDigestKey, error: string): Promise<void> {
    await this.db.query(
      `UPDATE member_digest_deliveries SET claimed_until = now(), updated_at = now(), error = $4
       WHERE user_id = $1 AND consultation_id = $2 AND period_end = $3 AND status = 'claimed'`,
      [...this.key(userId, period), error],
    );
  }

  /** Retries exhausted: `failed`, kept for an operator (a retried job may claim it again). */
  async failed(userId: string, period: MemberDigestKey, error: string): Promise<void> {
    await this.db.query(
      `UPDATE member_digest_deliveries SET status = 'failed', claimed_until = NULL, updated_at = now(), error = $4
       WHERE user_id = $1 AND consultation_id = $2 AND period_end = $3 AND status = 'claimed'`,
      [...this.key(userId, period), error],
    );
  }

  /** Claims that expired a while ago: their worker died between claim and send (or its retry is pending). */
  async expiredClaims(graceSeconds: number, limit = 200): Promise<Array<{ userId: string } & MemberDigestKey>> {
    const rows: Array<{ user_id: string; consultation_id: string; period_end: Date }> = await this.db.query(
      `SELECT user_id, consultation_id, period_end FROM member_digest_deliveries
       WHERE status = 'claimed' AND claimed_until < now() - make_interval(secs => $1)
       ORDER BY claimed_until LIMIT $2`,
      [graceSeconds, limit],
    );
    return rows.map((r) => ({ userId: r.user_id, consultationId: r.consultation_id, periodEnd: r.period_end }));
  }

  private key(userId: string, period: MemberDigestKey): Key {
    return [userId, period.consultationId, period.periodEnd];
  }
}
