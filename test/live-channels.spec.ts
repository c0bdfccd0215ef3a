import { SpaceChannels } from '../libs/live/src/space-channels';

/**
 * SpaceChannels on its own, with the database and sockets faked: what happens when the
 * event log cannot be read for a moment (a pool timeout, a failover) while clients join.
 */
describe('SpaceChannels when the event log is briefly unavailable', () => {
  const spaceId = '11111111-1111-4111-8111-111111111111';

  function fakeSocket(id: string) {
    const rooms = new Set<string>([id]);
    const emitted: any[] = [];
    return {
      id,
      rooms,
      emitted,
      emit: (_name: string, event: any) => emitted.push(event),
      join: async (room: string) => void rooms.add(room),
    };
  }

  function channelsWith(eventLog: { lastSeq: jest.Mock; readAfter: jest.Mock }): SpaceChannels {
    return new SpaceChannels({} as never, {} as never, eventLog as never);
  }

  const viewer = { userId: '22222222-2222-4222-8222-222222222222', canModerate: false };
  const event = (seq: number) => ({ type: 'contribution.published', spaceId, seq, payload: {} });
  /** The log holds seqs 1..n; reads honour afterSeq and upToSeq like the real one. */
  const log = (n: number) => async (_space: string, after: number, limit: number, _viewer: unknown, upTo?: number) =>
    Array.from({ length: n }, (_, i) => event(i + 1))
      .filter((e) => e.seq > after && (upTo === undefined || e.seq <= upTo))
      .slice(0, limit);

  it('lets the next join succeed after a join failed to read the position', async () => {
    const lastSeq = jest
      .fn()
      .mockRejectedValueOnce(new Error('timeout exceeded when trying to connect'))
      .mockResolvedValue(2);
    const readAfter = jest.fn(log(2));
    const channels = channelsWith({ lastSeq, readAfter });

    const first = fakeSocket('a');
    await expect(channels.join(first as never, spaceId, 0, viewer)).rejects.toThrow(/timeout/);
    expect(first.rooms.has(`space:${spaceId}`)).toBe(false);

    const second = fakeSocket('b');
    await expect(channels.join(second as never, spaceId, 0, viewer)).resolves.toBe(2);
    expect(second.emitted.map((e) => e.seq)).toEqual([1, 2]);
    expect(second.rooms.has(`space:${spaceId}`)).toBe(true);
    // and the first socket can retry too
    await expect(channels.join(first as never, spaceId, 1, viewer)).resolves.toBe(2);
    expect(first.emitted.map((e) => e.seq)).toEqual([2]);
  });

  it('lets a socket whose replay failed join again, and does not keep a channel alive for it', async () => {
    const lastSeq = jest.fn().mockResolvedValue(3);
    const readAfter = jest.fn(log(3)).mockRejectedValueOnce(new Error('connection reset'));
    const channels = channelsWith({ lastSeq, readAfter });

    const socket = fakeSocket('c');
    await expect(channels.join(socket as never, spaceId, 0, viewer)).rejects.toThrow(/reset/);
    expect((channels as any).channels.size).toBe(0); // nobody follows the space here any more
    await expect(channels.join(socket as never, spaceId, 0, viewer)).resolves.toBe(3);
    expect(socket.emitted.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(lastSeq).toHaveBeenCalledTimes(2); // the second join started a fresh channel
  });
});
