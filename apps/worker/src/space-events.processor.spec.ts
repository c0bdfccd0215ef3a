import type { Job } from 'bullmq';
import type { QueueConsumers, SpaceEventBatch, SpaceEventHandler, SpaceEventJob } from '@roundtable/core';
import { SpaceEventsProcessor } from './space-events.processor';

/** A handler that records what it was given and refuses the events it is told to. */
function recording(name: string, types: string[], refuse: (e: SpaceEventJob) => boolean = () => false) {
  const seen: string[] = [];
  const handler: SpaceEventHandler = {
    name,
    handles: (type) => types.includes(type),
    handle: async (events) => {
      calls.push(events.length);
      seen.push(...events.map((e) => `${e.spaceId}/${e.seq}`));
      const refused = events.find(refuse);
      if (refused) throw new Error(`cannot handle seq ${refused.seq}`);
    },
  };
  const calls: number[] = [];
  return { handler, seen, calls };
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

  it('hands the events of a job to each handler of their types, all of them in one call', async () => {
    const translation = recording('translation', ['contribution.published', 'contribution.updated']);
    const notices = recording('notifications', ['contribution.published', 'digest.published']);
    const processor = new SpaceEventsProcessor(consumers, [translation.handler, notices.handler]);
    await processor.process(
      jobOf<SpaceEventBatch>({ events: [event(1), event(2, 'contribution.updated'), event(3, 'digest.published')] }),
    );
    expect(translation.seen.sort()).toEqual(['s1/1', 's1/2']);
    expect(notices.seen.sort()).toEqual(['s1/1', 's1/3']);
    expect([translation.calls, notices.calls]).toEqual([[2], [2]]);
  });

  it('still handles a job of one event, as queued before events were handed on together', async () => {
    const translation = recording('translation', ['contribution.published']);
    await new SpaceEventsProcessor(consumers, [translation.handler]).process(jobOf<SpaceEventJob>(event(7)));
    expect(translation.seen).toEqual(['s1/7']);
  });

  it('fails the job when a handler fails, after the other handlers are done', async () => {
    const translation = recording('translation', ['contribution.published'], (e) => e.seq === 2);
    const notices = recording('notifications', ['contribution.published']);
    const processor = new SpaceEventsProcessor(consumers, [translation.handler, notices.handler]);
    await expect(processor.process(jobOf<SpaceEventBatch>({ events: [event(1), event(2), event(3)] }))).rejects.toThrow(
      'translation failed on 3 event(s), the first: cannot handle seq 2',
    );
    expect(notices.seen.sort()).toEqual(['s1/1', 's1/2', 's1/3']);
  });

  it('calls no handler for a job none of whose events it handles', async () => {
    const notices = recording('notifications', ['digest.published']);
    await new SpaceEventsProcessor(consumers, [notices.handler]).process(jobOf<SpaceEventJob>(event(4)));
    expect(notices.calls).toEqual([]);
  });
});
