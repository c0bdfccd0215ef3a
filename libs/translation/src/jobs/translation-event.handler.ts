import { Injectable } from '@nestjs/common';
import type { SpaceEventHandler, SpaceEventJob } from '@roundtable/core';
import { TranslationRequests } from './translation-requests';

const TRIGGERS = new Set(['contribution.published', 'contribution.updated', 'contribution.restored']);

/** Space events that call for translations: a contribution published, edited (new version) or restored. */
@Injectable()
export class TranslationEventHandler implements SpaceEventHandler {
  readonly name = 'translation';

  constructor(private readonly requests: TranslationRequests) {}

  handles(type: string): boolean {
    return TRIGGERS.has(type);
  }

  async handle(job: SpaceEventJob): Promise<void> {
    if (!job.contributionId) return;
    await this.requests.ensure([job.contributionId], { redetect: job.type === 'contribution.updated' });
  }
}
