import type { Job } from 'bullmq';
import type { QueueConsumers, SpaceEventBatch, SpaceEventHandler, SpaceEventJob } from '@roundtable/core';
import { SpaceEventsProcessor } from './space-events.processor';

/** A handler that records what it was given and refuses the events it is told to. */
function recording(name: string, types: string[], refuse: (e: SpaceEventJob) => boolean = () => false) {
  const seen: string[] = [];
  const handler: SpaceEventHandler = {
    name,
    handles: (type) => types.includes(type),
    handle: async (e) => {
      if (refuse(e)) throw new Error(`cannot handle seq ${e.seq}`);
      seen.push(`${e.spaceId}/${e.seq}`);
    },
  };
  return { handler, seen };
}

const event = (seq: number, type = 'contribution.published'): SpaceEventJob => ({
  spaceId: 's1',
  seq,
  type,
  contributionId: `c${seq}`,
});
const jobOf = <T>(data: T) => ({ data }) as Job<T>;

describe('SpaceEventsProcessor', () => {
  const consumers = {} as QueueConsumers;

  it('hands every event of a job to each handler of its type', async () => {
    const translation = recording('translation', ['contribution.published', 'contribution.updated']);
    const notices = recording('notifications', ['contribution.published', 'digest.published']);
    const processor = new SpaceEventsProcessor(consumers, [translation.handler, notices.handler]);
    await processor.process(
      jobOf<SpaceEventBatch>({ events: [event(1), event(2, 'contribution.updated'), event(3, 'digest.published')] }),
    );
    expect(translation.seen.sort()).toEqual(['s1/1', 's1/2']);
    expect(notices.seen.sort()).toEqual(['s1/1', 's1/3']);
  });

  it('still handles a job of one event, as queued before events were handed on together', async () => {
    const translation = recording('translation', ['contribution.published']);
    await new SpaceEventsProcessor(consumers, [translation.handler]).process(jobOf<SpaceEventJob>(event(7)));
    expect(translation.seen).toEqual(['s1/7']);
  });

  it('fails the job when one event fails, after handling the others', async () => {
    const translation = recording('translation', ['contribution.published'], (e) => e.seq === 2);
    const processor = new SpaceEventsProcessor(consumers, [translation.handler]);
    await expect(processor.process(jobOf<SpaceEventBatch>({ events: [event(1), event(2), event(3)] }))).rejects.toThrow(
      '1 of 3 event(s) failed, the first: cannot handle seq 2',
    );
    expect(translation.seen.sort()).toEqual(['s1/1', 's1/3']);
  });
});
