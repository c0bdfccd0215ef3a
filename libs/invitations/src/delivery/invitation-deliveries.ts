import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { InvitationEmailJob } from './invitation-jobs';

/**
 * A send's lifecycle: `queued` (recorded with the invitation or the resend) → `claimed` (a
 * worker holds it until `claimed_until`) → `sent` | `skipped` | `bounced` | `failed`. An
 * expired claim (its worker died) or a `failed` send (an operator retried the job) may be
 * claimed again; nothing leaves `sent`, `skipped` or `bounced`.
 */
export type DeliveryStatus = 'queued' | 'claimed' | 'sent' | 'skipped' | 'bounced' | 'failed';

/** `attempts` identifies this claim: a later claim of the same send has a higher one. */
export type DeliveryClaim =
  | { kind: 'claimed'; attempts: number }
  | { kind: 'held'; until: Date }
  | { kind: 'settled'; status: DeliveryStatus }
  | { kind: 'missing' };

/** How long a worker holds a send: well above the SMTP timeouts (10 s connect, 30 s socket). */
export const CLAIM_SECONDS = 120;

/**
 * The delivery records of invitation emails (`invitation_deliveries`, one per invitation
 * and send): claimed before the email goes out and completed after, so a retried or
 * doubled job never sends a second email.
 */
@Injectable()
export class InvitationDeliveries {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async claim(job: InvitationEmailJob): Promise<DeliveryClaim> {
    const claimed: unknown[] = await this.db.query(
      `UPDATE invitation_deliveries
       SET status = 'claimed', claimed_until = now() + make_interval(secs => $3), attempts = attempts + 1, updated_at = now()
       WHERE invitation_id = $1 AND send_number = $2
         AND (status IN ('queued', 'failed') OR (status = 'claimed' AND claimed_until < now()))
       RETURNING attempts`,
      [job.invitationId, job.sendNumber, CLAIM_SECONDS],
    );
    const [mine] = rowsOf<{ attempts: number }>(claimed);
    if (mine) return { kind: 'claimed', attempts: mine.attempts };
    const [row]: Array<{ status: DeliveryStatus; claimed_until: Date | null }> = await this.db.query(
      `SELECT status, claimed_until FROM invitation_deliveries WHERE invitation_id = $1 AND send_number = $2`,
      [job.invitationId, job.sendNumber],
    );
    if (!row) return { kind: 'missing' };
    return row.status === 'claimed'
      ? { kind: 'held', until: row.claimed_until! }
      : { kind: 'settled', status: row.status };
  }

  /**
   * Arms the invitation with a new link (its token's hash and expiry) if the send is still
   * claimed as `attempts`, renewing that claim in the same statement. A run that stalled
   * past its claim while another took over gets null: it must neither send nor replace the
   * link the other run is sending. Returns the new expiry, or why not.
   */
  async arm(
    job: InvitationEmailJob,
    attempts: number,
    tokenHash: Buffer,
    ttlSeconds: number,
  ): Promise<{ expiresAt: Date } | { lost: 'claim' | 'invitation' }> {
    const [row] = rowsOf<{ expires_at: Date | null; mine: boolean }>(
      await this.db.query(
        `WITH mine AS (
           UPDATE invitation_deliveries SET claimed_until = now() + make_interval(secs => $6), updated_at = now()
           WHERE invitation_id = $1 AND send_number = $2 AND status = 'claimed' AND attempts = $3
           RETURNING 1
         ), armed AS (
           UPDATE invitations SET token_hash = $4, expires_at = now() + make_interval(secs => $5), updated_at = now()
           WHERE id = $1 AND send_number = $2 AND status = 'pending' AND EXISTS (SELECT 1 FROM mine)
           RETURNING expires_at
         )
         SELECT (SELECT expires_at FROM armed) AS expires_at, EXISTS (SELECT 1 FROM mine) AS mine`,
        [job.invitationId, job.sendNumber, attempts, tokenHash, ttlSeconds, CLAIM_SECONDS],
      ),
    );
    if (!row?.mine) return { lost: 'claim' };
    return row.expires_at ? { expiresAt: row.expires_at } : { lost: 'invitation' };
  }

  async sent(job: InvitationEmailJob, messageId: string): Promise<void> {
    await this.finish(job, 'sent', null, messageId);
  }

  /** Nothing to send any more (revoked, accepted or resent meanwhile): why, for the organiser. */
  async skipped(job: InvitationEmailJob, reason: string): Promise<void> {
    await this.finish(job, 'skipped', reason);
  }

  /** The SMTP server refused for good (5xx): never retried. */
  async bounced(job: InvitationEmailJob, error: string): Promise<void> {
    await this.finish(job, 'bounced', error);
  }

  /** Retries exhausted; an operator may retry the job, which claims it again. */
  async failed(job: InvitationEmailJob, error: string): Promise<void> {
    await this.finish(job, 'failed', error);
  }

  /** A transient failure: the claim ends now, so the job's retry (after its backoff) claims again at once. */
  async release(job: InvitationEmailJob, error: string): Promise<void> {
    await this.db.query(
      `UPDATE invitation_deliveries SET claimed_until = now(), updated_at = now(), error = $3
       WHERE invitation_id = $1 AND send_number = $2 AND status = 'claimed'`,
      [job.invitationId, job.sendNumber, error.slice(0, 500)],
    );
  }

  /**
   * Sends that should be moving and are not: queued for longer than `queuedSeconds` (their
   * job was never added, or was lost) or claimed by a worker whose claim ran out.
   */
  async stalled(queuedSeconds: number, limit = 200): Promise<InvitationEmailJob[]> {
    const rows: Array<{ invitation_id: string; send_number: number }> = await this.db.query(
      `SELECT invitation_id, send_number FROM invitation_deliveries
       WHERE status IN ('queued', 'claimed') AND updated_at < now() - make_interval(secs => $1)
         AND (status = 'queued' OR claimed_until < now())
       ORDER BY updated_at LIMIT $2`,
      [queuedSeconds, limit],
    );
    return rows.map((r) => ({ invitationId: r.invitation_id, sendNumber: r.send_number }));
  }

  private async finish(
    job: InvitationEmailJob,
    status: Exclude<DeliveryStatus, 'queued' | 'claimed'>,
    error: string | null,
    messageId: string | null = null,
  ): Promise<void> {
    await this.db.query(
      `UPDATE invitation_deliveries
       SET status = $3, claimed_until = NULL, updated_at = now(), error = $4, message_id = coalesce($5, message_id),
           sent_at = CASE WHEN $3 = 'sent' THEN now() ELSE sent_at END
       WHERE invitation_id = $1 AND send_number = $2 AND status = 'claimed'`,
      [job.invitationId, job.sendNumber, status, error?.slice(0, 500) ?? null, messageId],
    );
  }
}

/** TypeORM answers an UPDATE … RETURNING with [rows, count]. */
export function rowsOf<T>(result: unknown[]): T[] {
  return (Array.isArray(result[0]) ? result[0] : result) as T[];
}
