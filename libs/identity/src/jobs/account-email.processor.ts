import { Injectable, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { Job } from 'bullmq';
import { QueueConsumers, QueueName } from '@roundtable/core';
import type { AccountEmailJob } from '../emails/account-emails';
import { AccountEmailOutcome, DeliverAccountEmail } from './deliver-account-email';

/** The worker's only consumer of the account-emails queue: thin, {@link DeliverAccountEmail} decides. */
@Injectable()
export class AccountEmailProcessor implements OnModuleInit, OnApplicationBootstrap {
  constructor(
    private readonly consumers: QueueConsumers,
    private readonly deliver: DeliverAccountEmail,
  ) {}

  onModuleInit(): void {
    this.consumers.claim(QueueName.AccountEmails);
  }

  onApplicationBootstrap(): void {
    this.consumers.consume<AccountEmailJob>(QueueName.AccountEmails, (job) => this.process(job), { concurrency: 4 });
  }

  process(job: Job<AccountEmailJob>): Promise<AccountEmailOutcome> {
    return this.deliver.run(job.data.emailId);
  }
}
