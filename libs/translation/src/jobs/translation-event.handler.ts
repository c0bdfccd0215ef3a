import { Injectable } from '@nestjs/common';
import { allAtOnceOrEachAlone, settleAll } from '@roundtable/core';
import type { SpaceEventHandler, SpaceEventJob } from '@roundtable/core';
import { TranslationRequests } from './translation-requests';

const TRIGGERS = new Set(['contribution.published', 'contribution.updated', 'contribution.restored']);

/**
 * Space events that call for translations: a contribution published, edited (new version)
 * or restored. The events of a job are asked for together: one query and one bulk add of
 * translation jobs, not one of each per post; an edit's language is detected again.
 */
@Injectable()
export class TranslationEventHandler implements SpaceEventHandler {
  readonly name = 'translation';

  constructor(private readonly requests: TranslationRequests) {}

  handles(type: string): boolean {
    return TRIGGERS.has(type);
  }

  async handle(events: SpaceEventJob[]): Promise<void> {
    const ids = (redetect: boolean) =>
      events
        .filter((e) => e.contributionId && (e.type === 'contribution.updated') === redetect)
        .map((e) => e.contributionId!);
    await settleAll(
      [false, true].map((redetect) =>
        allAtOnceOrEachAlone(ids(redetect), (batch) => this.requests.ensure(batch, { redetect }).then(() => undefined)),
      ),
    );
  }
}
