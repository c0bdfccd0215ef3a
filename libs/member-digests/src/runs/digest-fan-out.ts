import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { QueueName, QueueRegistry } from '@roundtable/core';
import { MemberDigestKey, memberDigestJobId, MemberDigestJob } from '../digest-period';

const BATCH = 500;

/**
 * One consultation's digest run for a period: records the run, then queues one job per
 * member who may get a digest (an email address, digest on and not paused, not
 * suspended, a visible space) and has none settled for the period yet. Job ids are fixed,
 * so a run repeated, retried or racing a scheduler queues nobody twice.
 */
@Injectable()
export class DigestFanOut {
  private readonly logger = new Logger(DigestFanOut.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly queues: QueueRegistry,
  ) {}

  async run(consultationId: string, end: Date, trigger: 'schedule' | 'manual'): Promise<number> {
    const period: MemberDigestKey = { consultationId, periodEnd: end };
    if (trigger === 'schedule' && (await this.ranRecently(period))) {
      // the local hour came twice (daylight saving time ended): one digest that week is enough
      this.logger.log(
        `digest run ${consultationId} until ${period.periodEnd.toISOString()} skipped: a run ended less than a day before`,
      );
      return 0;
    }
    const inserted = await this.db.query(
      `INSERT INTO member_digest_runs (consultation_id, period_end, trigger) SELECT id, $2, $3 FROM consultations WHERE id = $1
       ON CONFLICT DO NOTHING RETURNING consultation_id`,
      [consultationId, period.periodEnd, trigger],
    );
    const exists =
      inserted.length > 0 ||
      (await this.db.query(`SELECT 1 FROM consultations WHERE id = $1`, [consultationId])).length > 0;
    if (!exists) {
      this.logger.warn(`digest run for consultation ${consultationId}: it no longer exists`);
      return 0;
    }
    const members: Array<{ id: string }> = await this.db.query(
      `SELECT u.id FROM users u
       WHERE u.id IN (
           SELECT m.user_id FROM memberships m JOIN spaces s ON s.id = m.space_id JOIN roundtables r ON r.id = s.roundtable_id
           WHERE r.consultation_id = $1 AND s.status <> 'draft'
           UNION
           SELECT rr.user_id FROM roundtable_roles rr JOIN roundtables r ON r.id = rr.roundtable_id WHERE r.consultation_id = $1)
         AND u.email IS NOT NULL AND u.digest = 'weekly' AND u.digest_paused_at IS NULL
         AND NOT EXISTS (SELECT 1 FROM member_sanctions su
                         WHERE su.user_id = u.id AND su.consultation_id = $1 AND su.kind = 'suspension' AND su.until > now())
         AND NOT EXISTS (SELECT 1 FROM member_digest_deliveries d
                         WHERE d.user_id = u.id AND d.consultation_id = $1 AND d.period_end = $2 AND d.status IN ('sent', 'empty', 'skipped', 'bounced'))
       ORDER BY u.id`,
      [consultationId, period.periodEnd],
    );
    const queue = this.queues.get(QueueName.MemberDigests);
    for (let i = 0; i < members.length; i += BATCH) {
      await queue.addBulk(
        members.slice(i, i + BATCH).map(({ id }) => ({
          name: 'digest',
          data: { userId: id, consultationId, periodEnd: period.periodEnd.toISOString() } satisfies MemberDigestJob,
          opts: { jobId: memberDigestJobId(id, period) },
        })),
      );
    }
    await this.db.query(
      `UPDATE member_digest_runs SET members = $3, fanned_out_at = now() WHERE consultation_id = $1 AND period_end = $2`,
      [consultationId, period.periodEnd, members.length],
    );
    this.logger.log(
      `digest run ${consultationId} until ${period.periodEnd.toISOString()} (${trigger}): ${members.length} member(s) queued`,
    );
    return members.length;
  }

  private async ranRecently(period: MemberDigestKey): Promise<boolean> {
    const rows = await this.db.query(
      `SELECT 1 FROM member_digest_runs WHERE consultation_id = $1 AND period_end < $2 AND period_end > $2::timestamptz - interval '20 hours' LIMIT 1`,
      [period.consultationId, period.periodEnd],
    );
    return rows.length > 0;
  }
}
