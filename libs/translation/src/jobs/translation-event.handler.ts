import { Injectable } from '@nestjs/common';
import { GroupCommit } from '@roundtable/core';
import type { SpaceEventHandler, SpaceEventJob } from '@roundtable/core';
import { TranslationRequests } from './translation-requests';

const TRIGGERS = new Set(['contribution.published', 'contribution.updated', 'contribution.restored']);

/**
 * Space events that call for translations: a contribution published, edited (new version)
 * or restored. The events the worker handles at once are asked for together: one query and
 * one bulk add for the batch, not one of each per post.
 */
@Injectable()
export class TranslationEventHandler implements SpaceEventHandler {
  readonly name = 'translation';
  /** Keyed by whether the language is detected again (an edit), which `ensure` takes per call. */
  private readonly batches = new GroupCommit<string, void>(async (key, contributionIds) => {
    await this.requests.ensure(contributionIds, { redetect: key === 'redetect' });
    return contributionIds.map(() => undefined);
  });

  constructor(private readonly requests: TranslationRequests) {}

  handles(type: string): boolean {
    return TRIGGERS.has(type);
  }

  async handle(job: SpaceEventJob): Promise<void> {
    if (!job.contributionId) return;
    const redetect = job.type === 'contribution.updated';
    // a batch that failed is asked again one event at a time, so one bad event fails only its own job
    await this.batches
      .submit(redetect ? 'redetect' : 'as-is', job.contributionId)
      .catch(() => this.requests.ensure([job.contributionId!], { redetect }));
  }
}
