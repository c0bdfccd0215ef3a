import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError, NOT_FOUND, QueueName, QueueRegistry } from '@roundtable/core';
import { digestRunJobId, DigestRunJob } from '../digest-period';
import type { DigestRunAcceptedDto } from './run-digest.dto';
import { MEMBER_DIGESTS_MESSAGES as M } from '../member-digests-messages';

/**
 * Runs the weekly member digest now, for one consultation or all: queues one run job per
 * consultation (fixed id per consultation and period) for the worker. The period ends now
 * by the database's clock (the one that stamps contributions); a period end in the future
 * is refused: contributions written after the run and before that end would fall between
 * two digests.
 */
@Injectable()
export class DigestRunRequests {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly queues: QueueRegistry,
  ) {}

  async request(periodEnd: string | undefined, consultationId?: string): Promise<DigestRunAcceptedDto> {
    const [{ now }]: Array<{ now: Date }> = await this.db.query(`SELECT clock_timestamp() AS now`);
    const end = periodEnd ? new Date(periodEnd) : now;
    if (Number.isNaN(end.getTime())) throw DomainError.badRequest(M.periodEndNotDate, 'bad_period');
    if (end.getTime() > now.getTime()) throw DomainError.badRequest(M.periodEndFuture, 'bad_period');
    const consultations: Array<{ id: string }> = consultationId
      ? await this.db.query(`SELECT id FROM consultations WHERE id = $1`, [consultationId])
      : await this.db.query(`SELECT id FROM consultations ORDER BY created_at`);
    if (consultationId && consultations.length === 0) throw DomainError.notFound(NOT_FOUND.consultation);
    const jobs = consultations.map(({ id }) => ({
      name: 'manual-run',
      data: { consultationId: id, periodEnd: end.toISOString(), trigger: 'manual' } satisfies DigestRunJob,
      opts: { jobId: digestRunJobId({ consultationId: id, periodEnd: end }) },
    }));
    if (jobs.length) await this.queues.get(QueueName.MemberDigestRuns).addBulk(jobs);
    return {
      periodEnd: end.toISOString(),
      runs: jobs.map((j) => ({ consultationId: j.data.consultationId, jobId: j.opts.jobId })),
    };
  }
}
