import { Injectable, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import { AppConfig, delayUntil, isLastAttempt, QueueConsumers, QueueName } from '@roundtable/core';
import type { InvitationEmailJob } from '../delivery/invitation-jobs';
import { DeliverInvitation, InvitationOutcome } from './deliver-invitation';

/**
 * The worker's only consumer of the invitation-emails queue (`invite-<invitationId>-<send>`).
 * Thin: {@link DeliverInvitation} decides; this maps its outcome onto BullMQ — a claim
 * held elsewhere delays the job until the claim expires, a bounce fails it for good (kept,
 * not retried), a transient SMTP error is thrown and retried with backoff.
 */
@Injectable()
export class InvitationEmailProcessor implements OnModuleInit, OnApplicationBootstrap {
  constructor(
    private readonly consumers: QueueConsumers,
    private readonly deliver: DeliverInvitation,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.consumers.claim(QueueName.InvitationEmails);
  }

  onApplicationBootstrap(): void {
    this.consumers.consume<InvitationEmailJob>(QueueName.InvitationEmails, (job, token) => this.process(job, token), {
      concurrency: this.config.INVITATION_CONCURRENCY,
    });
  }

  async process(job: Job<InvitationEmailJob>, token?: string): Promise<InvitationOutcome> {
    const lastAttempt = isLastAttempt(job);
    const outcome = await this.deliver.run(job.data, lastAttempt);
    if (outcome.kind === 'held') return delayUntil(job, outcome.until, token);
    if (outcome.kind === 'bounced') throw new UnrecoverableError(`bounced: ${outcome.error}`);
    return outcome;
  }
}
