import { Injectable, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import { AppConfig, delayUntil, isLastAttempt, QueueConsumers, QueueName } from '@roundtable/core';
import type { MemberDigestJob } from '../digest-period';
import { DeliverMemberDigest, DeliveryOutcome } from './deliver-member-digest';

/**
 * Locks are renewed every 5 s while a job runs; a worker killed mid-send leaves its jobs
 * stalled, and another worker's check (every 5 s) gives them back within ~15 s.
 */
const LOCK_MS = 10_000;
const STALLED_CHECK_MS = 5_000;

/**
 * The worker's only consumer of the member-digests queue: one job per member and period
 * (`digest-<userId>-<period>`). Thin: {@link DeliverMemberDigest} decides; this maps its
 * outcome onto BullMQ — a claim held elsewhere delays the job until the claim expires, a
 * bounce fails it for good (kept, not retried), a transient SMTP error is thrown and
 * retried with backoff.
 */
@Injectable()
export class MemberDigestProcessor implements OnModuleInit, OnApplicationBootstrap {
  constructor(
    private readonly consumers: QueueConsumers,
    private readonly deliver: DeliverMemberDigest,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.consumers.claim(QueueName.MemberDigests);
  }

  onApplicationBootstrap(): void {
    this.consumers.consume<MemberDigestJob>(QueueName.MemberDigests, (job, token) => this.process(job, token), {
      concurrency: this.config.DIGEST_CONCURRENCY,
      lockDuration: LOCK_MS,
      stalledInterval: STALLED_CHECK_MS,
    });
  }

  async process(job: Job<MemberDigestJob>, token?: string): Promise<DeliveryOutcome> {
    const lastAttempt = isLastAttempt(job);
    const outcome = await this.deliver.run(job.data, lastAttempt);
    // another worker holds the claim (or held it and died): look again once it expires
    if (outcome.kind === 'held') return delayUntil(job, outcome.until, token);
    if (outcome.kind === 'bounced') throw new UnrecoverableError(`bounced: ${outcome.error}`);
    return outcome;
  }
}
